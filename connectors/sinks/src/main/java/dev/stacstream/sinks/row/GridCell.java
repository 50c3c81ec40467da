package dev.stacstream.sinks.row;

import static org.apache.flink.util.Preconditions.checkArgument;

/**
 * One cell of an output grid: its indices and its axis-aligned extent in the grid's CRS.
 *
 * <p>The extent gives the {@code x}/{@code y} columns (the cell centre) and the {@code geometry} column (the cell's
 * polygon), so the three always agree.
 *
 * @param cellX column of the cell in its output grid, 0-based, counted east from the grid's upper-left corner
 * @param cellY row of the cell in its output grid, 0-based, counted south from the grid's upper-left corner
 * @param minX west edge, in CRS units (metres for UTM)
 * @param minY south edge
 * @param maxX east edge, greater than {@code minX}
 * @param maxY north edge, greater than {@code minY}
 */
public record GridCell(long cellX, long cellY, double minX, double minY, double maxX, double maxY) {

    public GridCell {
        checkArgument(cellX >= 0 && cellY >= 0, "cell (%s, %s) has a negative index", cellX, cellY);
        checkArgument(Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(maxX) && Double.isFinite(maxY),
                "cell (%s, %s) has a non-finite extent [%s, %s) x [%s, %s)", cellX, cellY, minX, maxX, minY, maxY);
        checkArgument(minX < maxX && minY < maxY,
                "cell (%s, %s) has an empty extent [%s, %s) x [%s, %s)", cellX, cellY, minX, maxX, minY, maxY);
    }

    /** Easting of the cell centre: the {@code x} column. */
    public double centreX() {
        return (minX + maxX) / 2;
    }

    /** Northing of the cell centre: the {@code y} column. */
    public double centreY() {
        return (minY + maxY) / 2;
    }
}
