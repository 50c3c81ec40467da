package dev.stacstream.sinks.bucket;

import org.apache.flink.streaming.api.functions.sink.filesystem.PartFileInfo;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.CheckpointRollingPolicy;

/**
 * Rolls a part file at every checkpoint (as bulk formats must, for exactly-once) and also before an element once the
 * file has reached a target size. The check is made before an element is written, never inside one, so an element
 * (a polygon's pixels) is never split across two files. The size is what the part file has written: a Parquet
 * writer keeps a row group in memory until it is full, so the file grows (and may pass the target) a row group at a
 * time.
 */
public final class SizeAndCheckpointRollingPolicy<IN, BucketID> extends CheckpointRollingPolicy<IN, BucketID> {

    private static final long serialVersionUID = 1L;

    private final long targetBytes;

    public SizeAndCheckpointRollingPolicy(long targetBytes) {
        if (targetBytes <= 0) {
            throw new IllegalArgumentException("the target part file size must be positive, got " + targetBytes);
        }
        this.targetBytes = targetBytes;
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) throws java.io.IOException {
        return partFileState.getSize() >= targetBytes;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) {
        return false;
    }
}
