package dev.stacstream.job.aggregate;

import dev.stacstream.job.mask.BandValues;
import java.util.Arrays;

/**
 * Per-cell accumulators of one 8- or 16-bit integer band over one block: count, sum, sum of squares (all
 * exact in {@code long}), min and max. Each run of pixels in one cell row is summed in locals and added to the
 * cell once. Reused across blocks; not thread-safe.
 */
final class IntAccumulator {

    private int[] count = new int[0];
    private long[] sum = new long[0];
    private long[] sumSq = new long[0];
    private int[] min = new int[0];
    private int[] max = new int[0];

    /** Clears the first {@code cells} accumulators, growing the arrays if needed. */
    void reset(int cells) {
        if (count.length < cells) {
            count = new int[cells];
            sum = new long[cells];
            sumSq = new long[cells];
            min = new int[cells];
            max = new int[cells];
        }
        Arrays.fill(count, 0, cells, 0);
        Arrays.fill(sum, 0, cells, 0);
        Arrays.fill(sumSq, 0, cells, 0);
        Arrays.fill(min, 0, cells, Integer.MAX_VALUE);
        Arrays.fill(max, 0, cells, Integer.MIN_VALUE);
    }

    /**
     * Adds one window row: {@code samples[x]} counts when {@code keep[x] != 0} and it is not {@code nodata}.
     *
     * @param columnStarts window-relative start of each cell column, then the window width
     * @param cellRowBase index of the row's first cell ({@code localCellRow * columns})
     */
    void addRow(int[] samples, byte[] keep, int nodata, int[] columnStarts, int cellRowBase) {
        int columns = columnStarts.length - 1;
        for (int i = 0; i < columns; i++) {
            int n = 0;
            long s1 = 0;
            long s2 = 0;
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int x = columnStarts[i], end = columnStarts[i + 1]; x < end; x++) {
                int v = samples[x];
                if (keep[x] != 0 && v != nodata) {
                    n++;
                    s1 += v;
                    s2 += (long) v * v;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (n != 0) {
                add(cellRowBase + i, n, s1, s2, lo, hi);
            }
        }
    }

    /** Adds one valid sample to local cell {@code cell}. */
    void addSample(int cell, int v) {
        add(cell, 1, v, (long) v * v, v, v);
    }

    /** Adds a run's summary to local cell {@code cell}. */
    void add(int cell, int n, long s1, long s2, int lo, int hi) {
        count[cell] += n;
        sum[cell] += s1;
        sumSq[cell] += s2;
        min[cell] = Math.min(min[cell], lo);
        max[cell] = Math.max(max[cell], hi);
    }

    /** Writes the first {@code cells} cells' statistics, transformed by {@code values}, into {@code out}. */
    void finish(int cells, BandValues values, BlockAggregate.BandColumns out) {
        for (int k = 0; k < cells; k++) {
            long n = count[k];
            if (n == 0) {
                out.countValid[k] = 0;
                continue;
            }
            Moments.store(out, k, n, sum[k], min[k], max[k], Moments.exactM2(n, sum[k], sumSq[k]), values);
        }
    }
}
