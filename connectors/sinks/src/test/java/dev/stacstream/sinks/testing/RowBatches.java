package dev.stacstream.sinks.testing;

import dev.stacstream.sinks.row.BandStats;
import dev.stacstream.sinks.row.CellGeometry;
import dev.stacstream.sinks.row.GridCell;
import dev.stacstream.sinks.row.GridStatsBatch;
import dev.stacstream.sinks.row.GridStatsRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns rows into the {@link GridStatsBatch}es a job would emit for them: each run of consecutive rows with the
 * same collection, tile, period, band and CRS, cut every {@code maxRows} rows, becomes one batch on the sample
 * grid ({@link SampleRows#grid}). Every row's cell must be a cell of that grid.
 */
public final class RowBatches {

    /** The period stage's largest batch: one 64 x 64-cell chunk. */
    public static final int CHUNK_CELLS = 64 * 64;

    private RowBatches() {}

    /** The batches of {@code rows}, in order, each of at most {@link #CHUNK_CELLS} rows. */
    public static List<GridStatsBatch> of(List<GridStatsRow> rows) {
        return of(rows, CHUNK_CELLS);
    }

    /** The batches of {@code rows}, in order, each of at most {@code maxRows} rows. */
    public static List<GridStatsBatch> of(List<GridStatsRow> rows, int maxRows) {
        List<GridStatsBatch> batches = new ArrayList<>();
        int start = 0;
        while (start < rows.size()) {
            int end = start + 1;
            while (end < rows.size() && end - start < maxRows && sameLabels(rows.get(start), rows.get(end))) {
                end++;
            }
            batches.add(batch(rows.subList(start, end)));
            start = end;
        }
        return batches;
    }

    /** One batch of {@code rows}, which share their labels and CRS. */
    public static GridStatsBatch batch(List<GridStatsRow> rows) {
        GridStatsRow first = rows.get(0);
        CellGeometry grid = SampleRows.grid(first.crs());
        GridStatsBatch.Builder batch = GridStatsBatch.builder(first.collection(), first.tile(), first.period(),
                first.band(), grid, rows.size());
        for (GridStatsRow row : rows) {
            if (!sameLabels(first, row) || !GridCell.of(grid, row.cell().cellX(), row.cell().cellY()).equals(row.cell())) {
                throw new IllegalArgumentException("row " + row + " does not fit a batch of " + first.collection()
                        + " on the sample grid of " + first.crs());
            }
            BandStats s = row.stats();
            batch.add(row.cell().cellX(), row.cell().cellY(), s.countTotal(), s.countValid(), s.mean(), s.min(),
                    s.max(), s.std(), s.sum(), row.items());
        }
        return batch.build();
    }

    /** Every row of {@code batches}, in order. */
    public static List<GridStatsRow> rows(List<GridStatsBatch> batches) {
        return batches.stream().flatMap(b -> GridStatsRow.all(b).stream()).toList();
    }

    private static boolean sameLabels(GridStatsRow a, GridStatsRow b) {
        return a.collection().equals(b.collection()) && Objects.equals(a.tile(), b.tile())
                && a.period().equals(b.period()) && a.band().equals(b.band()) && a.crs().equals(b.crs());
    }
}
