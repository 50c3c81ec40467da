package dev.stacstream.storage.internal;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The size of one object as a reader learned it: from a metadata request of its own, or for free from a response
 * header (a {@code Content-Range} total, the {@code Content-Length} of a whole body).
 *
 * <p>At most one lookup runs at a time, also when several threads ask at once; a successful one is kept for the
 * reader's life. A failed lookup is forgotten, so the next call tries again. Thread-safe.
 */
public final class SizeCache {

    private final AtomicReference<CompletableFuture<Long>> size = new AtomicReference<>();

    /** The size, if a lookup succeeded or a response reported it; never waits. */
    public OptionalLong known() {
        CompletableFuture<Long> current = size.get();
        return current != null && current.isDone() && !current.isCompletedExceptionally()
                ? OptionalLong.of(current.join())
                : OptionalLong.empty();
    }

    /** Records the size a response reported, unless a size is already known or being looked up. */
    public void remember(long objectSize) {
        CompletableFuture<Long> current = size.get();
        if (current == null || current.isCompletedExceptionally()) {
            size.compareAndSet(current, CompletableFuture.completedFuture(objectSize));
        }
    }

    /**
     * The known size, or the lookup in flight, or else a new lookup started with {@code lookup} (which is called
     * at most once per returned lookup, even under concurrent calls).
     */
    public CompletableFuture<Long> get(Supplier<CompletableFuture<Long>> lookup) {
        while (true) {
            CompletableFuture<Long> current = size.get();
            if (current != null && !current.isCompletedExceptionally()) {
                return current;
            }
            CompletableFuture<Long> mine = new CompletableFuture<>();
            if (size.compareAndSet(current, mine)) {
                start(lookup, mine);
                return mine;
            }
            // Another thread installed its lookup first: share it.
        }
    }

    private void start(Supplier<CompletableFuture<Long>> lookup, CompletableFuture<Long> mine) {
        CompletableFuture<Long> started;
        try {
            started = lookup.get();
        } catch (RuntimeException e) {
            size.compareAndSet(mine, null);
            mine.completeExceptionally(e);
            throw e; // misuse (e.g. a closed reader) is thrown at once, as the RangeReader contract says
        }
        started.whenComplete((value, error) -> {
            if (error != null) {
                mine.completeExceptionally(RetryExecutor.unwrap(error));
            } else {
                mine.complete(value);
            }
        });
    }
}
