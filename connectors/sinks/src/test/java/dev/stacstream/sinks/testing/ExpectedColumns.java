package dev.stacstream.sinks.testing;

import dev.stacstream.sinks.geo.RectangleWkb;
import dev.stacstream.sinks.row.BandStats;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.GridCell;
import dev.stacstream.sinks.row.GridStatsRow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a row must read back as, column by column, in the JDBC types of the {@code SELECT}s below (timestamps as
 * epoch microseconds, geometry as hex WKB, {@code NULL} as {@code null}), so a test compares plain maps.
 */
public final class ExpectedColumns {

    /** Selects {@code grid_stats} columns in the form {@link #of(GridStatsRow)} gives them. */
    public static final String GRID_STATS_SELECT = "SELECT collection, tile, period, epoch_us(period_start) AS period_start,"
            + " epoch_us(period_end) AS period_end, band, cell_x, cell_y, x, y, crs, count_total, count_valid,"
            + " mean, min, max, std, sum, items, hex(ST_AsWKB(geometry)) AS geometry";

    /** Selects {@code errors} columns in the form {@link #of(ErrorRow)} gives them. */
    public static final String ERRORS_SELECT = "SELECT item_id, asset, href, block, stage, kind, message, attempts,"
            + " epoch_us(time) AS time";

    private ExpectedColumns() {}

    public static Map<String, Object> of(GridStatsRow row) {
        GridCell cell = row.cell();
        BandStats stats = row.stats();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("collection", row.collection());
        columns.put("tile", row.tile());
        columns.put("period", row.period().label());
        columns.put("period_start", micros(row.period().start()));
        columns.put("period_end", micros(row.period().end()));
        columns.put("band", row.band());
        columns.put("cell_x", cell.cellX());
        columns.put("cell_y", cell.cellY());
        columns.put("x", row.x());
        columns.put("y", row.y());
        columns.put("crs", row.crs());
        columns.put("count_total", stats.countTotal());
        columns.put("count_valid", stats.countValid());
        columns.put("mean", orNull(stats.mean()));
        columns.put("min", orNull(stats.min()));
        columns.put("max", orNull(stats.max()));
        columns.put("std", orNull(stats.std()));
        columns.put("sum", orNull(stats.sum()));
        columns.put("items", row.items());
        columns.put("geometry", HexFormat.of().withUpperCase()
                .formatHex(RectangleWkb.encode(cell.minX(), cell.minY(), cell.maxX(), cell.maxY())));
        return columns;
    }

    public static Map<String, Object> of(ErrorRow row) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("item_id", row.itemId());
        columns.put("asset", row.asset());
        columns.put("href", row.href());
        columns.put("block", row.block());
        columns.put("stage", row.stage().columnValue());
        columns.put("kind", row.kind());
        columns.put("message", row.message());
        columns.put("attempts", row.attempts());
        columns.put("time", micros(row.time()));
        return columns;
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
