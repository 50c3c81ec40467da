package dev.stacstream.sinks.testing;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * Passes records through, and throws once, in the first record it sees after a checkpoint has completed, so that
 * the job restarts from that checkpoint with committed files behind it and uncommitted ones in flight. The flags
 * are static because the MiniCluster runs every subtask and every attempt in this JVM; {@link #reset()} them
 * before each job.
 */
public final class FailOnceAfterCheckpoint<T> extends RichMapFunction<T, T>
        implements CheckpointListener, CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    private static final AtomicBoolean CHECKPOINT_COMPLETED = new AtomicBoolean();
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final AtomicBoolean RESTORED = new AtomicBoolean();

    /** Clears the flags for the next job. */
    public static void reset() {
        CHECKPOINT_COMPLETED.set(false);
        FAILED.set(false);
        RESTORED.set(false);
    }

    /** Whether the failure was injected. */
    public static boolean failed() {
        return FAILED.get();
    }

    /** Whether a subtask was restored from a completed checkpoint after the failure. */
    public static boolean restoredFromCheckpoint() {
        return RESTORED.get();
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        if (context.isRestored()) {
            RESTORED.set(true);
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        // Stateless: implemented only to learn, in initializeState, whether this attempt restored a checkpoint.
    }

    @Override
    public T map(T value) {
        if (CHECKPOINT_COMPLETED.get() && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure after the first completed checkpoint, at " + value);
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        CHECKPOINT_COMPLETED.set(true);
    }
}
