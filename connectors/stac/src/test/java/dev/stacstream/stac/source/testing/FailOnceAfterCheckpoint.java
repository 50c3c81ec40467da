package dev.stacstream.stac.source.testing;

import dev.stacstream.stac.model.StacItem;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes items through, and throws exactly once: on the first item it sees after the test {@linkplain #arm()
 * armed} it and a checkpoint of the current job has completed. Its flags are static because MiniCluster tasks run
 * in the test's JVM and the task instance is recreated on restart.
 */
public final class FailOnceAfterCheckpoint implements MapFunction<StacItem, StacItem>, CheckpointListener {

    private static final long serialVersionUID = 1L;

    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final AtomicInteger COMPLETED_CHECKPOINTS = new AtomicInteger();

    /** Resets the flags; call before each job. */
    public static void reset() {
        ARMED.set(false);
        FAILED.set(false);
        COMPLETED_CHECKPOINTS.set(0);
    }

    /** Lets the next item fail the job once a checkpoint has completed. */
    public static void arm() {
        ARMED.set(true);
    }

    public static boolean hasFailed() {
        return FAILED.get();
    }

    public static int completedCheckpoints() {
        return COMPLETED_CHECKPOINTS.get();
    }

    @Override
    public StacItem map(StacItem item) {
        if (ARMED.get() && COMPLETED_CHECKPOINTS.get() > 0 && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("Injected failure on " + item.id() + " after a completed checkpoint");
        }
        return item;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        COMPLETED_CHECKPOINTS.incrementAndGet();
    }
}
