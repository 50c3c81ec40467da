package dev.stacstream.stac.source.enumerator;

import dev.stacstream.stac.source.config.StacStartingPosition;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where discovery stands: the immutable part of the cursor. A discovery round searches
 * {@code datetime >= searchLowerBound(lookback)} and is applied only if the position it started from is still the
 * current one (every applied round increments {@link #completedRounds}, so a result computed from an older
 * position is recognised and dropped).
 *
 * @param floor lowest {@code datetime} ever searched (from {@code StacStartingPosition.fromDatetime}), or null
 * @param highWaterMark largest item {@code datetime} seen, capped at the wall clock of the round that saw it; null
 *     before the first item
 * @param completedRounds discovery rounds applied so far
 * @param baselinePending whether the next round is the silent baseline of {@code StacStartingPosition.latest()}
 */
public record DiscoveryPosition(Instant floor, Instant highWaterMark, long completedRounds, boolean baselinePending) {

    public DiscoveryPosition {
        if (completedRounds < 0) {
            throw new IllegalArgumentException("completedRounds must be >= 0, got " + completedRounds);
        }
    }

    /** The position of a source that starts without state at wall-clock time {@code now}. */
    public static DiscoveryPosition initial(StacStartingPosition start, Instant now) {
        return switch (start.kind()) {
            case EARLIEST -> new DiscoveryPosition(null, null, 0, false);
            case FROM_DATETIME -> new DiscoveryPosition(start.datetime().orElseThrow(), null, 0, false);
            // The cursor starts at "now": the baseline round covers [now - lookback, ..).
            case LATEST -> new DiscoveryPosition(null, Objects.requireNonNull(now, "now"), 0, true);
        };
    }

    /**
     * The inclusive lower {@code datetime} bound of the next search, or null to search without one: the higher of
     * the floor and {@code highWaterMark - lookback}.
     */
    public Instant searchLowerBound(Duration lookback) {
        if (highWaterMark == null) {
            return floor;
        }
        Instant windowStart = highWaterMark.minus(lookback);
        return floor != null && floor.isAfter(windowStart) ? floor : windowStart;
    }

    /** The position after one more applied round that moved the high-water mark to {@code newHighWaterMark}. */
    DiscoveryPosition next(Instant newHighWaterMark) {
        return new DiscoveryPosition(floor, newHighWaterMark, completedRounds + 1, false);
    }
}
