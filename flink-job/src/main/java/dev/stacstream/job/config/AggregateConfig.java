package dev.stacstream.job.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code aggregate.*} section: the output grid, the statistics, the time period and how late an item may
 * arrive after its period closed.
 *
 * @param grid how output cells derive from the band grid
 * @param statistics the statistics to compute, iterated in {@link Statistic} declaration order
 * @param period the time bucket by item datetime
 * @param allowedLateness how long after the watermark passes a period's end its results still accept items
 */
public record AggregateConfig(GridSpec grid, Set<Statistic> statistics, Period period, Duration allowedLateness)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public AggregateConfig {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(statistics, "statistics");
        if (statistics.isEmpty()) {
            throw new IllegalArgumentException("at least one statistic is needed");
        }
        statistics = Collections.unmodifiableSet(EnumSet.copyOf(statistics));
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(allowedLateness, "allowed lateness");
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException("the allowed lateness must not be negative, got " + allowedLateness);
        }
    }

    /** Whether {@code statistic} is among the configured ones. */
    public boolean computes(Statistic statistic) {
        return statistics.contains(statistic);
    }
}
