package dev.stacstream.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private static final RetryPolicy POLICY =
            RetryPolicy.of(6, Duration.ofMillis(100), Duration.ofMillis(1000), 2.0);

    @ParameterizedTest(name = "retry {0}: ceiling {1} ms")
    @CsvSource({"1, 100", "2, 200", "3, 400", "4, 800", "5, 1000", "6, 1000", "60, 1000", "100000, 1000"})
    void ceilingGrowsGeometricallyUpToMaxBackoff(int retry, long ceilingMillis) {
        assertThat(POLICY.backoffCeiling(retry)).isEqualTo(Duration.ofMillis(ceilingMillis));
    }

    @ParameterizedTest(name = "retry {0}")
    @CsvSource({"1", "2", "3", "4", "5"})
    void fullJitterStaysWithinZeroAndCeiling(int retry) {
        SplittableRandom random = new SplittableRandom(retry);
        Duration ceiling = POLICY.backoffCeiling(retry);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2_000; i++) {
            long delay = POLICY.delayBeforeRetry(retry, Optional.empty(), random).toNanos();
            min = Math.min(min, delay);
            max = Math.max(max, delay);
        }
        assertThat(min).isGreaterThanOrEqualTo(0);
        assertThat(max).isLessThanOrEqualTo(ceiling.toNanos());
        // Full jitter spreads over the whole interval, not just near the ceiling.
        assertThat(min).isLessThan(ceiling.toNanos() / 10);
        assertThat(max).isGreaterThan(ceiling.toNanos() * 9 / 10);
    }

    @ParameterizedTest(name = "Retry-After {0} ms -> at least {1} ms")
    @CsvSource({"0, 0", "300, 300", "1000, 1000", "5000, 1000"})
    void retryAfterRaisesTheDelayButNeverAboveMaxBackoff(long retryAfterMillis, long atLeastMillis) {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            Duration delay = POLICY.delayBeforeRetry(1, Optional.of(Duration.ofMillis(retryAfterMillis)), random);
            assertThat(delay).isBetween(Duration.ofMillis(atLeastMillis), POLICY.maxBackoff());
        }
    }

    @Test
    void noRetriesMeansOneAttemptAndNoDelay() {
        RetryPolicy none = RetryPolicy.noRetries();

        assertThat(none.maxAttempts()).isEqualTo(1);
        assertThat(none.delayBeforeRetry(1, Optional.of(Duration.ofSeconds(5)), new SplittableRandom(1)))
                .isZero();
    }

    @Test
    void defaultsAreDocumentedConstants() {
        RetryPolicy defaults = RetryPolicy.defaults();

        assertThat(defaults.maxAttempts()).isEqualTo(RetryPolicy.DEFAULT_MAX_ATTEMPTS);
        assertThat(defaults.initialBackoff()).isEqualTo(RetryPolicy.DEFAULT_INITIAL_BACKOFF);
        assertThat(defaults.maxBackoff()).isEqualTo(RetryPolicy.DEFAULT_MAX_BACKOFF);
        assertThat(defaults.multiplier()).isEqualTo(RetryPolicy.DEFAULT_MULTIPLIER);
    }

    @ParameterizedTest(name = "{0} attempts, {1}..{2} ms, x{3}")
    @CsvSource({
        "0, 10, 100, 2.0, 'retry maxAttempts must be in [1, 20], got 0'",
        "21, 10, 100, 2.0, 'retry maxAttempts must be in [1, 20], got 21'",
        "3, 200, 100, 2.0, 'retry initialBackoff PT0.2S exceeds maxBackoff PT0.1S'",
        "3, -1, 100, 2.0, 'retry backoffs must be >= 0'",
        "3, 10, 100, 0.5, 'retry multiplier must be a finite number >= 1, got 0.5'",
        "3, 10, 100, NaN, 'retry multiplier must be a finite number >= 1, got NaN'",
    })
    void rejectsUnboundedOrInconsistentPolicies(
            int attempts, long initialMillis, long maxMillis, double multiplier, String message) {
        assertThatThrownBy(() -> RetryPolicy.of(
                        attempts, Duration.ofMillis(initialMillis), Duration.ofMillis(maxMillis), multiplier))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
