package dev.stacstream.job.aggregate;

/** Test-side running aggregation: block partials merged by (band, cell), as the job's keyed state does. */
final class CellStatsGrid {

    private final int columns;
    private final int rows;
    private final CellStats[] cells;

    CellStatsGrid(int bands, int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
        this.cells = new CellStats[bands * columns * rows];
    }

    void merge(int band, int cellX, int cellY, CellStats partial) {
        int i = index(band, cellX, cellY);
        if (cells[i] == null) {
            cells[i] = partial;
        } else {
            cells[i].merge(partial);
        }
    }

    /** The merged statistics, or {@code null} if no block touched the cell. */
    CellStats get(int band, int cellX, int cellY) {
        return cells[index(band, cellX, cellY)];
    }

    private int index(int band, int cellX, int cellY) {
        return (band * rows + cellY) * columns + cellX;
    }
}
