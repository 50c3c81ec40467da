package dev.stacstream.job.operators;

import dev.stacstream.job.aggregate.CellColumns;

/**
 * Mergeable statistics of one band over a square chunk of {@link #SIDE}² output cells, held only over the
 * chunk's <em>extent</em>: the rectangle of cells that have data. A work window covers part of most chunks it
 * touches (windows of 2048 px are 204.8 cells of 10 px), and a chunk at the grid's edge is clipped, so a partial
 * carries, serializes and merges only its extent, and an accumulator grows its extent to the union of what was
 * merged into it.
 *
 * <p>Per cell: count_total, count_valid, sum, min, max and m2 ({@link CellColumns}; the mean is
 * {@code sum / count_valid}), and the number of items merged into it. Cells are addressed by their index
 * {@code i = y * SIDE + x} in the chunk; cells outside the extent have no pixels.
 *
 * <p>A chunk made by {@link #of} over a read-only view (the decode stage's partials view the window's aggregate)
 * is read-only; merging into it throws. Keyed state holds one chunk per key, so state is bounded by the open
 * chunks' extents. Not thread-safe; used by one operator instance at a time.
 */
public final class CellChunk {

    /** Cells along each side of a chunk. */
    public static final int SIDE = 64;
    /** Cells in a chunk. */
    public static final int CELLS = SIDE * SIDE;
    /** The words of an item's counted-cells mask for {@link #mergeWindow}: one bit per cell of a chunk. */
    public static final int ITEM_MASK_WORDS = CELLS / Long.SIZE;

    /** Column of the extent's first cell in the chunk. */
    private int x0;
    /** Row of the extent's first cell in the chunk. */
    private int y0;
    /** The extent's statistics; 0x0 while the chunk has no cells. */
    private CellColumns cells;
    /** Items merged into each cell of the extent, row-major with the extent's width; null while all are 0. */
    private int[] items;

    /** An empty chunk, to merge into. */
    public CellChunk() {
        this(0, 0, CellColumns.allocate(0, 0), null);
    }

    private CellChunk(int x0, int y0, CellColumns cells, int[] items) {
        if (x0 < 0 || y0 < 0 || x0 + cells.width() > SIDE || y0 + cells.height() > SIDE) {
            throw new IllegalArgumentException("extent of " + cells.width() + "x" + cells.height() + " cells at (" + x0 + ", "
                    + y0 + ") is not inside a chunk of " + SIDE + "x" + SIDE);
        }
        this.x0 = x0;
        this.y0 = y0;
        this.cells = cells;
        this.items = items;
    }

    /**
     * A chunk whose extent is {@code cells}, its first cell at {@code (x0, y0)} of the chunk; no items counted.
     * Not copied: the chunk is read-only if {@code cells} is.
     */
    public static CellChunk of(int x0, int y0, CellColumns cells) {
        return new CellChunk(x0, y0, cells, null);
    }

    /** A chunk of the given extent with items per cell (row-major over the extent), as read back from bytes. */
    static CellChunk of(int x0, int y0, CellColumns cells, int[] items) {
        if (items != null && items.length != cells.width() * cells.height()) {
            throw new IllegalArgumentException(items.length + " item counts for " + cells.width() + "x" + cells.height()
                    + " cells");
        }
        return new CellChunk(x0, y0, cells, items);
    }

    /** A deep copy, owning its storage (writable even if this is a view). */
    public CellChunk copy() {
        CellColumns own = CellColumns.allocate(cells.width(), cells.height());
        own.copy(0, 0, cells);
        return new CellChunk(x0, y0, own, items == null ? null : items.clone());
    }

    /** Index of cell {@code (cx, cy)} of the grid within its chunk. */
    public static int index(long cx, long cy) {
        return (int) (Math.floorMod(cy, SIDE) * SIDE + Math.floorMod(cx, SIDE));
    }

    /** Column of the extent's first cell in the chunk. */
    public int x0() {
        return x0;
    }

    /** Row of the extent's first cell in the chunk. */
    public int y0() {
        return y0;
    }

    /** Columns of the extent (0 for an empty chunk). */
    public int width() {
        return cells.width();
    }

    /** Rows of the extent (0 for an empty chunk). */
    public int height() {
        return cells.height();
    }

    /** The extent's statistics, for the codec. */
    CellColumns columns() {
        return cells;
    }

    /** The items per extent cell, for the codec; null when all are 0. */
    int[] itemCounts() {
        return items;
    }

    /** Adds one pixel to cell {@code i}: counted always, and into the statistics when valid. */
    public void addPixel(int i, boolean valid, double value) {
        int x = column(i);
        int y = i / SIDE;
        cover(x, y, x + 1, y + 1);
        cells.addPixel(cells.index(x - x0, y - y0), valid, value);
    }

    /**
     * Merges one work window's partial of an item. Its statistics add up cell by cell, and each cell it covers (has
     * pixels in) counts the item once: the first time any of the item's windows covers the cell. {@code counted}
     * ({@link #ITEM_MASK_WORDS} words, bit {@code i % 64} of word {@code i / 64} for cell {@code i}) marks the cells
     * already counted for this item, and gains the ones this window counts. A cell split between two windows by a
     * window edge thus counts the item once, in whatever order the windows arrive.
     */
    public void mergeWindow(CellChunk window, long[] counted) {
        if (window.width() == 0 || window.height() == 0) {
            return;
        }
        mergeCells(window);
        countItem(window, counted);
    }

