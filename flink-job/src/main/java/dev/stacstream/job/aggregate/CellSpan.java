package dev.stacstream.job.aggregate;

import dev.stacstream.cog.plan.PixelWindow;

/**
 * The cells a block's window touches, with where each cell's pixels start inside the window: the per-block
 * geometry the accumulation loops index by, computed once so those loops need no division.
 */
final class CellSpan {

    private final int cellX0;
    private final int cellY0;
    private final int columns;
    private final int rows;
    /** Window-relative first column of each cell column, then the window width: {@code columns + 1} entries. */
    private final int[] columnStarts;
    /** Window-relative first row of each cell row, then the window height: {@code rows + 1} entries. */
    private final int[] rowStarts;
    /** The local cell row of each window row. */
    private final int[] cellRowOfRow;

    CellSpan(CellGrid grid, PixelWindow window) {
        int fx = grid.factorX();
        int fy = grid.factorY();
        this.cellX0 = window.col() / fx;
        this.cellY0 = window.row() / fy;
        this.columns = (window.colEnd() - 1) / fx + 1 - cellX0;
        this.rows = (window.rowEnd() - 1) / fy + 1 - cellY0;
        this.columnStarts = starts(cellX0, columns, fx, window.col(), window.width());
        this.rowStarts = starts(cellY0, rows, fy, window.row(), window.height());
        this.cellRowOfRow = new int[window.height()];
        for (int j = 0; j < rows; j++) {
            for (int y = rowStarts[j]; y < rowStarts[j + 1]; y++) {
                cellRowOfRow[y] = j;
            }
        }
    }

    private static int[] starts(int firstCell, int cells, int factor, int origin, int length) {
        int[] starts = new int[cells + 1];
        for (int i = 0; i < cells; i++) {
            starts[i] = Math.max(0, (firstCell + i) * factor - origin);
        }
        starts[cells] = length;
        return starts;
    }

    int cellX0() {
        return cellX0;
    }

    int cellY0() {
        return cellY0;
    }

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    int cells() {
        return columns * rows;
    }

    int[] columnStarts() {
        return columnStarts;
    }

    /** The local cell row of window row {@code y}. */
    int cellRowOf(int y) {
        return cellRowOfRow[y];
    }

    /** Window pixels in local cell {@code index} (row-major over the span). */
    long pixels(int index) {
        int i = index % columns;
        int j = index / columns;
        return (long) (columnStarts[i + 1] - columnStarts[i]) * (rowStarts[j + 1] - rowStarts[j]);
    }
}
