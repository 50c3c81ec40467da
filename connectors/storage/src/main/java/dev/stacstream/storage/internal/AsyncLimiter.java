package dev.stacstream.storage.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * An asynchronous semaphore: at most {@code maxInFlight} requests run at once, the rest wait in FIFO order without
 * holding a thread. Shared by all readers of one client, so the cap is per client, not per reader.
 *
 * <p>A waiting request is started on {@code starter} when a permit frees up, rather than on the I/O thread that
 * freed it, so a burst of requests failing synchronously cannot recurse through the queue.
 */
public final class AsyncLimiter {

    private final int maxInFlight;
    private final Executor starter;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int inFlight;

    public AsyncLimiter(int maxInFlight, Executor starter) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.starter = starter;
    }

    /** Starts {@code request} now if a permit is free, else when one frees up; the permit is held until it completes. */
    public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> request) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> run(request, result);
        boolean runNow;
        synchronized (waiting) {
            runNow = inFlight < maxInFlight;
            if (runNow) {
                inFlight++;
            } else {
                waiting.add(start);
            }
        }
        if (runNow) {
            start.run();
        }
        return result;
    }

    /** Requests currently holding a permit. */
    public int inFlight() {
        synchronized (waiting) {
            return inFlight;
        }
    }

    private <T> void run(Supplier<CompletableFuture<T>> request, CompletableFuture<T> result) {
        CompletableFuture<T> running;
        try {
            running = request.get();
        } catch (RuntimeException e) {
            running = CompletableFuture.failedFuture(e);
        }
        running.whenComplete((value, error) -> {
            release();
            if (error != null) {
                result.completeExceptionally(RetryExecutor.unwrap(error));
            } else {
                result.complete(value);
            }
        });
    }

    private void release() {
        Runnable next;
        synchronized (waiting) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
                return;
            }
            // The permit passes straight to the next request.
        }
        try {
            starter.execute(next);
        } catch (RuntimeException e) {
            next.run(); // the starter is shut down: run here so the waiting request still completes
        }
    }
}
