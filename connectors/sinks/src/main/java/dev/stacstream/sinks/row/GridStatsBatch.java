package dev.stacstream.sinks.row;

import static org.apache.flink.util.Preconditions.checkArgument;
import static org.apache.flink.util.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * {@code grid_stats} rows that share their labels and grid, held as columns of primitives: what the period stage
 * emits for one closed chunk of cells (at most 64 x 64, all of one collection, tile, period and band) and what the
 * {@code grid_stats} sink writes, column by column, without an object per row.
 *
 * <p>Row {@code i} is the batch's collection, tile, period, band and CRS, cell {@code (cellX()[i], cellY()[i])} of
 * {@link #geometry()}, and the {@code i}-th entry of each statistic column, where {@code NaN} stands for
 * {@code NULL}. Every row is checked when the batch is built: the labels are not blank (a tile may be absent), cell
 * indices are non-negative with a non-empty extent, {@code 0 <= count_valid <= count_total}, {@code items >= 1},
 * and every statistic of a row with {@code count_valid == 0} is {@code NaN}, whatever the accumulator held (the
 * constructor overwrites it).
 *
 * <p>Immutable. The column accessors return the batch's own arrays, of exactly {@link #size()} entries, so that
 * the sink copies them into its pages in one call each: read them, never write them. Flink passes a batch down
 * the operator chain without copying it, because {@link #typeInfo()} declares the type immutable.
 */
public final class GridStatsBatch {

    private final String collection;
    private final String tile;
    private final OutputPeriod period;
    private final String band;
    private final CellGeometry geometry;
    private final long[] cellX;
    private final long[] cellY;
    private final long[] countTotal;
    private final long[] countValid;
    private final double[] mean;
    private final double[] min;
    private final double[] max;
    private final double[] std;
    private final double[] sum;
    private final int[] items;

    /** Takes the arrays, of equal length, as they are (no copy) and checks every row. */
    GridStatsBatch(String collection, String tile, OutputPeriod period, String band, CellGeometry geometry,
            long[] cellX, long[] cellY, long[] countTotal, long[] countValid, double[] mean, double[] min,
            double[] max, double[] std, double[] sum, int[] items) {
        RowChecks.checkLabels(collection, tile, period, band);
        checkNotNull(geometry, "cell geometry is null");
        int rows = cellX.length;
        checkArgument(rows > 0, "a grid_stats batch of %s/%s/%s holds no rows", collection, period.label(), band);
        boolean sameLength = cellY.length == rows && countTotal.length == rows && countValid.length == rows
                && mean.length == rows && min.length == rows && max.length == rows && std.length == rows
                && sum.length == rows && items.length == rows;
        checkArgument(sameLength, "the columns of a grid_stats batch of %s/%s/%s differ in length", collection,
                period.label(), band);
        this.collection = collection;
        this.tile = tile;
        this.period = period;
        this.band = band;
        this.geometry = geometry;
        this.cellX = cellX;
        this.cellY = cellY;
        this.countTotal = countTotal;
        this.countValid = countValid;
        this.mean = mean;
        this.min = min;
        this.max = max;
        this.std = std;
        this.sum = sum;
        this.items = items;
        for (int i = 0; i < rows; i++) {
            checkRow(i);
        }
    }

    private void checkRow(int i) {
        RowChecks.checkCellIndices(cellX[i], cellY[i]);
        geometry.checkCell(cellX[i], cellY[i]);
        RowChecks.checkCounts(countTotal[i], countValid[i]);
        RowChecks.checkItems(items[i]);
        if (countValid[i] == 0) {
            mean[i] = Double.NaN;
            min[i] = Double.NaN;
            max[i] = Double.NaN;
            std[i] = Double.NaN;
            sum[i] = Double.NaN;
        }
    }

    /** A builder for a batch of at most {@code capacity} rows with these labels and grid. */
    public static Builder builder(String collection, String tile, OutputPeriod period, String band,
            CellGeometry geometry, int capacity) {
        return new Builder(collection, tile, period, band, geometry, capacity);
    }

    /** Flink's type information for batches: immutable, serialized in the {@link GridStatsBatchFormat}. */
    public static TypeInformation<GridStatsBatch> typeInfo() {
        return GridStatsBatchTypeInfo.INSTANCE;
    }

    /** Rows in the batch, at least 1. */
    public int size() {
        return cellX.length;
    }

    public String collection() {
        return collection;
    }

    /** The tile id, or {@code null} when the items carry none. */
    public String tile() {
        return tile;
    }

    public OutputPeriod period() {
        return period;
    }

    public String band() {
        return band;
    }

    /** The output grid of the cells, with its CRS. */
    public CellGeometry geometry() {
        return geometry;
    }

    /** The {@code cell_x} column (read only). */
    public long[] cellX() {
        return cellX;
    }

    /** The {@code cell_y} column (read only). */
    public long[] cellY() {
        return cellY;
    }

    /** The {@code count_total} column (read only). */
    public long[] countTotal() {
        return countTotal;
    }

    /** The {@code count_valid} column (read only). */
    public long[] countValid() {
        return countValid;
    }

    /** The {@code mean} column, {@code NaN} for {@code NULL} (read only). */
    public double[] mean() {
        return mean;
    }

    /** The {@code min} column, {@code NaN} for {@code NULL} (read only). */
    public double[] min() {
        return min;
    }

    /** The {@code max} column, {@code NaN} for {@code NULL} (read only). */
    public double[] max() {
        return max;
    }

    /** The {@code std} column, {@code NaN} for {@code NULL} (read only). */
    public double[] std() {
        return std;
    }

    /** The {@code sum} column, {@code NaN} for {@code NULL} (read only). */
    public double[] sum() {
        return sum;
    }

    /** The {@code items} column (read only). */
    public int[] items() {
        return items;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridStatsBatch other && collection.equals(other.collection)
                && Objects.equals(tile, other.tile) && period.equals(other.period) && band.equals(other.band)
                && geometry.equals(other.geometry) && Arrays.equals(cellX, other.cellX)
                && Arrays.equals(cellY, other.cellY) && Arrays.equals(countTotal, other.countTotal)
                && Arrays.equals(countValid, other.countValid) && Arrays.equals(mean, other.mean)
                && Arrays.equals(min, other.min) && Arrays.equals(max, other.max) && Arrays.equals(std, other.std)
                && Arrays.equals(sum, other.sum) && Arrays.equals(items, other.items);
    }

    @Override
    public int hashCode() {
        return Objects.hash(collection, tile, period, band, geometry, Arrays.hashCode(cellX),
                Arrays.hashCode(cellY), Arrays.hashCode(countValid));
    }

    @Override
    public String toString() {
        return "GridStatsBatch{" + collection + '/' + tile + '/' + period.label() + '/' + band + ", " + size()
                + " rows from cell (" + cellX[0] + ", " + cellY[0] + ")}";
    }

    /**
     * Collects the rows of one batch. The period stage knows how many cells of a chunk have pixels before it adds
     * them, so its capacity is exact and {@link #build} hands the arrays over without copying them.
     */
    public static final class Builder {

        private final String collection;
        private final String tile;
        private final OutputPeriod period;
        private final String band;
        private final CellGeometry geometry;
        private long[] cellX;
        private long[] cellY;
        private long[] countTotal;
        private long[] countValid;
        private double[] mean;
        private double[] min;
        private double[] max;
        private double[] std;
        private double[] sum;
        private int[] items;
        private int size;
        private boolean built;

        private Builder(String collection, String tile, OutputPeriod period, String band, CellGeometry geometry,
                int capacity) {
            checkArgument(capacity > 0, "capacity %s of a grid_stats batch is not positive", capacity);
            this.collection = collection;
            this.tile = tile;
            this.period = period;
            this.band = band;
            this.geometry = geometry;
            cellX = new long[capacity];
            cellY = new long[capacity];
            countTotal = new long[capacity];
            countValid = new long[capacity];
            mean = new double[capacity];
            min = new double[capacity];
            max = new double[capacity];
            std = new double[capacity];
            sum = new double[capacity];
            items = new int[capacity];
        }

        /**
         * Adds the row of cell {@code (x, y)}; a statistic without a value is {@code NaN}. The row is checked by
         * {@link #build}.
         *
         * @throws IllegalStateException when the batch is full
         */
        public Builder add(long x, long y, long total, long valid, double meanValue, double minValue,
                double maxValue, double stdValue, double sumValue, int itemCount) {
            checkOpen();
            if (size == cellX.length) {
                throw new IllegalStateException("grid_stats batch of " + collection + '/' + band + " is full at "
                        + size + " rows");
            }
            cellX[size] = x;
            cellY[size] = y;
            countTotal[size] = total;
            countValid[size] = valid;
            mean[size] = meanValue;
            min[size] = minValue;
            max[size] = maxValue;
            std[size] = stdValue;
            sum[size] = sumValue;
            items[size] = itemCount;
            size++;
            return this;
        }

        /** Rows added so far. */
        public int size() {
            return size;
        }

        /**
         * The batch of the rows added; the builder must not be used afterwards.
         *
         * @throws IllegalArgumentException if no row was added, or a row breaks the batch's rules
         */
        public GridStatsBatch build() {
            checkOpen();
            built = true;
            if (size < cellX.length) {
                cellX = Arrays.copyOf(cellX, size);
                cellY = Arrays.copyOf(cellY, size);
                countTotal = Arrays.copyOf(countTotal, size);
                countValid = Arrays.copyOf(countValid, size);
                mean = Arrays.copyOf(mean, size);
                min = Arrays.copyOf(min, size);
                max = Arrays.copyOf(max, size);
                std = Arrays.copyOf(std, size);
                sum = Arrays.copyOf(sum, size);
                items = Arrays.copyOf(items, size);
            }
            return new GridStatsBatch(collection, tile, period, band, geometry, cellX, cellY, countTotal, countValid,
                    mean, min, max, std, sum, items);
        }

        /** The batch may own the builder's arrays: nothing may change them once it is built. */
        private void checkOpen() {
            if (built) {
                throw new IllegalStateException("grid_stats batch of " + collection + '/' + band + " already built");
            }
        }
    }
}
