package dev.stacstream.job.points;

import dev.stacstream.sinks.row.OutputPeriod;
import java.util.Arrays;
import java.util.Objects;

/**
 * The observations of one point and band in one open period: the valid values so far, and how many observations
 * (valid or not) there were. Immutable: {@link #with} returns a new instance.
 *
 * @param period the period
 * @param values the valid values, in arrival order
 * @param observations observations of the period, valid or not
 */
public record PeriodSamples(OutputPeriod period, double[] values, int observations) {

    public PeriodSamples {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(values, "values");
        if (observations < values.length) {
            throw new IllegalArgumentException("period " + period.label() + ": " + values.length + " valid values of "
                    + observations + " observations");
        }
    }

    /** The first observation of {@code period}. */
    public static PeriodSamples first(OutputPeriod period, double value) {
        return new PeriodSamples(period, Double.isNaN(value) ? new double[0] : new double[] {value}, 1);
    }

    /** These samples and one more observation ({@code NaN} for an invalid one). */
    public PeriodSamples with(double value) {
        if (Double.isNaN(value)) {
            return new PeriodSamples(period, values, observations + 1);
        }
        double[] more = Arrays.copyOf(values, values.length + 1);
        more[values.length] = value;
        return new PeriodSamples(period, more, observations + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeriodSamples s && period.equals(s.period) && Arrays.equals(values, s.values)
                && observations == s.observations;
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, Arrays.hashCode(values), observations);
    }

    @Override
    public String toString() {
        return "PeriodSamples{" + period.label() + ", " + Arrays.toString(values) + " of " + observations + "}";
    }
}
