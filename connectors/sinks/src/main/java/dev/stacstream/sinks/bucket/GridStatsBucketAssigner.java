package dev.stacstream.sinks.bucket;

import dev.stacstream.sinks.row.GridStatsRow;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * Puts a {@code grid_stats} row in {@code collection=<collection>/period=<period label>}, from the row's own values.
 * The folder therefore follows the row's event time (its period), not the wall clock at which it is written,
 * unlike Flink's {@code DateTimeBucketAssigner}: a replay after a failure or a late item lands in the same folder.
 */
public final class GridStatsBucketAssigner implements BucketAssigner<GridStatsRow, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(GridStatsRow row, Context context) {
        return HivePartition.segment("collection", row.collection()) + '/'
                + HivePartition.segment("period", row.period().label());
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "GridStatsBucketAssigner{collection=…/period=…}";
    }
}
