package dev.stacstream.sinks.bucket;

import dev.stacstream.sinks.row.ErrorRow;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * Puts an {@code errors} row in {@code date=<yyyy-MM-dd>}, the UTC date of the row's {@code time}, so the folder
 * follows the row (a replayed row lands where the first attempt put it), not the sink's wall clock.
 */
public final class ErrorDateBucketAssigner implements BucketAssigner<ErrorRow, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(ErrorRow row, Context context) {
        return HivePartition.segment("date", LocalDate.ofInstant(row.time(), ZoneOffset.UTC).toString());
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "ErrorDateBucketAssigner{date=…}";
    }
}
