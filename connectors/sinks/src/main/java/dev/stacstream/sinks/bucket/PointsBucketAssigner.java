package dev.stacstream.sinks.bucket;

import dev.stacstream.sinks.row.PointRow;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * Puts a {@code points} row in {@code collection=<collection>/period=<period label>}, like {@code grid_stats}: the
 * folder follows the row's own period, so a replay after a failure lands in the same folder.
 */
public final class PointsBucketAssigner implements BucketAssigner<PointRow, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(PointRow row, Context context) {
        return HivePartition.segment("collection", row.collection()) + '/'
                + HivePartition.segment("period", row.period().label());
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "PointsBucketAssigner{collection=…/period=…}";
    }
}