    /**
     * This chunk, one window's partial of an item, as the first merged into an accumulator: what
     * {@link #mergeWindow} into an empty chunk gives, without copying the extent into a new one (a read-only view is
     * copied). Item counts it carried are replaced.
     */
    public CellChunk asFirstWindow(long[] counted) {
        CellChunk own = cells.isReadOnly() ? copy() : this;
        own.items = null;
        if (own.width() > 0 && own.height() > 0) {
            own.countItem(own, counted);
        }
        return own;
    }

    public long countTotal(int i) {
        int k = local(i);
        return k < 0 ? 0 : cells.countTotal(k);
    }

    public long countValid(int i) {
        int k = local(i);
        return k < 0 ? 0 : cells.countValid(k);
    }

    /** Sum of the valid values; 0 when there are none. */
    public double sum(int i) {
        int k = local(i);
        return k < 0 ? 0 : cells.sum(k);
    }

    /** Smallest valid value; NaN when there are none. */
    public double min(int i) {
        int k = local(i);
        return k < 0 ? Double.NaN : cells.min(k);
    }

    /** Largest valid value; NaN when there are none. */
    public double max(int i) {
        int k = local(i);
        return k < 0 ? Double.NaN : cells.max(k);
    }

    /** Mean of the valid values ({@code sum / count_valid}); NaN when there are none. */
    public double mean(int i) {
        int k = local(i);
        return k < 0 ? Double.NaN : cells.mean(k);
    }

    /** Population standard deviation of the valid pixels; NaN when there are none. */
    public double std(int i) {
        int k = local(i);
        return k < 0 ? Double.NaN : cells.std(k);
    }

    /** Items counted in cell {@code i} by {@link #mergeWindow} and {@link #asFirstWindow}. */
    public int items(int i) {
        if (items == null) {
            checkIndex(i);
            return 0;
        }
        int x = column(i) - x0;
        int y = i / SIDE - y0;
        return x < 0 || y < 0 || x >= width() || y >= height() ? 0 : items[y * width() + x];
    }

    /** Whether no cell has pixels. */
    public boolean isEmpty() {
        return cells.isEmpty();
    }

    private void mergeCells(CellChunk other) {
        cover(other.x0, other.y0, other.x0 + other.width(), other.y0 + other.height());
        cells.merge(other.x0 - x0, other.y0 - y0, other.cells);
    }

    /** Grows the extent to cover cells {@code [ax0, ax1) x [ay0, ay1)} of the chunk, copying what it held. */
    private void cover(int ax0, int ay0, int ax1, int ay1) {
        if (cells.isReadOnly()) {
            throw new IllegalStateException("this chunk of " + width() + "x" + height() + " cells views another's storage"
                    + " (a window's aggregate); copy() it to merge into it");
        }
        boolean empty = width() == 0 || height() == 0;
        if (!empty && ax0 >= x0 && ay0 >= y0 && ax1 <= x0 + width() && ay1 <= y0 + height()) {
            return;
        }
        int nx0 = empty ? ax0 : Math.min(x0, ax0);
        int ny0 = empty ? ay0 : Math.min(y0, ay0);
        int nx1 = empty ? ax1 : Math.max(x0 + width(), ax1);
        int ny1 = empty ? ay1 : Math.max(y0 + height(), ay1);
        CellColumns grown = CellColumns.allocate(nx1 - nx0, ny1 - ny0);
        if (empty) {
            items = null;
        } else {
            grown.copy(x0 - nx0, y0 - ny0, cells);
        }
        if (items != null) {
            int[] counts = new int[grown.width() * grown.height()];
            for (int y = 0; y < height(); y++) {
                System.arraycopy(items, y * width(), counts, (y + y0 - ny0) * grown.width() + x0 - nx0, width());
            }
            items = counts;
        }
        x0 = nx0;
        y0 = ny0;
        cells = grown;
    }

    /**
     * Counts the item in each cell {@code window} covers that {@code counted} does not mark yet, and marks it; the
     * window's extent is inside this one's.
     */
    private void countItem(CellChunk window, long[] counted) {
        if (counted.length != ITEM_MASK_WORDS) {
            throw new IllegalArgumentException("an item mask has " + ITEM_MASK_WORDS + " words, got " + counted.length);
        }
        int[] counts = items();
        for (int y = 0; y < window.height(); y++) {
            int at = (window.y0 + y - y0) * width() + window.x0 - x0;
            int cell = (window.y0 + y) * SIDE + window.x0;
            for (int x = 0, k = window.cells.index(0, y); x < window.width(); x++, k++, cell++) {
                long bit = 1L << cell;
                if (window.cells.countTotal(k) > 0 && (counted[cell >>> 6] & bit) == 0) {
                    counted[cell >>> 6] |= bit;
                    counts[at + x]++;
                }
            }
        }
    }

    /** The item counts, allocated on first use. */
    private int[] items() {
        if (items == null) {
            items = new int[width() * height()];
        }
        return items;
    }

    /** The storage index of cell {@code i}, or -1 outside the extent. */
    private int local(int i) {
        int x = column(i) - x0;
        int y = i / SIDE - y0;
        return x < 0 || y < 0 || x >= width() || y >= height() ? -1 : cells.index(x, y);
    }

    private static int column(int i) {
        checkIndex(i);
        return i % SIDE;
    }

    private static void checkIndex(int i) {
        if (i < 0 || i >= CELLS) {
            throw new IndexOutOfBoundsException("cell index " + i + " is not in [0, " + CELLS + ")");
        }
    }
}
