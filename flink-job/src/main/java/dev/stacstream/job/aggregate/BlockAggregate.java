package dev.stacstream.job.aggregate;

import java.util.List;

/**
 * The partial statistics of one masked block: for each band and each output cell the window touches, the
 * statistics of the block's pixels in that cell. Cells straddling the window's edges are partial; merging the
 * partials of all blocks and items by {@code (band, cellX, cellY)} gives each cell's statistics.
 *
 * <p>Held column-wise, one {@link CellColumns} per band over the cells the block touches. These are read-only views
 * of the {@link BlockAggregator}'s storage, which it reuses for its next block: an aggregate is valid until its
 * aggregator's next {@link BlockAggregator#aggregate}. {@link #stats} and {@link #forEachCell} hand out new
 * {@link CellStats} objects the caller owns.
 */
public final class BlockAggregate {

    /** Receives the cells of a block. */
    @FunctionalInterface
    public interface CellConsumer {

        /**
         * @param band index of the band in the block's band list
         * @param cellX cell column in the {@link CellGrid}
         * @param cellY cell row in the {@link CellGrid}
         * @param stats the block's statistics of that band over that cell (a new object)
         */
        void accept(int band, int cellX, int cellY, CellStats stats);
    }

    /**
     * One band's statistics per local cell, row-major over the span: the aggregator's scratch, grown to the largest
     * span it has seen and reused from block to block. {@code count_total} is the same for every band and is kept
     * once, by the aggregator.
     */
    static final class BandColumns {
        long[] countValid = new long[0];
        double[] sum = new double[0];
        double[] min = new double[0];
        double[] max = new double[0];
        double[] m2 = new double[0];

        void ensure(int cells) {
            if (countValid.length < cells) {
                countValid = new long[cells];
                sum = new double[cells];
                min = new double[cells];
                max = new double[cells];
                m2 = new double[cells];
            }
        }

        /** The first {@code span.cells()} entries as the span's rectangle, with the blocks' shared pixel counts. */
        CellColumns view(CellSpan span, long[] countTotal) {
            return CellColumns.view(span.columns(), span.rows(), countTotal, countValid, sum, min, max, m2);
        }
    }

    private final CellGrid grid;
    private final List<String> bandNames;
    private final int cellX0;
    private final int cellY0;
    private final int columns;
    private final int rows;
    private final long totalPixels;
    private final CellColumns[] bands;

    BlockAggregate(CellGrid grid, List<String> bandNames, CellSpan span, long totalPixels, CellColumns[] bands) {
        this.grid = grid;
        this.bandNames = List.copyOf(bandNames);
        this.cellX0 = span.cellX0();
        this.cellY0 = span.cellY0();
        this.columns = span.columns();
        this.rows = span.rows();
        this.totalPixels = totalPixels;
        this.bands = bands;
    }

    /** The grid the cell indices refer to (centres, polygons). */
    public CellGrid grid() {
        return grid;
    }

    /** The bands' names, in the block's order. */
    public List<String> bandNames() {
        return bandNames;
    }

    /** First cell column the block touches. */
    public int cellX0() {
        return cellX0;
    }

    /** First cell row the block touches. */
    public int cellY0() {
        return cellY0;
    }

    /** Cell columns the block touches. */
    public int cellColumns() {
        return columns;
    }

    /** Cell rows the block touches. */
    public int cellRows() {
        return rows;
    }

    /**
     * The statistics of {@code band} over the cells the block touches: cell {@code (cellX0() + x, cellY0() + y)}
     * at {@code (x, y)}. A read-only view, valid until the aggregator's next block.
     */
    public CellColumns cells(int band) {
        checkBand(band);
        return bands[band];
    }

    /** The block's statistics of {@code band} over cell {@code (cellX, cellY)} of the grid. */
    public CellStats stats(int band, int cellX, int cellY) {
        int i = cellX - cellX0;
        int j = cellY - cellY0;
        if (band < 0 || band >= bands.length || i < 0 || j < 0 || i >= columns || j >= rows) {
            throw new IndexOutOfBoundsException("band " + band + " cell (" + cellX + ", " + cellY + ") is not in this block's "
                    + bands.length + " band(s) x cells [" + cellX0 + ", " + (cellX0 + columns) + ") x [" + cellY0 + ", "
                    + (cellY0 + rows) + ")");
        }
        return statsAt(band, j * columns + i);
    }

    /** Hands every (band, cell) of the block to {@code consumer}, band by band, cells row-major. */
    public void forEachCell(CellConsumer consumer) {
        for (int b = 0; b < bands.length; b++) {
            for (int k = 0; k < columns * rows; k++) {
                consumer.accept(b, cellX0 + k % columns, cellY0 + k / columns, statsAt(b, k));
            }
        }
    }

    /** Valid pixels of {@code band} in the block. */
    public long validPixels(int band) {
        CellColumns c = cells(band);
        long n = 0;
        for (int k = 0; k < columns * rows; k++) {
            n += c.countValid(k);
        }
        return n;
    }

    /** Pixels of the block per band. */
    public long totalPixels() {
        return totalPixels;
    }

    private CellStats statsAt(int band, int k) {
        CellColumns c = bands[band];
        return CellStats.of(c.countTotal(k), c.countValid(k), c.sum(k), c.min(k), c.max(k), c.mean(k), c.m2(k));
    }

    private void checkBand(int band) {
        if (band < 0 || band >= bands.length) {
            throw new IndexOutOfBoundsException("band " + band + " is not in this block's " + bands.length + " band(s)");
        }
    }
}
