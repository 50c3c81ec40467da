package dev.stacstream.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AsyncLimiterTest {

    @Test
    void startsAtMostMaxInFlightAndQueuesTheRestInOrder() {
        // Direct starter: queued requests start on the thread that released the permit.
        AsyncLimiter limiter = new AsyncLimiter(2, Runnable::run);
        List<CompletableFuture<Integer>> backend = new ArrayList<>();
        List<Integer> startOrder = new ArrayList<>();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int id = i;
            results.add(limiter.submit(() -> {
                startOrder.add(id);
                CompletableFuture<Integer> f = new CompletableFuture<>();
                backend.add(f);
                return f;
            }));
        }

        assertThat(startOrder).containsExactly(0, 1);
        assertThat(limiter.inFlight()).isEqualTo(2);

        backend.get(1).complete(1);
        assertThat(startOrder).containsExactly(0, 1, 2);
        backend.get(0).completeExceptionally(new IllegalStateException("failed"));
        assertThat(startOrder).containsExactly(0, 1, 2, 3);
        assertThat(limiter.inFlight()).isEqualTo(2);

        backend.get(2).complete(2);
        backend.get(3).complete(3);
        backend.get(4).complete(4);

        assertThat(limiter.inFlight()).isZero();
        assertThat(results.get(0)).isCompletedExceptionally();
        assertThat(results.subList(1, 5)).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(results.get(4).join()).isEqualTo(4);
    }

    @Test
    void requestThatThrowsReleasesItsPermit() {
        AsyncLimiter limiter = new AsyncLimiter(1, Runnable::run);
        AtomicInteger started = new AtomicInteger();

        CompletableFuture<Integer> failed = limiter.submit(() -> {
            throw new IllegalArgumentException("bad request");
        });
        CompletableFuture<Integer> next = limiter.submit(() -> CompletableFuture.completedFuture(started.incrementAndGet()));

        assertThat(failed).isCompletedExceptionally();
        assertThat(next.join()).isEqualTo(1);
        assertThat(limiter.inFlight()).isZero();
    }
}
