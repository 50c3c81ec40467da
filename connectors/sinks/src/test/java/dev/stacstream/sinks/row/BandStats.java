package dev.stacstream.sinks.row;

/**
 * Test value: the statistics of one band over one output cell, as a row of {@code grid_stats} reads back.
 *
 * <p>{@code NaN} marks a statistic without a value, written as SQL {@code NULL}: one the pipeline was not asked
 * for ({@code aggregate.stats}), or any of them when no pixel was valid. The constructor enforces the latter: with
 * {@code countValid == 0} every statistic becomes {@code NaN}, whatever an accumulator's identity element was
 * (a sum of 0, a min of +inf).
 *
 * @param countTotal pixels of the band that fall in the cell, masked or not
 * @param countValid pixels that passed the mask and nodata rules, at most {@code countTotal}
 * @param mean mean of the valid pixels, in the band's units (after scale/offset when enabled)
 * @param min smallest valid pixel value
 * @param max largest valid pixel value
 * @param std population standard deviation of the valid pixels
 * @param sum sum of the valid pixel values
 */
public record BandStats(long countTotal, long countValid, double mean, double min, double max, double std,
        double sum) {

    public BandStats {
        RowChecks.checkCounts(countTotal, countValid);
        if (countValid == 0) {
            mean = Double.NaN;
            min = Double.NaN;
            max = Double.NaN;
            std = Double.NaN;
            sum = Double.NaN;
        }
    }

    /** A cell in which none of {@code countTotal} pixels was valid: every statistic is {@code NULL}. */
    public static BandStats noValidPixels(long countTotal) {
        return new BandStats(countTotal, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
