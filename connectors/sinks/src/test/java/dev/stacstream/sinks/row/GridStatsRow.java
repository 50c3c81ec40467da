package dev.stacstream.sinks.row;

import static org.apache.flink.util.Preconditions.checkArgument;
import static org.apache.flink.util.Preconditions.checkNotNull;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One row of the {@code grid_stats} table: the statistics of one band over one output cell in one period, merged
 * over every block and item that contributed.
 *
 * <p>The record's components group the table's columns: {@link OutputPeriod} gives {@code period},
 * {@code period_start} and {@code period_end}; {@link GridCell} gives {@code cell_x}, {@code cell_y}, {@code x},
 * {@code y} and {@code geometry}; {@link BandStats} gives {@code count_total}, {@code count_valid}, {@code mean},
 * {@code min}, {@code max}, {@code std} and {@code sum}. The column types and units are listed in
 * {@code dev.stacstream.sinks.parquet.GridStatsTable}.
 *
 * <p>Test value: the job and the sink handle rows only in {@link GridStatsBatch}es, columns of primitives; a row is
 * the value view of one of them ({@link #of}), which tests build, compare and write through the row-by-row oracle.
 *
 * @param collection STAC collection id, the {@code collection=} folder
 * @param tile the tile the cell's grid belongs to (e.g. MGRS {@code 29SND}, WRS-2 {@code 204033}), or {@code null}
 *     when the items carry no tile id
 * @param period the aggregation period, the {@code period=} folder
 * @param band asset key of the band (e.g. {@code red})
 * @param cell the output cell, in the grid CRS
 * @param crs the grid CRS as {@code AUTHORITY:CODE}, e.g. {@code EPSG:32629}
 * @param stats the band's statistics over the cell
 * @param items number of STAC items merged into the row, at least 1
 */
public record GridStatsRow(String collection, String tile, OutputPeriod period, String band, GridCell cell,
        String crs, BandStats stats, int items) {

    public GridStatsRow {
        RowChecks.checkLabels(collection, tile, period, band);
        checkNotNull(cell, "cell is null");
        checkNotNull(crs, "crs is null");
        checkArgument(!crs.isBlank(), "crs is blank");
        checkNotNull(stats, "stats are null");
        RowChecks.checkItems(items);
    }

    /** Row {@code i} of {@code batch} as a value. */
    public static GridStatsRow of(GridStatsBatch batch, int i) {
        Objects.checkIndex(i, batch.size());
        return new GridStatsRow(batch.collection(), batch.tile(), batch.period(), batch.band(),
                GridCell.of(batch.geometry(), batch.cellX()[i], batch.cellY()[i]), batch.geometry().crs(),
                new BandStats(batch.countTotal()[i], batch.countValid()[i], batch.mean()[i], batch.min()[i],
                        batch.max()[i], batch.std()[i], batch.sum()[i]), batch.items()[i]);
    }

    /** Every row of {@code batch}, in order, as values. */
    public static List<GridStatsRow> all(GridStatsBatch batch) {
        return IntStream.range(0, batch.size()).mapToObj(i -> of(batch, i)).toList();
    }

    /** Easting of the cell centre in the grid CRS: the {@code x} column. */
    public double x() {
        return cell.centreX();
    }

    /** Northing of the cell centre in the grid CRS: the {@code y} column. */
    public double y() {
        return cell.centreY();
    }
}
