package dev.stacstream.job.aggregate;

/**
 * Mergeable statistics of one band over a rectangle of output cells, one primitive array per statistic (no object
 * per cell): {@code count_total}, {@code count_valid}, and of the valid values {@code sum}, {@code min},
 * {@code max} and {@code m2} (the sum of squared deviations from the mean, merged with Chan et al.'s parallel
 * update as in {@link CellStats}).
 *
 * <p>The mean is not stored: it is {@code sum / count_valid}. For integer samples the sum is exact, so this is the
 * correctly rounded mean, as numpy's {@code mean} of the same pixels; for floating-point samples it is within a
 * few ulps of a running mean. Chan's update takes the two sides' means from their sums.
 *
 * <p>Cell {@code (x, y)} of a {@code width x height} rectangle is at {@link #index index(x, y)} =
 * {@code base + y * stride + x} of the arrays, so a rectangle can be a region of a larger one without copying:
 * {@link BlockAggregate} hands out each band's cells this way, and a chunk of them is a {@link #region} of that.
 * Regions (views of another's storage) are read-only; only rectangles from {@link #allocate} are merged into.
 *
 * <p>The value fields of a cell without valid pixels are undefined (the storage of a view is reused from block to
 * block): every reader checks {@code count_valid} first, and the accessors give the empty statistics (sum 0, the
 * others NaN). Not thread-safe.
 */
public final class CellColumns {

    private final int width;
    private final int height;
    private final int stride;
    private final int base;
    private final boolean readOnly;
    private final long[] countTotal;
    private final long[] countValid;
    private final double[] sum;
    private final double[] min;
    private final double[] max;
    private final double[] m2;

    private CellColumns(int width, int height, int stride, int base, boolean readOnly, long[] countTotal,
            long[] countValid, double[] sum, double[] min, double[] max, double[] m2) {
        this.width = width;
        this.height = height;
        this.stride = stride;
        this.base = base;
        this.readOnly = readOnly;
        this.countTotal = countTotal;
        this.countValid = countValid;
        this.sum = sum;
        this.min = min;
        this.max = max;
        this.m2 = m2;
    }

