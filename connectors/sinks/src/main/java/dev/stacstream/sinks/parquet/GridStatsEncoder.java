package dev.stacstream.sinks.parquet;

import static dev.stacstream.sinks.parquet.GridStatsTable.GEOMETRY;
import static dev.stacstream.sinks.parquet.GridStatsTable.SCHEMA;

import dev.stacstream.sinks.geo.GeoParquetMetadata;
import dev.stacstream.sinks.geo.RectangleWkb;
import dev.stacstream.sinks.row.CellGeometry;
import dev.stacstream.sinks.row.GridStatsBatch;
import java.io.IOException;
import java.util.Map;
import org.apache.parquet.io.api.Binary;

/**
 * Writes the {@code grid_stats} batches of one part file column by column, and gathers the file's GeoParquet
 * metadata.
 *
 * <p>Per run of rows that fits the current page: the five labels as runs of one value (a dictionary id each, or
 * NULLs for a missing tile), the period bounds as runs of one timestamp, the index, count, statistic and item
 * columns copied from the batch's arrays ({@code NaN} statistics becoming NULLs), and {@code x}, {@code y} and the
 * WKB {@code geometry} computed from the cell indices in one loop. No object per row. The rows, pages and file are
 * the same as if the rows were written one by one. Not thread-safe: one encoder per part file.
 */
final class GridStatsEncoder implements TableFormat.FileEncoder<GridStatsBatch> {

    private static final int COLLECTION = SCHEMA.getFieldIndex("collection");
    private static final int TILE = SCHEMA.getFieldIndex("tile");
    private static final int PERIOD = SCHEMA.getFieldIndex("period");
    private static final int PERIOD_START = SCHEMA.getFieldIndex("period_start");
    private static final int PERIOD_END = SCHEMA.getFieldIndex("period_end");
    private static final int BAND = SCHEMA.getFieldIndex("band");
    private static final int CELL_X = SCHEMA.getFieldIndex("cell_x");
    private static final int CELL_Y = SCHEMA.getFieldIndex("cell_y");
    private static final int X = SCHEMA.getFieldIndex("x");
    private static final int Y = SCHEMA.getFieldIndex("y");
    private static final int CRS = SCHEMA.getFieldIndex("crs");
    private static final int COUNT_TOTAL = SCHEMA.getFieldIndex("count_total");
    private static final int COUNT_VALID = SCHEMA.getFieldIndex("count_valid");
    private static final int MEAN = SCHEMA.getFieldIndex("mean");
    private static final int MIN = SCHEMA.getFieldIndex("min");
    private static final int MAX = SCHEMA.getFieldIndex("max");
    private static final int STD = SCHEMA.getFieldIndex("std");
    private static final int SUM = SCHEMA.getFieldIndex("sum");
    private static final int ITEMS = SCHEMA.getFieldIndex("items");
    private static final int WKB = SCHEMA.getFieldIndex(GEOMETRY);

    private final GeoParquetMetadata geo = new GeoParquetMetadata(GEOMETRY);
    private final LabelBinary collection = new LabelBinary();
    private final LabelBinary tile = new LabelBinary();
    private final LabelBinary period = new LabelBinary();
    private final LabelBinary band = new LabelBinary();
    private final LabelBinary crs = new LabelBinary();
    /** What a row adds to each binary column's PLAIN page, for {@link ColumnSink#beginRows}. */
    private final int[] plainBytesPerRow = new int[SCHEMA.getFieldCount()];
    /** The computed columns of one run, reused from run to run. */
    private double[] x = new double[0];
    private double[] y = new double[0];
    private byte[] wkb = new byte[0];
    // The batch's extent in cell indices, for the GeoParquet bbox.
    private long westmost;
    private long eastmost;
    private long northmost;
    private long southmost;

    GridStatsEncoder() {
        plainBytesPerRow[WKB] = Integer.BYTES + RectangleWkb.LENGTH_BYTES;
    }

