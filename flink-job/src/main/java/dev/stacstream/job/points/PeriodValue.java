package dev.stacstream.job.points;

import dev.stacstream.sinks.row.OutputPeriod;
import java.util.Objects;

/**
 * A closed period of one point and band with its composite: the last one with a value, which a later gap is
 * interpolated from, or ({@code NaN}) a period without a valid observation waiting for the next composite.
 */
public record PeriodValue(OutputPeriod period, double value) {

    public PeriodValue {
        Objects.requireNonNull(period, "period");
    }
}
