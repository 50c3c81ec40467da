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
 * <p>A rectangle from {@link #allocate} holds its counts as ints and its sums, minima and maxima as ints while they
 * fit ({@link CountColumn}, {@link ValueColumn}: integer samples without scale/offset, W's case), widening a
 * column to longs or doubles at the first value that does not: 32 bytes per cell instead of 48, values exact either
 * way. Views of an aggregator's arrays are wide.
 *
 * <p>The value fields of a cell without valid pixels are undefined (the storage of a view is reused from block to
 * block): every reader checks {@code count_valid} first, and the accessors give the empty statistics (sum 0, the
 * others NaN). Not thread-safe.
 */
public final class CellColumns {

    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

    private final int width;
    private final int height;
    private final int stride;
    private final int base;
    private final boolean readOnly;
    private final CountColumn countTotal;
    private final CountColumn countValid;
    private final ValueColumn sum;
    private final ValueColumn min;
    private final ValueColumn max;
    private final double[] m2;

    private CellColumns(int width, int height, int stride, int base, boolean readOnly, CountColumn countTotal,
            CountColumn countValid, ValueColumn sum, ValueColumn min, ValueColumn max, double[] m2) {
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
        return new CellColumns(width, height, width, 0, false, CountColumn.allocate(cells), CountColumn.allocate(cells),
                ValueColumn.allocate(cells), ValueColumn.allocate(cells), ValueColumn.allocate(cells), new double[cells]);
    }

    /** A read-only view of the first {@code width * height} entries of arrays that {@link BlockAggregator} reuses. */
    static CellColumns view(int width, int height, long[] countTotal, long[] countValid, double[] sum, double[] min,
            double[] max, double[] m2) {
        return new CellColumns(width, height, width, 0, true, CountColumn.of(countTotal), CountColumn.of(countValid),
                ValueColumn.of(sum), ValueColumn.of(min), ValueColumn.of(max), m2);
    }

    /** The read-only view of the {@code width x height} cells from {@code (x, y)} of this rectangle. */
    public CellColumns region(int x, int y, int width, int height) {
        if (x < 0 || y < 0 || width < 0 || height < 0 || x + width > this.width || y + height > this.height) {
            throw new IndexOutOfBoundsException("region [" + x + ", " + (x + width) + ") x [" + y + ", " + (y + height)
                    + ") is not inside the " + this.width + "x" + this.height + " cells");
        }
        return new CellColumns(width, height, stride, index(x, y), true, countTotal, countValid, sum, min, max, m2);
    }

    /**
     * Whether {@code v} is a whole number an int holds exactly (not -0.0, whose sign an int loses): the values a
     * narrow column holds, and those a codec may write as ints.
     */
    public static boolean isWholeInt(double v) {
        return (double) (int) v == v && Double.doubleToRawLongBits(v) != NEGATIVE_ZERO;
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
        return countTotal.get(k);
    }

    public long countValid(int k) {
        return countValid.get(k);
    }

    /** Sum of the valid values; 0 when there are none. */
    public double sum(int k) {
        return countValid.get(k) == 0 ? 0 : sum.get(k);
    }

    /** Smallest valid value; NaN when there are none. */
    public double min(int k) {
        return countValid.get(k) == 0 ? Double.NaN : min.get(k);
    }

    /** Largest valid value; NaN when there are none. */
    public double max(int k) {
        return countValid.get(k) == 0 ? Double.NaN : max.get(k);
    }

    /** Mean of the valid values, {@code sum / count_valid}; NaN when there are none. */
    public double mean(int k) {
        long n = countValid.get(k);
        return n == 0 ? Double.NaN : sum.get(k) / n;
    }

    /** Sum of squared deviations from the mean; 0 when there are no valid values. */
    public double m2(int k) {
        return countValid.get(k) == 0 ? 0 : m2[k];
    }

    /** Population standard deviation ({@code ddof = 0}); NaN when there are no valid values. */
    public double std(int k) {
        long n = countValid.get(k);
        return n == 0 ? Double.NaN : Math.sqrt(Math.max(0, m2[k] / n));
    }

    /**
     * Copies row {@code y}'s statistics into {@code row} (the first {@link #width} entries of each array), for a
     * reader of every cell such as a codec: one bulk copy per statistic instead of an accessor call per cell and
     * statistic. As with the arrays behind a view, the values of a cell without valid pixels are undefined.
     */
    public void exportRow(int y, Row row) {
        int k = index(0, y);
        countTotal.export(k, row.countTotal, width);
        countValid.export(k, row.countValid, width);
        sum.export(k, row.sum, width);
        min.export(k, row.min, width);
        max.export(k, row.max, width);
        System.arraycopy(m2, k, row.m2, 0, width);
    }

    /** One row of statistics as plain arrays, {@link #exportRow}'s target; reusable. */
    public static final class Row {
        public final long[] countTotal;
        public final long[] countValid;
        public final double[] sum;
        public final double[] min;
        public final double[] max;
        public final double[] m2;

        /** A row of up to {@code cells} cells. */
        public Row(int cells) {
            countTotal = new long[cells];
            countValid = new long[cells];
            sum = new double[cells];
            min = new double[cells];
            max = new double[cells];
            m2 = new double[cells];
        }
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
        countTotal.set(k, total);
        countValid.set(k, valid);
        if (valid > 0) {
            sum.set(k, cellSum);
            min.set(k, cellMin);
            max.set(k, cellMax);
            m2[k] = cellM2;
        }
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
                long total = source.countTotal.get(j);
                if (total == 0) {
                    continue;
                }
                long valid = source.countValid.get(j);
                if (valid == 0) {
                    countTotal.set(k, countTotal.get(k) + total);
                } else {
                    merge(k, total, valid, source.sum.get(j), source.min.get(j), source.max.get(j), source.m2[j]);
                }
            }
        }
    }

    /** Copies every cell of {@code source} over the cells from {@code (x, y)} of this rectangle. */
    public void copy(int x, int y, CellColumns source) {
        checkWritable();
        checkInside(x, y, source);
        boolean sameWidths = sum.sameWidth(source.sum) && min.sameWidth(source.min) && max.sameWidth(source.max);
        for (int r = 0; r < source.height; r++) {
            int k = index(x, y + r);
            int j = source.index(0, r);
            int n = source.width;
            countTotal.copy(k, source.countTotal, j, n);
            countValid.copy(k, source.countValid, j, n);
            System.arraycopy(source.m2, j, m2, k, n);
            if (sameWidths) {
                sum.copy(k, source.sum, j, n);
                min.copy(k, source.min, j, n);
                max.copy(k, source.max, j, n);
                continue;
            }
            // Only the valid cells' values: a view's other values are stale and need not fit this rectangle's widths.
            for (int c = 0; c < n; c++) {
                if (source.countValid.get(j + c) > 0) {
                    sum.set(k + c, source.sum.get(j + c));
                    min.set(k + c, source.min.get(j + c));
                    max.set(k + c, source.max.get(j + c));
                }
            }
        }
    }

    /** Bytes of storage per cell as held now (32 with narrow counts and values, 48 with wide ones). */
    public int bytesPerCell() {
        return countTotal.bytesPerCell() + countValid.bytesPerCell() + sum.bytesPerCell() + min.bytesPerCell()
                + max.bytesPerCell() + Double.BYTES;
    }

    /** Whether no cell has pixels. */
    public boolean isEmpty() {
        for (int y = 0; y < height; y++) {
            for (int k = index(0, y), end = k + width; k < end; k++) {
                if (countTotal.get(k) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Chan et al.'s update of cell {@code k} with another partial's statistics; the means come from the sums. */
    private void merge(int k, long total, long valid, double s, double mn, double mx, double sq) {
        countTotal.set(k, countTotal.get(k) + total);
        if (valid == 0) {
            return;
        }
        long na = countValid.get(k);
        if (na == 0) {
            countValid.set(k, valid);
            sum.set(k, s);
            min.set(k, mn);
            max.set(k, mx);
            m2[k] = sq;
            return;
        }
        long n = na + valid;
        double sumA = sum.get(k);
        double delta = s / valid - sumA / na;
        m2[k] += sq + delta * delta * ((double) na * valid / n);
        countValid.set(k, n);
        sum.set(k, sumA + s);
        min.set(k, Math.min(min.get(k), mn));
        max.set(k, Math.max(max.get(k), mx));
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
