package dev.stacstream.job.aggregate;

import java.util.Locale;

/**
 * Mergeable statistics of one band over one output cell: the accumulator of the partial and running
 * aggregations, and the values of the {@code grid_stats} columns.
 *
 * <ul>
 *   <li>{@code countTotal}: pixels of the cell inside the rasters merged so far (covered by the items'
 *       footprints, whatever their validity); {@code countValid}: those that passed mask and nodata.
 *   <li>{@code sum}, {@code min}, {@code max} of the valid values (after scale/offset).
 *   <li>{@code mean} and {@code m2} (sum of squared deviations from the mean), merged with Chan et al.'s
 *       parallel update, which stays accurate where sum-of-squares formulas cancel catastrophically; the
 *       population variance is {@code m2 / countValid}.
 * </ul>
 * Merging is associative and commutative up to floating-point rounding of {@code sum}, {@code mean} and
 * {@code m2}; the counts, {@code min} and {@code max} are exact. Without valid pixels, mean, min, max and std
 * are NaN and sum is 0.
 *
 * <p>Mutable: {@link #merge} updates this instance (as an accumulator in Flink state does). Not thread-safe.
 */
public final class CellStats {

    private long countTotal;
    private long countValid;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double mean;
    private double m2;

    /** Empty statistics: no pixels. */
    public CellStats() {
    }

    /**
     * Statistics from their parts, e.g. read back from state. With {@code countValid == 0} the value fields are
     * ignored.
     *
     * @throws IllegalArgumentException if the counts are negative or inconsistent, or {@code min > max}
     */
    public static CellStats of(long countTotal, long countValid, double sum, double min, double max, double mean, double m2) {
        if (countValid < 0 || countTotal < countValid) {
            throw new IllegalArgumentException("counts must satisfy 0 <= countValid <= countTotal, got countValid "
                    + countValid + ", countTotal " + countTotal);
        }
        CellStats s = new CellStats();
        s.countTotal = countTotal;
        if (countValid == 0) {
            return s;
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "not a summary of %d values: min %s is not <= max %s", countValid, min, max));
        }
        s.countValid = countValid;
        s.sum = sum;
        s.min = min;
        s.max = max;
        s.mean = mean;
        s.m2 = m2;
        return s;
    }

    /** One valid pixel of value {@code value}. */
    public static CellStats ofValue(double value) {
        return of(1, 1, value, value, value, value, 0);
    }

    /** {@code pixels} pixels inside the raster, none valid. */
    public static CellStats ofInvalid(long pixels) {
        return of(pixels, 0, 0, 0, 0, 0, 0);
    }

    /** Adds {@code other} into this (Chan's parallel update for mean and m2) and returns this. */
    public CellStats merge(CellStats other) {
        countTotal += other.countTotal;
        if (other.countValid == 0) {
            return this;
        }
        if (countValid == 0) {
            countValid = other.countValid;
            sum = other.sum;
            min = other.min;
            max = other.max;
            mean = other.mean;
            m2 = other.m2;
            return this;
        }
        double na = countValid;
        double nb = other.countValid;
        double n = na + nb;
        double delta = other.mean - mean;
        mean += delta * (nb / n);
        m2 += other.m2 + delta * delta * (na * nb / n);
        countValid += other.countValid;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        return this;
    }

    /** An independent copy. */
    public CellStats copy() {
        CellStats s = new CellStats();
        s.countTotal = countTotal;
        s.countValid = countValid;
        s.sum = sum;
        s.min = min;
        s.max = max;
        s.mean = mean;
        s.m2 = m2;
        return s;
    }

    public long countTotal() {
        return countTotal;
    }

    public long countValid() {
        return countValid;
    }

    /** Sum of the valid values; 0 when there are none. */
    public double sum() {
        return sum;
    }

    public double min() {
        return countValid == 0 ? Double.NaN : min;
    }

    public double max() {
        return countValid == 0 ? Double.NaN : max;
    }

    public double mean() {
        return countValid == 0 ? Double.NaN : mean;
    }

    /** Sum of squared deviations from the mean (0 when there are no valid values). */
    public double m2() {
        return m2;
    }

    /** Population variance ({@code ddof = 0}). */
    public double variance() {
        return countValid == 0 ? Double.NaN : m2 / countValid;
    }

    /** Population standard deviation ({@code ddof = 0}, as numpy's {@code std} by default). */
    public double std() {
        return Math.sqrt(variance());
    }

    /** Whether every field is bit-for-bit equal (NaN-safe), as a serializer round trip must give. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CellStats s && countTotal == s.countTotal && countValid == s.countValid
                && Double.compare(sum, s.sum) == 0 && Double.compare(min, s.min) == 0 && Double.compare(max, s.max) == 0
                && Double.compare(mean, s.mean) == 0 && Double.compare(m2, s.m2) == 0;
    }

    @Override
    public int hashCode() {
        long h = countTotal * 31 + countValid;
        for (double d : new double[] {sum, min, max, mean, m2}) {
            h = h * 31 + Double.hashCode(d);
        }
        return Long.hashCode(h);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CellStats[total=%d, valid=%d, sum=%s, min=%s, max=%s, mean=%s, std=%s]",
                countTotal, countValid, sum, min(), max(), mean(), std());
    }
}