    @Override
    public void write(GridStatsBatch batch, ColumnSink out) throws IOException {
        Binary collectionBytes = label(COLLECTION, collection, batch.collection());
        Binary tileBytes = label(TILE, tile, batch.tile());
        Binary periodBytes = label(PERIOD, period, batch.period().label());
        Binary bandBytes = label(BAND, band, batch.band());
        Binary crsBytes = label(CRS, crs, batch.geometry().crs());
        westmost = Long.MAX_VALUE;
        eastmost = Long.MIN_VALUE;
        northmost = Long.MAX_VALUE;
        southmost = Long.MIN_VALUE;
        int rows = batch.size();
        for (int from = 0; from < rows; ) {
            int n = out.beginRows(rows - from, plainBytesPerRow);
            int to = from + n;
            out.binaryRun(COLLECTION, collectionBytes, n);
            out.binaryRun(TILE, tileBytes, n);
            out.binaryRun(PERIOD, periodBytes, n);
            out.timestampMicrosRun(PERIOD_START, batch.period().start(), n);
            out.timestampMicrosRun(PERIOD_END, batch.period().end(), n);
            out.binaryRun(BAND, bandBytes, n);
            out.int64s(CELL_X, batch.cellX(), from, to);
            out.int64s(CELL_Y, batch.cellY(), from, to);
            writeCells(batch, from, to, out);
            out.binaryRun(CRS, crsBytes, n);
            out.int64s(COUNT_TOTAL, batch.countTotal(), from, to);
            out.int64s(COUNT_VALID, batch.countValid(), from, to);
            out.float64sOrNull(MEAN, batch.mean(), from, to);
            out.float64sOrNull(MIN, batch.min(), from, to);
            out.float64sOrNull(MAX, batch.max(), from, to);
            out.float64sOrNull(STD, batch.std(), from, to);
            out.float64sOrNull(SUM, batch.sum(), from, to);
            out.int32s(ITEMS, batch.items(), from, to);
            out.endRows(n);
            from = to;
        }
        // A cell's edges are monotone in its indices (x0 + i * w rounds monotonically for w > 0), so the extreme
        // cells' edges bound every cell exactly, as a min/max over all rows would.
        CellGeometry grid = batch.geometry();
        geo.add(grid.crs(), grid.minX(westmost), grid.minY(southmost), grid.maxX(eastmost), grid.maxY(northmost));
    }

    /** The label's bytes, and what a row of it adds to a PLAIN page (nothing for NULL). */
    private Binary label(int column, LabelBinary cache, String value) {
        Binary bytes = cache.of(value);
        plainBytesPerRow[column] = bytes == null ? 0 : Integer.BYTES + bytes.length();
        return bytes;
    }

    /** {@code x}, {@code y} and {@code geometry} of rows {@code [from, to)}, from their cell's extent. */
    private void writeCells(GridStatsBatch batch, int from, int to, ColumnSink out) {
        int n = to - from;
        if (x.length < n) {
            x = new double[n];
            y = new double[n];
            wkb = new byte[n * RectangleWkb.LENGTH_BYTES];
        }
        CellGeometry grid = batch.geometry();
        long[] cellX = batch.cellX();
        long[] cellY = batch.cellY();
        for (int i = from, k = 0; i < to; i++, k++) {
            long cx = cellX[i];
            long cy = cellY[i];
            double minX = grid.minX(cx);
            double maxX = grid.maxX(cx);
            double minY = grid.minY(cy);
            double maxY = grid.maxY(cy);
            x[k] = (minX + maxX) / 2;
            y[k] = (minY + maxY) / 2;
            RectangleWkb.encode(wkb, k * RectangleWkb.LENGTH_BYTES, minX, minY, maxX, maxY);
            westmost = Math.min(westmost, cx);
            eastmost = Math.max(eastmost, cx);
            northmost = Math.min(northmost, cy);
            southmost = Math.max(southmost, cy);
        }
        out.float64s(X, x, 0, n);
        out.float64s(Y, y, 0, n);
        out.fixedWidthBinaries(WKB, wkb, RectangleWkb.LENGTH_BYTES, n);
    }

    @Override
    public Map<String, String> footerMetadata() {
        return Map.of(GeoParquetMetadata.KEY, geo.toJson());
    }
}
