package dev.stacstream.sinks.bucket;

import dev.stacstream.sinks.row.PixelBatch;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * Puts a polygon's pixels in {@code collection=<collection>/date=<item's UTC date>}: from the batch's own values, so
 * a replay lands in the same folder.
 */
public final class PixelsBucketAssigner implements BucketAssigner<PixelBatch, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(PixelBatch batch, Context context) {
        return HivePartition.segment("collection", batch.collection()) + '/'
                + HivePartition.segment("date", LocalDate.ofInstant(batch.sources().get(0).datetime(), ZoneOffset.UTC).toString());
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "PixelsBucketAssigner{collection=…/date=…}";
    }
}
