package dev.stacstream.sinks.parquet;

import dev.stacstream.sinks.row.CellGeometry;
import dev.stacstream.sinks.row.GridStatsBatch;
import dev.stacstream.sinks.row.GridStatsRow;
import dev.stacstream.sinks.row.OutputPeriod;
import dev.stacstream.sinks.testing.RowBatches;
import dev.stacstream.sinks.testing.SampleRows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Named sets of {@code grid_stats} batches for the encoder tests, each a pure function of its parameters, and
 * their rows for the row-by-row oracle.
 */
record GridStatsSamples(String name, List<GridStatsBatch> batches) {

    /** Cells of a chunk along each side, as the job's period stage cuts them. */
    static final int CHUNK_SIDE = 64;
    private static final OutputPeriod DAY = OutputPeriod.day(LocalDate.of(2023, 6, 1));
    private static final int PIXELS_PER_CELL = 100;
    /** Every cell with (7x + 3y) % this == 0 has no pixel at all, so the period stage emits no row for it. */
    private static final int NO_PIXEL_EVERY = 11;
    /** Every cell with (x + 5y) % this == 0 has pixels but none valid: NULL statistics. */
    private static final int NO_VALID_EVERY = 6;
    /** Tile ids of this many characters, a new one every few rows, outgrow the label dictionary's page. */
    private static final int LONG_TILE_CHARS = 120;

    List<GridStatsRow> rows() {
        return RowBatches.rows(batches);
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * The rows of a {@code columns x rows} grid of 100 m cells, two bands, chunk by chunk in the job's order (chunk
     * rows, chunk columns, band), one batch per chunk: the chunks on the east and south edges are partial, and cells
     * without pixels are left out of their batch.
     */
    static GridStatsSamples chunkedTile(int columns, int rows) {
        CellGeometry grid = new CellGeometry("EPSG:32633", 399_960, 5_900_040, 100, 100);
        List<GridStatsBatch> batches = new ArrayList<>();
        for (int chunkY = 0; chunkY * CHUNK_SIDE < rows; chunkY++) {
            for (int chunkX = 0; chunkX * CHUNK_SIDE < columns; chunkX++) {
                for (String band : List.of("red", "nir")) {
                    batches.add(chunk(grid, band, chunkX, chunkY, columns, rows));
                }
            }
        }
        return new GridStatsSamples(columns + " x " + rows + " cells in 64 x 64 chunks", batches);
    }

    private static GridStatsBatch chunk(CellGeometry grid, String band, int chunkX, int chunkY, int columns,
            int rows) {
        GridStatsBatch.Builder batch = GridStatsBatch.builder("sentinel-2-l2a", "33UUU", DAY, band, grid,
                CHUNK_SIDE * CHUNK_SIDE);
        for (long y = (long) chunkY * CHUNK_SIDE; y < Math.min(rows, (chunkY + 1L) * CHUNK_SIDE); y++) {
            for (long x = (long) chunkX * CHUNK_SIDE; x < Math.min(columns, (chunkX + 1L) * CHUNK_SIDE); x++) {
                if ((7 * x + 3 * y) % NO_PIXEL_EVERY == 0) {
                    continue;
                }
                long valid = (x + 5 * y) % NO_VALID_EVERY == 0 ? 0 : PIXELS_PER_CELL - (x * y) % 40;
                double mean = 1000 + band.length() * 300 + Math.rint(x * 13.7 + y * 3.1) / 4;
                // An empty cell's accumulators hold identity elements, which the batch turns into NULLs.
                batch.add(x, y, PIXELS_PER_CELL, valid, valid == 0 ? 0 : mean, valid == 0 ? Double.POSITIVE_INFINITY
                        : Math.floor(mean - 17), valid == 0 ? Double.NEGATIVE_INFINITY : Math.ceil(mean + 23),
                        Math.sqrt(x + y + 1), Double.NaN, 1 + (int) ((x + y) % 3));
            }
        }
        return batch.build();
    }

    /**
     * {@code count} sample rows of one collection and period, every 7th without a tile (so batches of at most 6
     * rows) and every 5th without a valid pixel.
     */
    static GridStatsSamples sampleRows(int count) {
        int oneBucket = SampleRows.COLLECTIONS.size() * SampleRows.PERIODS.size();
        List<GridStatsRow> rows = LongStream.range(0, count).mapToObj(i -> {
            GridStatsRow row = SampleRows.gridStats(i * oneBucket);
            return i % 7 == 0 ? new GridStatsRow(row.collection(), null, row.period(), row.band(), row.cell(),
                    row.crs(), row.stats(), row.items()) : row;
        }).toList();
        return new GridStatsSamples(count + " sample rows, some without a tile", RowBatches.of(rows));
    }

    /**
     * {@code count} rows whose 120-character tile id changes every {@code rowsPerTile} rows: the tile dictionary
     * passes its page size, and later pages hold the tiles PLAIN, a run of rows at a time.
     */
    static GridStatsSamples longTileIds(int count, int rowsPerTile) {
        int oneBucket = SampleRows.COLLECTIONS.size() * SampleRows.PERIODS.size();
        List<GridStatsRow> rows = LongStream.range(0, count).mapToObj(i -> {
            GridStatsRow row = SampleRows.gridStats(i * oneBucket);
            String tile = String.format("%0" + LONG_TILE_CHARS + "d", i / rowsPerTile);
            return new GridStatsRow(row.collection(), tile, row.period(), row.band(), row.cell(), row.crs(),
                    row.stats(), row.items());
        }).toList();
        return new GridStatsSamples(count + " rows, a new long tile id every " + rowsPerTile + " rows",
                RowBatches.of(rows));
    }
}
