package dev.stacstream.storage.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Whole-request deadlines for clients whose own timeout stops at the response headers (java.net.http). */
public final class Deadlines {

    private Deadlines() {}

    /**
     * A future that mirrors {@code operation}, or fails with {@code onTimeout.get()} if {@code operation} has not
     * completed after {@code timeout}; in that case {@code operation} is cancelled, which aborts an HTTP exchange.
     * The timer task runs on {@code timer}.
     */
    public static <T> CompletableFuture<T> within(
            CompletableFuture<T> operation,
            Duration timeout,
            ScheduledExecutorService timer,
            Supplier<? extends Throwable> onTimeout) {
        CompletableFuture<T> result = new CompletableFuture<>();
        ScheduledFuture<?> deadline;
        try {
            deadline = timer.schedule(() -> {
                if (result.completeExceptionally(onTimeout.get())) {
                    operation.cancel(true);
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            operation.cancel(true);
            return CompletableFuture.failedFuture(e);
        }
        operation.whenComplete((value, error) -> {
            deadline.cancel(false);
            if (error != null) {
                result.completeExceptionally(RetryExecutor.unwrap(error));
            } else {
                result.complete(value);
            }
        });
        return result;
    }
}
