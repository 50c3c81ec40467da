package dev.stacstream.stac.source.config;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@code StacSource} without restored state starts discovering. A job restored from a checkpoint or
 * savepoint ignores it and resumes from its checkpointed cursor.
 *
 * <ul>
 *   <li>{@link #earliest()}: every item the search request matches, then whatever appears later.
 *   <li>{@link #fromDatetime(Instant)}: items whose {@code datetime} is at or after the given instant; the instant
 *       is a floor that the look-back window never crosses.
 *   <li>{@link #latest()}: only items that were not there when the job started. The first discovery round is a
 *       silent baseline over {@code [start - lookback, ..)}: it records what exists and emits nothing. Items that
 *       appear later are emitted if their {@code datetime} is inside the look-back window of the cursor. (A job
 *       that fails before its baseline round completes takes the baseline when it restarts.)
 * </ul>
 *
 * <p>Immutable and {@link Serializable}: it is part of the source, which Flink ships to the JobManager.
 */
public final class StacStartingPosition implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The three ways to start; see the class documentation. */
    public enum Kind {
        EARLIEST,
        FROM_DATETIME,
        LATEST
    }

    private static final StacStartingPosition EARLIEST = new StacStartingPosition(Kind.EARLIEST, null);
    private static final StacStartingPosition LATEST = new StacStartingPosition(Kind.LATEST, null);

    private final Kind kind;
    private final Instant datetime;

    private StacStartingPosition(Kind kind, Instant datetime) {
        this.kind = kind;
        this.datetime = datetime;
    }

    /** Every matching item, oldest to newest as the server pages them, then new ones. */
    public static StacStartingPosition earliest() {
        return EARLIEST;
    }

    /** Items with {@code datetime >= from}, then new ones. */
    public static StacStartingPosition fromDatetime(Instant from) {
        return new StacStartingPosition(Kind.FROM_DATETIME, Objects.requireNonNull(from, "starting datetime"));
    }

    /** Only items that appear after the job started (see the class documentation for the exact rule). */
    public static StacStartingPosition latest() {
        return LATEST;
    }

    public Kind kind() {
        return kind;
    }

    /** The floor of {@link #fromDatetime(Instant)}; empty for the other kinds. */
    public Optional<Instant> datetime() {
        return Optional.ofNullable(datetime);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StacStartingPosition other && kind == other.kind
                && Objects.equals(datetime, other.datetime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, datetime);
    }

    @Override
    public String toString() {
        return kind == Kind.FROM_DATETIME
                ? "fromDatetime(" + datetime + ")"
                : kind.name().toLowerCase(Locale.ROOT) + "()";
    }
}
