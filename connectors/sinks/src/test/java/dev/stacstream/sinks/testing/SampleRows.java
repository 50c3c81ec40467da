package dev.stacstream.sinks.testing;

import dev.stacstream.sinks.row.BandStats;
import dev.stacstream.sinks.row.CellGeometry;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.ErrorStage;
import dev.stacstream.sinks.row.GridCell;
import dev.stacstream.sinks.row.GridStatsBatch;
import dev.stacstream.sinks.row.GridStatsRow;
import dev.stacstream.sinks.row.OutputPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Deterministic rows for the tests: row {@code i} is a pure function of {@code i}, so a test can recompute what a
 * job must have written and compare it with what it finds.
 */
public final class SampleRows {

    /** Collections the rows cycle through. */
    public static final List<String> COLLECTIONS = List.of("sentinel-2-l2a", "landsat-c2-l2");
    /** Periods the rows cycle through: a day, a month and an item. */
    public static final List<OutputPeriod> PERIODS = List.of(
            OutputPeriod.day(LocalDate.of(2020, 2, 19)),
            OutputPeriod.month(YearMonth.of(2020, 2)),
            OutputPeriod.item("S2B_29SND_20200219_0_L2A", Instant.parse("2020-02-19T11:21:19.024Z")));
    /** 60 m cells of the Sentinel-2 grid of tile 29SND (EPSG:32629), origin (499980, 4200000). */
    public static final double CELL_SIZE_METRES = 60;
    public static final double ORIGIN_X = 499_980;
    public static final double ORIGIN_Y = 4_200_000;
    /** Cells per grid row (the 10980 px tile at factor 6). */
    public static final long GRID_COLUMNS = 1830;
    /** Every {@value}th row has no valid pixel. */
    public static final int NO_VALID_EVERY = 5;

    private SampleRows() {}

    /** The {@code i}-th grid_stats row; rows with distinct {@code i} have distinct (collection, period, cell). */
    public static GridStatsRow gridStats(long i) {
        String collection = COLLECTIONS.get((int) (i % COLLECTIONS.size()));
        OutputPeriod period = PERIODS.get((int) (i / COLLECTIONS.size() % PERIODS.size()));
        long cellIndex = i / (COLLECTIONS.size() * PERIODS.size());
        return new GridStatsRow(collection, "29SND", period, "red", cell(cellIndex), "EPSG:32629", stats(i),
                1 + (int) (i % 3));
    }

    /** The cell with linear index {@code index} (row-major) of the sample grid. */
    public static GridCell cell(long index) {
        return GridCell.of(grid("EPSG:32629"), index % GRID_COLUMNS, index / GRID_COLUMNS);
    }

    /** The sample grid (origin, 60 m cells) in CRS {@code crs}. */
    public static CellGeometry grid(String crs) {
        return new CellGeometry(crs, ORIGIN_X, ORIGIN_Y, CELL_SIZE_METRES, CELL_SIZE_METRES);
    }

    /** The {@code i}-th grid_stats row as a batch of one row. */
    public static GridStatsBatch gridStatsBatch(long i) {
        return RowBatches.batch(List.of(gridStats(i)));
    }

    private static BandStats stats(long i) {
        long total = 36;
        if (i % NO_VALID_EVERY == 0) {
            return BandStats.noValidPixels(total);
        }
        long valid = 36 - i % 7;
        double mean = 1000 + i * 0.5;
        return new BandStats(total, valid, mean, mean - 100, mean + 100, 12.25, mean * valid);
    }

    /** The {@code i}-th errors row, one of three shapes (item only, asset, asset and block), on two dates. */
    public static ErrorRow error(long i) {
        Instant time = Instant.parse("2024-05-01T23:59:59.123456Z").plusSeconds(i);
        ErrorRow row = ErrorRow.of("item-" + i, ErrorStage.values()[(int) (i % ErrorStage.values().length)],
                "not_found", "HTTP 404 for s3://bucket/item-" + i + "/B04.tif", time);
        return switch ((int) (i % 3)) {
            case 0 -> row;
            case 1 -> row.withAsset("red", "s3://bucket/item-" + i + "/B04.tif");
            default -> row.withAsset("red", "s3://bucket/item-" + i + "/B04.tif").withBlock(i).withAttempts(3);
        };
    }
}
