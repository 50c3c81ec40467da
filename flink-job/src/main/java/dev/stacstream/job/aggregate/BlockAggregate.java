package dev.stacstream.job.aggregate;

import java.util.List;

/**
 * The partial statistics of one masked block: for each band and each output cell the window touches, the
 * {@link CellStats} of the block's pixels in that cell. Cells straddling the window's edges are partial; merging
 * the partials of all blocks and items by {@code (band, cellX, cellY)} gives each cell's statistics.
 *
 * <p>Held column-wise (one primitive array per statistic and band); {@link #stats} and {@link #forEachCell} hand
 * out new {@link CellStats} objects the caller owns.
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

    /** One band's statistics per local cell, row-major over the span. */
    static final class BandColumns {
        final long[] countValid;
        final double[] sum;
        final double[] min;
        final double[] max;
        final double[] mean;
        final double[] m2;

        BandColumns(int cells) {
            countValid = new long[cells];
            sum = new double[cells];
            min = new double[cells];
            max = new double[cells];
            mean = new double[cells];
            m2 = new double[cells];
        }
    }

    private final CellGrid grid;
    private final List<String> bandNames;
    private final int cellX0;
    private final int cellY0;
    private final int columns;
    private final int rows;
    private final long[] countTotal;
    private final BandColumns[] bands;

    BlockAggregate(CellGrid grid, List<String> bandNames, CellSpan span, BandColumns[] bands) {
        this.grid = grid;
        this.bandNames = List.copyOf(bandNames);
        this.cellX0 = span.cellX0();
        this.cellY0 = span.cellY0();
        this.columns = span.columns();
        this.rows = span.rows();
        this.countTotal = new long[span.cells()];
        for (int i = 0; i < countTotal.length; i++) {
            countTotal[i] = span.pixels(i);
        }
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
            for (int k = 0; k < countTotal.length; k++) {
                consumer.accept(b, cellX0 + k % columns, cellY0 + k / columns, statsAt(b, k));
            }
        }
    }

    /** Valid pixels of {@code band} in the block. */
    public long validPixels(int band) {
        long n = 0;
        for (long c : bands[band].countValid) {
            n += c;
        }
        return n;
    }

    /** Pixels of the block per band. */
    public long totalPixels() {
        long n = 0;
        for (long c : countTotal) {
            n += c;
        }
        return n;
    }

    private CellStats statsAt(int band, int k) {
        BandColumns c = bands[band];
        return CellStats.of(countTotal[k], c.countValid[k], c.sum[k], c.min[k], c.max[k], c.mean[k], c.m2[k]);
    }
}
