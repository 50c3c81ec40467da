package dev.stacstream.job.aggregate;

import dev.stacstream.job.mask.BandValues;
import dev.stacstream.job.mask.SampleNodata;
import java.util.Arrays;

/**
 * Per-cell accumulators of one band of 32- or 64-bit integers or floats over one block. Sums of deviations
 * from a per-cell shift (the cell's first valid value in the block) keep the second moment accurate without
 * a division per pixel; the plain sum is kept for the {@code sum} column. Reused across blocks; not
 * thread-safe.
 */
final class DoubleAccumulator {

    private int[] count = new int[0];
    private double[] shift = new double[0];
    private double[] deviationSum = new double[0];
    private double[] deviationSquares = new double[0];
    private double[] sum = new double[0];
    private double[] min = new double[0];
    private double[] max = new double[0];

    void reset(int cells) {
        if (count.length < cells) {
            count = new int[cells];
            shift = new double[cells];
            deviationSum = new double[cells];
            deviationSquares = new double[cells];
            sum = new double[cells];
            min = new double[cells];
            max = new double[cells];
        }
        Arrays.fill(count, 0, cells, 0);
        Arrays.fill(deviationSum, 0, cells, 0);
        Arrays.fill(deviationSquares, 0, cells, 0);
        Arrays.fill(sum, 0, cells, 0);
        Arrays.fill(min, 0, cells, Double.POSITIVE_INFINITY);
        Arrays.fill(max, 0, cells, Double.NEGATIVE_INFINITY);
    }

    /** Adds one window row; see {@link IntAccumulator#addRow}. NaN and nodata samples do not count. */
    void addRow(double[] samples, byte[] keep, SampleNodata nodata, int[] columnStarts, int cellRowBase) {
        int columns = columnStarts.length - 1;
        for (int i = 0; i < columns; i++) {
            int cell = cellRowBase + i;
            int n = 0;
            boolean shifted = count[cell] > 0;
            double k = shift[cell];
            double d1 = 0;
            double d2 = 0;
            double s = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int x = columnStarts[i], end = columnStarts[i + 1]; x < end; x++) {
                double v = samples[x];
                if (keep[x] != 0 && !nodata.isNodata(v)) {
                    if (!shifted) {
                        k = v;
                        shifted = true;
                    }
                    double d = v - k;
                    n++;
                    d1 += d;
                    d2 += d * d;
                    s += v;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (n != 0) {
                shift[cell] = k;
                count[cell] += n;
                deviationSum[cell] += d1;
                deviationSquares[cell] += d2;
                sum[cell] += s;
                min[cell] = Math.min(min[cell], lo);
                max[cell] = Math.max(max[cell], hi);
            }
        }
    }

    /** Writes the first {@code cells} cells' statistics, transformed by {@code values}, into {@code out}. */
    void finish(int cells, BandValues values, BlockAggregate.BandColumns out) {
        for (int k = 0; k < cells; k++) {
            long n = count[k];
            if (n == 0) {
                out.countValid[k] = 0;
                continue;
            }
            double d1 = deviationSum[k];
            double m2 = Math.max(0, deviationSquares[k] - d1 * d1 / n);
            Moments.store(out, k, n, sum[k], min[k], max[k], m2, values);
        }
    }
}
