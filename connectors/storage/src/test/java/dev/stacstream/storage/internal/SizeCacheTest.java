package dev.stacstream.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SizeCacheTest {

    private final SizeCache cache = new SizeCache();
    private final AtomicInteger lookups = new AtomicInteger();

    @Test
    void oneLookupServesEveryCallerWhileInFlightAndAfter() {
        CompletableFuture<Long> pending = new CompletableFuture<>();

        CompletableFuture<Long> first = cache.get(() -> lookup(pending));
        CompletableFuture<Long> second = cache.get(() -> lookup(pending));
        assertThat(cache.known()).isEmpty();
        pending.complete(42L);

        assertThat(first.join()).isEqualTo(42L);
        assertThat(second.join()).isEqualTo(42L);
        assertThat(cache.get(() -> lookup(CompletableFuture.completedFuture(7L))).join()).isEqualTo(42L);
        assertThat(cache.known()).isEqualTo(OptionalLong.of(42));
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aRememberedSizeNeedsNoLookupAndTheFirstOneWins() {
        cache.remember(1_000);
        cache.remember(2_000);

        assertThat(cache.known()).isEqualTo(OptionalLong.of(1_000));
        assertThat(cache.get(() -> lookup(CompletableFuture.completedFuture(5L))).join()).isEqualTo(1_000L);
        assertThat(lookups).hasValue(0);
    }

    @Test
    void aFailedLookupIsForgottenSoTheNextCallTriesAgain() {
        CompletableFuture<Long> failed = cache.get(
                () -> lookup(CompletableFuture.failedFuture(new IOException("connection reset"))));

        assertThatThrownBy(failed::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("connection reset");
        assertThat(cache.known()).isEmpty();
        assertThat(cache.get(() -> lookup(CompletableFuture.completedFuture(9L))).join()).isEqualTo(9L);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void aSizeReportedAfterAFailedLookupIsKept() {
        cache.get(() -> lookup(CompletableFuture.failedFuture(new IOException("timeout"))));

        cache.remember(300);

        assertThat(cache.known()).isEqualTo(OptionalLong.of(300));
    }

    @Test
    void aLookupThatThrowsAtOnceIsThrownAndForgotten() {
        assertThatThrownBy(() -> cache.get(() -> {
            throw new IllegalStateException("s3://b/k: reader is closed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("s3://b/k: reader is closed");

        assertThat(cache.get(() -> lookup(CompletableFuture.completedFuture(3L))).join()).isEqualTo(3L);
    }

    private CompletableFuture<Long> lookup(CompletableFuture<Long> result) {
        lookups.incrementAndGet();
        return result;
    }
}
