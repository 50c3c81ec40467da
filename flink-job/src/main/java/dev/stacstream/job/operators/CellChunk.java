package dev.stacstream.job.operators;

import java.util.Arrays;

/**
 * Mergeable statistics for a square chunk of output cells, held in parallel primitive arrays (no object per
 * cell): count_total, count_valid, sum, min, max, mean and M2 (Chan et al.'s parallel variance), and the number of
 * items merged into each cell. Keyed state holds one chunk per key, so state size is bounded by the open chunks.
 *
 * <p>Not thread-safe; used by one operator instance at a time.
 */
public final class CellChunk {

    /** Cells along each side of a chunk. */
    public static final int SIDE = 64;
    /** Cells in a chunk. */
    public static final int CELLS = SIDE * SIDE;

    final long[] countTotal;
    final long[] countValid;
    final double[] sum;
    final double[] min;
    final double[] max;
    final double[] mean;
    final double[] m2;
    final int[] items;

    public CellChunk() {
        this(new long[CELLS], new long[CELLS], new double[CELLS], filled(Double.POSITIVE_INFINITY),
                filled(Double.NEGATIVE_INFINITY), new double[CELLS], new double[CELLS], new int[CELLS]);
    }

    CellChunk(long[] countTotal, long[] countValid, double[] sum, double[] min, double[] max, double[] mean,
            double[] m2, int[] items) {
        this.countTotal = countTotal;
        this.countValid = countValid;
        this.sum = sum;
        this.min = min;
        this.max = max;
        this.mean = mean;
        this.m2 = m2;
        this.items = items;
    }

    /** A deep copy. */
    public CellChunk copy() {
        return new CellChunk(countTotal.clone(), countValid.clone(), sum.clone(), min.clone(), max.clone(), mean.clone(),
                m2.clone(), items.clone());
    }

    private static double[] filled(double v) {
        double[] a = new double[CELLS];
        Arrays.fill(a, v);
        return a;
    }

    /** Index of cell {@code (cx, cy)} within its chunk. */
    public static int index(long cx, long cy) {
        return (int) (Math.floorMod(cy, SIDE) * SIDE + Math.floorMod(cx, SIDE));
    }

    /** Adds one pixel to cell {@code i}: counted always, and into the statistics when valid. */
    public void addPixel(int i, boolean valid, double value) {
        countTotal[i]++;
        if (!valid) {
            return;
        }
        long n = ++countValid[i];
        sum[i] += value;
        if (value < min[i]) {
            min[i] = value;
        }
        if (value > max[i]) {
            max[i] = value;
        }
        double delta = value - mean[i];
        mean[i] += delta / n;
        m2[i] += delta * (value - mean[i]);
    }

    /** Adds the partial statistics of one cell (e.g. from a kernel's per-cell accumulator). */
    public void addCell(int i, long total, long valid, double cellSum, double cellMin, double cellMax, double cellMean,
            double cellM2) {
        mergeCell(i, total, valid, cellSum, cellMin, cellMax, cellMean, cellM2);
    }

    /** Merges {@code other} cell by cell (same item, or already item-counted data). */
    public void merge(CellChunk other) {
        for (int i = 0; i < CELLS; i++) {
            if (other.countTotal[i] > 0) {
                mergeCell(i, other.countTotal[i], other.countValid[i], other.sum[i], other.min[i], other.max[i],
                        other.mean[i], other.m2[i]);
                items[i] += other.items[i];
            }
        }
    }

    /** Merges the complete contribution of one item: each cell it covers counts one more item. */
    public void mergeItem(CellChunk item) {
        for (int i = 0; i < CELLS; i++) {
            if (item.countTotal[i] > 0) {
                mergeCell(i, item.countTotal[i], item.countValid[i], item.sum[i], item.min[i], item.max[i],
                        item.mean[i], item.m2[i]);
                items[i]++;
            }
        }
    }

    private void mergeCell(int i, long total, long valid, double s, double mn, double mx, double mu, double sq) {
        countTotal[i] += total;
        if (valid == 0) {
            return;
        }
        long na = countValid[i];
        long n = na + valid;
        double delta = mu - mean[i];
        mean[i] += delta * valid / n;
        m2[i] += sq + delta * delta * ((double) na * valid / n);
        countValid[i] = n;
        sum[i] += s;
        min[i] = Math.min(min[i], mn);
        max[i] = Math.max(max[i], mx);
    }

    public long countTotal(int i) {
        return countTotal[i];
    }

    public long countValid(int i) {
        return countValid[i];
    }

    public double sum(int i) {
        return sum[i];
    }

    public double min(int i) {
        return min[i];
    }

    public double max(int i) {
        return max[i];
    }

    public double mean(int i) {
        return mean[i];
    }

    /** Population standard deviation of the valid pixels. */
    public double std(int i) {
        return countValid[i] == 0 ? Double.NaN : Math.sqrt(Math.max(0, m2[i] / countValid[i]));
    }

    public int items(int i) {
        return items[i];
    }

    /** Whether any cell has pixels. */
    public boolean isEmpty() {
        for (long t : countTotal) {
            if (t > 0) {
                return false;
            }
        }
        return true;
    }
}