    /** A {@code width x height} rectangle of empty cells (no pixels), to merge into. */
    public static CellColumns allocate(int width, int height) {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("a cell rectangle needs a size >= 0, got " + width + "x" + height);
        }
        int cells = width * height;
        return new CellColumns(width, height, width, 0, false, new long[cells], new long[cells], new double[cells],
                new double[cells], new double[cells], new double[cells]);
    }

    /** A read-only view of the first {@code width * height} entries of arrays that {@link BlockAggregator} reuses. */
    static CellColumns view(int width, int height, long[] countTotal, long[] countValid, double[] sum, double[] min,
            double[] max, double[] m2) {
        return new CellColumns(width, height, width, 0, true, countTotal, countValid, sum, min, max, m2);
    }

    /** The read-only view of the {@code width x height} cells from {@code (x, y)} of this rectangle. */
    public CellColumns region(int x, int y, int width, int height) {
        if (x < 0 || y < 0 || width < 0 || height < 0 || x + width > this.width || y + height > this.height) {
            throw new IndexOutOfBoundsException("region [" + x + ", " + (x + width) + ") x [" + y + ", " + (y + height)
                    + ") is not inside the " + this.width + "x" + this.height + " cells");
        }
        return new CellColumns(width, height, stride, index(x, y), true, countTotal, countValid, sum, min, max, m2);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether this is a view of another's storage (or of an aggregator's), which must not be merged into. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** The array index of cell {@code (x, y)}, for the per-cell accessors; {@code x} and {@code y} are not checked. */
    public int index(int x, int y) {
        return base + y * stride + x;
    }

    public long countTotal(int k) {
        return countTotal[k];
    }

    public long countValid(int k) {
        return countValid[k];
    }

    /** Sum of the valid values; 0 when there are none. */
    public double sum(int k) {
        return countValid[k] == 0 ? 0 : sum[k];
    }

    /** Smallest valid value; NaN when there are none. */
    public double min(int k) {
        return countValid[k] == 0 ? Double.NaN : min[k];
    }

    /** Largest valid value; NaN when there are none. */
    public double max(int k) {
        return countValid[k] == 0 ? Double.NaN : max[k];
    }

    /** Mean of the valid values, {@code sum / count_valid}; NaN when there are none. */
    public double mean(int k) {
        return countValid[k] == 0 ? Double.NaN : sum[k] / countValid[k];
    }

    /** Sum of squared deviations from the mean; 0 when there are no valid values. */
    public double m2(int k) {
        return countValid[k] == 0 ? 0 : m2[k];
    }

    /** Population standard deviation ({@code ddof = 0}); NaN when there are no valid values. */
    public double std(int k) {
        return countValid[k] == 0 ? Double.NaN : Math.sqrt(Math.max(0, m2[k] / countValid[k]));
    }

    /**
     * Sets cell {@code k} to the given statistics (e.g. read back from bytes); with {@code valid == 0} the values
     * are ignored.
     *
     * @throws IllegalArgumentException if the counts are not {@code 0 <= valid <= total}, or {@code min > max}
     */
    public void set(int k, long total, long valid, double cellSum, double cellMin, double cellMax, double cellM2) {
        checkWritable();
        if (valid < 0 || valid > total) {
            throw new IllegalArgumentException("counts must satisfy 0 <= count_valid <= count_total, got count_valid "
                    + valid + ", count_total " + total);
        }
        if (valid > 0 && !(cellMin <= cellMax)) {
            throw new IllegalArgumentException("not a summary of " + valid + " values: min " + cellMin + " is not <= max "
                    + cellMax);
        }
        countTotal[k] = total;
        countValid[k] = valid;
        sum[k] = cellSum;
        min[k] = cellMin;
        max[k] = cellMax;
        m2[k] = cellM2;
    }

    /** Adds one pixel to cell {@code k}: counted always, and into the statistics when valid. */
    public void addPixel(int k, boolean valid, double value) {
        checkWritable();
        merge(k, 1, valid ? 1 : 0, value, value, value, 0);
    }

    /** Merges every cell of {@code source} into the cells from {@code (x, y)} of this rectangle. */
    public void merge(int x, int y, CellColumns source) {
        checkWritable();
        checkInside(x, y, source);
        for (int r = 0; r < source.height; r++) {
            int k = index(x, y + r);
            int j = source.index(0, r);
            for (int c = 0; c < source.width; c++, k++, j++) {
                long total = source.countTotal[j];
                if (total == 0) {
                    continue;
                }
                long valid = source.countValid[j];
                if (valid == 0) {
                    countTotal[k] += total;
                } else {
                    merge(k, total, valid, source.sum[j], source.min[j], source.max[j], source.m2[j]);
                }
            }
        }
    }

    /** Copies every cell of {@code source} over the cells from {@code (x, y)} of this rectangle. */
    public void copy(int x, int y, CellColumns source) {
        checkWritable();
        checkInside(x, y, source);
        for (int r = 0; r < source.height; r++) {
            int k = index(x, y + r);
            int j = source.index(0, r);
            System.arraycopy(source.countTotal, j, countTotal, k, source.width);
            System.arraycopy(source.countValid, j, countValid, k, source.width);
            System.arraycopy(source.sum, j, sum, k, source.width);
            System.arraycopy(source.min, j, min, k, source.width);
            System.arraycopy(source.max, j, max, k, source.width);
            System.arraycopy(source.m2, j, m2, k, source.width);
        }
    }

    /** Whether no cell has pixels. */
    public boolean isEmpty() {
        for (int y = 0; y < height; y++) {
            for (int k = index(0, y), end = k + width; k < end; k++) {
                if (countTotal[k] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Chan et al.'s update of cell {@code k} with another partial's statistics; the means come from the sums. */
    private void merge(int k, long total, long valid, double s, double mn, double mx, double sq) {
        countTotal[k] += total;
        if (valid == 0) {
            return;
        }
        long na = countValid[k];
        if (na == 0) {
            countValid[k] = valid;
            sum[k] = s;
            min[k] = mn;
            max[k] = mx;
            m2[k] = sq;
            return;
        }
        long n = na + valid;
        double delta = s / valid - sum[k] / na;
        m2[k] += sq + delta * delta * ((double) na * valid / n);
        countValid[k] = n;
        sum[k] += s;
        min[k] = Math.min(min[k], mn);
        max[k] = Math.max(max[k], mx);
    }

    private void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("these " + width + "x" + height + " cells are a read-only view of another's"
                    + " storage (a block's aggregate); copy them to merge into them");
        }
    }

    private void checkInside(int x, int y, CellColumns source) {
        if (x < 0 || y < 0 || x + source.width > width || y + source.height > height) {
            throw new IndexOutOfBoundsException(source.width + "x" + source.height + " cells at (" + x + ", " + y
                    + ") do not fit in " + width + "x" + height);
        }
    }
}
