package dev.stacstream.sinks.parquet;

import java.time.Instant;

/** The value of a Parquet {@code TIMESTAMP(MICROS)} column: microseconds since the epoch, UTC. */
final class TimestampMicros {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int NANOS_PER_MICRO = 1_000;

    private TimestampMicros() {}

    /**
     * {@code instant} in microseconds, sub-microsecond digits truncated towards the past.
     *
     * @throws ArithmeticException if it does not fit in a long
     */
    static long of(Instant instant) {
        // Instant's nano-of-second is never negative, so this floors for instants before 1970 too.
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
                instant.getNano() / NANOS_PER_MICRO);
    }
}
