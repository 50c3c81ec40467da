package dev.stacstream.sinks.row;

import static org.apache.flink.util.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Test value: one cell of an output grid, its indices and its axis-aligned extent in the grid's CRS, as a row of
 * {@code grid_stats} reads back.
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

    /** A closed rectangle ring: five (x, y) points. */
    private static final int RING_COORDINATES = 10;

    public GridCell {
        RowChecks.checkCellIndices(cellX, cellY);
        boolean finite = Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(maxX) && Double.isFinite(maxY);
        checkArgument(finite,
                "cell (%s, %s) has a non-finite extent [%s, %s) x [%s, %s)", cellX, cellY, minX, maxX, minY, maxY);
        checkArgument(minX < maxX && minY < maxY,
                "cell (%s, %s) has an empty extent [%s, %s) x [%s, %s)", cellX, cellY, minX, maxX, minY, maxY);
    }

    /**
     * The cell whose closed ring is {@code ring} ({@code x0, y0, x1, y1, …, x0, y0}: four corners and the first
     * again, in any order and winding), as an output grid's cell polygon gives it.
     *
     * @throws IllegalArgumentException if the ring is not a closed axis-aligned rectangle: the cells of a rotated
     *     geotransform cannot be written as {@code [minX, maxX) x [minY, maxY)}
     */
    public static GridCell ofRing(long cellX, long cellY, double[] ring) {
        checkArgument(ring.length == RING_COORDINATES, "ring of cell (%s, %s) has %s coordinates, not %s",
                cellX, cellY, ring.length, RING_COORDINATES);
        checkArgument(ring[0] == ring[RING_COORDINATES - 2] && ring[1] == ring[RING_COORDINATES - 1],
                "ring of cell (%s, %s) is not closed: %s", cellX, cellY, Arrays.toString(ring));
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < RING_COORDINATES; i += 2) {
            minX = Math.min(minX, ring[i]);
            maxX = Math.max(maxX, ring[i]);
            minY = Math.min(minY, ring[i + 1]);
            maxY = Math.max(maxY, ring[i + 1]);
        }
        Set<List<Double>> corners = new HashSet<>();
        for (int i = 0; i < RING_COORDINATES - 2; i += 2) {
            corners.add(List.of(ring[i], ring[i + 1]));
        }
        checkArgument(corners.equals(Set.of(List.of(minX, minY), List.of(maxX, minY), List.of(maxX, maxY),
                        List.of(minX, maxY))),
                "cell (%s, %s) is not an axis-aligned rectangle (rotated grid?): %s", cellX, cellY,
                Arrays.toString(ring));
        return new GridCell(cellX, cellY, minX, minY, maxX, maxY);
    }

    /** Cell {@code (cellX, cellY)} of {@code grid}, with the extent the sink writes for it. */
    public static GridCell of(CellGeometry grid, long cellX, long cellY) {
        return new GridCell(cellX, cellY, grid.minX(cellX), grid.minY(cellY), grid.maxX(cellX), grid.maxY(cellY));
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
