package dev.stacstream.storage;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Bounded exponential backoff with full jitter, applied to each remote request (HTTP and S3) by the storage retry
 * executor. Which failures are retried is decided by {@link StorageException#isRetryable()}, not here.
 *
 * <p>Before retry number {@code n} (the first retry is {@code n = 1}, i.e. the second attempt) the executor waits a
 * uniformly random delay in {@code [0, min(maxBackoff, initialBackoff * multiplier^(n-1))]} ("full jitter", which
 * spreads the retries of many parallel readers). When the server sent {@code Retry-After}, the wait is at least
 * that long, capped at {@code maxBackoff} so a misbehaving server cannot stall a reader indefinitely.
 *
 * <p>Immutable and {@link Serializable}: it is part of {@link StorageOptions}, which travels inside Flink operators.
 */
public final class RetryPolicy implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Default number of attempts per request, including the first one. */
    public static final int DEFAULT_MAX_ATTEMPTS = 4;

    /** Upper bound accepted for {@link #maxAttempts()}: retries are always bounded. */
    public static final int MAX_ATTEMPTS_LIMIT = 20;

    /** Default ceiling of the first retry's random delay. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);

    /** Default cap of any retry delay, including a server's {@code Retry-After}. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);

    /** Default growth factor of the delay ceiling per retry. */
    public static final double DEFAULT_MULTIPLIER = 2.0;

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;

    private RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException(String.format(
                    "retry maxAttempts must be in [1, %d], got %d", MAX_ATTEMPTS_LIMIT, maxAttempts));
        }
        Objects.requireNonNull(initialBackoff, "retry initialBackoff");
        Objects.requireNonNull(maxBackoff, "retry maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException(String.format(
                    "retry backoffs must be >= 0, got initial %s max %s", initialBackoff, maxBackoff));
        }
        if (initialBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException(String.format(
                    "retry initialBackoff %s exceeds maxBackoff %s", initialBackoff, maxBackoff));
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("retry multiplier must be a finite number >= 1, got " + multiplier);
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.multiplier = multiplier;
    }

    /**
     * @param maxAttempts attempts per request including the first, in {@code [1, MAX_ATTEMPTS_LIMIT]}
     * @param initialBackoff ceiling of the first retry's delay
     * @param maxBackoff cap of every delay; at least {@code initialBackoff}
     * @param multiplier growth of the ceiling per retry, at least 1
     */
    public static RetryPolicy of(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier);
    }

    /** {@value #DEFAULT_MAX_ATTEMPTS} attempts, 200 ms initial backoff doubling up to 10 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_MULTIPLIER);
    }

    /** A single attempt: failures surface immediately. */
    public static RetryPolicy noRetries() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0);
    }

    /** Attempts per request, including the first. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Ceiling of the first retry's random delay. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** Cap of every delay, including a server-requested {@code Retry-After}. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Growth factor of the delay ceiling per retry. */
    public double multiplier() {
        return multiplier;
    }

    /**
     * The upper bound of the random delay before retry {@code retry} (1-based):
     * {@code min(maxBackoff, initialBackoff * multiplier^(retry-1))}.
     */
    public Duration backoffCeiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry number must be >= 1, got " + retry);
        }
        double ceilingNanos = initialBackoff.toNanos() * Math.pow(multiplier, retry - 1);
        long maxNanos = maxBackoff.toNanos();
        // The double comparison also absorbs overflow to infinity for large retry numbers.
        return ceilingNanos >= maxNanos ? maxBackoff : Duration.ofNanos((long) ceilingNanos);
    }

    /**
     * The delay before retry {@code retry} (1-based): uniform in {@code [0, backoffCeiling(retry)]}, raised to the
     * server's {@code retryAfter} if one was given, and never above {@link #maxBackoff()}.
     */
    public Duration delayBeforeRetry(int retry, Optional<Duration> retryAfter, RandomGenerator random) {
        long ceilingNanos = backoffCeiling(retry).toNanos();
        long jittered = ceilingNanos == 0 ? 0 : random.nextLong(ceilingNanos + 1);
        long requested = retryAfter.map(Duration::toNanos).orElse(0L);
        return Duration.ofNanos(Math.min(Math.max(jittered, requested), maxBackoff.toNanos()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p
                && maxAttempts == p.maxAttempts
                && initialBackoff.equals(p.initialBackoff)
                && maxBackoff.equals(p.maxBackoff)
                && Double.compare(multiplier, p.multiplier) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialBackoff, maxBackoff, multiplier);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + ", multiplier=" + multiplier + "}";
    }
}
