package dev.stacstream.job.aggregate;

import dev.stacstream.cog.raster.Raster;
import java.util.function.IntPredicate;

/**
 * The obvious reference for the accumulation loops: for one cell, list the valid values of a whole band and
 * compute count, sum, min, max, mean and (two-pass) population std directly.
 */
final class NaiveGridStats {

    /** What the reference finds for one cell. */
    record Expected(long countTotal, long countValid, double sum, double min, double max, double mean, double std) {}

    private NaiveGridStats() {}

    /**
     * @param band whole-level band (band 0)
     * @param valid whether the pixel at {@code row * width + col} is valid
     */
    static Expected cell(Raster band, IntPredicate valid, int factorX, int factorY, int cellX, int cellY, double scale,
            double offset) {
        int width = band.width();
        int c0 = cellX * factorX;
        int r0 = cellY * factorY;
        int c1 = Math.min(c0 + factorX, width);
        int r1 = Math.min(r0 + factorY, band.height());
        long total = (long) (c1 - c0) * (r1 - r0);
        double[] values = new double[(int) total];
        int n = 0;
        for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) {
                if (valid.test(r * width + c)) {
                    values[n++] = band.getDouble(0, r, c) * scale + offset;
                }
            }
        }
        if (n == 0) {
            return new Expected(total, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            sum += values[i];
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            squares += (values[i] - mean) * (values[i] - mean);
        }
        return new Expected(total, n, sum, min, max, mean, Math.sqrt(squares / n));
    }
}
