package dev.stacstream.sinks.row;

import static org.apache.flink.util.Preconditions.checkNotNull;

import org.apache.flink.util.Preconditions;

/**
 * The rules of a {@code grid_stats} row, checked for every row of a {@link GridStatsBatch} (and by the row values
 * the tests build), taking primitives: a check that passes boxes and allocates nothing. Flink's {@code Preconditions.checkArgument(boolean, String, Object...)} boxes its
 * arguments into a new array on every call, which the JIT does not always remove, millions of times per tile.
 */
final class RowChecks {

    private RowChecks() {}

    /**
     * The labels every {@code grid_stats} row carries, as a row and a batch both check them: a non-blank collection
     * and band, a period, and a tile that is either absent ({@code null}) or not blank.
     */
    static void checkLabels(String collection, String tile, OutputPeriod period, String band) {
        checkNotNull(collection, "collection is null");
        Preconditions.checkArgument(!collection.isBlank(), "collection is blank");
        Preconditions.checkArgument(tile == null || !tile.isBlank(), "tile is blank (use null for no tile)");
        checkNotNull(period, "period is null");
        checkNotNull(band, "band is null");
        Preconditions.checkArgument(!band.isBlank(), "band is blank");
    }

    /** An output cell's indices count east and south from the grid's upper-left corner: neither is negative. */
    static void checkCellIndices(long cellX, long cellY) {
        checkArgument(cellX >= 0 && cellY >= 0, "cell (%s, %s) has a negative index", cellX, cellY);
    }

    /** The valid pixels of a cell are some of its pixels: {@code 0 <= countValid <= countTotal}. */
    static void checkCounts(long countTotal, long countValid) {
        checkArgument(countValid >= 0 && countValid <= countTotal, "count_valid %s is not in [0, count_total %s]",
                countValid, countTotal);
    }

    /** A row merges at least one STAC item. */
    static void checkItems(int items) {
        checkArgument(items >= 1, "items is %s, but a row merges at least one item", items);
    }

    /** Throws {@link IllegalArgumentException} with {@code format} filled with {@code a} unless {@code ok}. */
    static void checkArgument(boolean ok, String format, long a) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(format, a));
        }
    }

    /** Throws {@link IllegalArgumentException} with {@code format} filled with {@code a, b} unless {@code ok}. */
    static void checkArgument(boolean ok, String format, long a, long b) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(format, a, b));
        }
    }
}
