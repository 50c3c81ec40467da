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

    private transient String lastCollection;
    private transient String lastPeriod;
    private transient String lastBucket;

    @Override
    public String getBucketId(GridStatsRow row, Context context) {
        // Rows arrive in long runs of one (collection, period): escape the folder name once per run, not per row.
        String collection = row.collection();
        String period = row.period().label();
        if (!collection.equals(lastCollection) || !period.equals(lastPeriod)) {
            lastCollection = collection;
            lastPeriod = period;
            lastBucket = HivePartition.segment("collection", collection) + '/' + HivePartition.segment("period", period);
        }
        return lastBucket;
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
