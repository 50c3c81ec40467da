package dev.stacstream.sinks.bucket;

import dev.stacstream.sinks.row.GridStatsBatch;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * Puts a batch of {@code grid_stats} rows in {@code collection=<collection>/period=<period label>}, from the rows'
 * own values (a batch's rows share both).
 * The folder therefore follows the row's event time (its period), not the wall clock at which it is written,
 * unlike Flink's {@code DateTimeBucketAssigner}: a replay after a failure or a late item lands in the same folder.
 */
public final class GridStatsBucketAssigner implements BucketAssigner<GridStatsBatch, String> {

    private static final long serialVersionUID = 1L;

    private transient String lastCollection;
    private transient String lastPeriod;
    private transient String lastBucket;

    @Override
    public String getBucketId(GridStatsBatch batch, Context context) {
        // Batches arrive in long runs of one (collection, period): escape the folder name once per run.
        String collection = batch.collection();
        String period = batch.period().label();
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
