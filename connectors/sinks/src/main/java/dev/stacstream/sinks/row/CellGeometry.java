package dev.stacstream.sinks.row;

import static org.apache.flink.util.Preconditions.checkArgument;
import static org.apache.flink.util.Preconditions.checkNotNull;

/**
 * Where the cells of one output grid lie: cell {@code (cellX, cellY)} spans
 * {@code [originX + cellX * cellWidth, … + cellWidth) x (…, originY - cellY * cellHeight]} in the grid's CRS,
 * counted east and south from the upper-left corner {@code (originX, originY)}.
 *
 * <p>The extent of a cell is computed here with exactly the arithmetic of the job's output grid
 * ({@code OutputGrid} places its cells through it), so a cell's {@code x}, {@code y} and {@code geometry} are
 * computed once, one way, to the last bit.
 *
 * @param crs the grid CRS as {@code AUTHORITY:CODE}, e.g. {@code EPSG:32629}: the {@code crs} column
 * @param originX west edge of column 0, in CRS units
 * @param originY north edge of row 0, in CRS units
 * @param cellWidth width of a cell, positive
 * @param cellHeight height of a cell, positive
 */
public record CellGeometry(String crs, double originX, double originY, double cellWidth, double cellHeight) {

    public CellGeometry {
        checkNotNull(crs, "crs is null");
        checkArgument(!crs.isBlank(), "crs is blank");
        checkArgument(Double.isFinite(originX) && Double.isFinite(originY), "grid origin (%s, %s) of %s is not finite",
                originX, originY, crs);
        checkArgument(cellWidth > 0 && cellHeight > 0 && Double.isFinite(cellWidth) && Double.isFinite(cellHeight),
                "cell size %s x %s of %s is not positive and finite", cellWidth, cellHeight, crs);
    }

    /** West edge of column {@code cellX}. */
    public double minX(long cellX) {
        return originX + cellX * cellWidth;
    }

    /** East edge of column {@code cellX}. */
    public double maxX(long cellX) {
        return minX(cellX) + cellWidth;
    }

    /** North edge of row {@code cellY}. */
    public double maxY(long cellY) {
        return originY - cellY * cellHeight;
    }

    /** South edge of row {@code cellY}. */
    public double minY(long cellY) {
        return maxY(cellY) - cellHeight;
    }

    /**
     * Checks that cell {@code (cellX, cellY)} has a finite, non-empty extent; far from
     * the origin a cell narrower than the spacing of doubles there would collapse.
     *
     * @throws IllegalArgumentException naming the cell and its extent otherwise
     */
    void checkCell(long cellX, long cellY) {
        double minX = minX(cellX);
        double maxX = maxX(cellX);
        double maxY = maxY(cellY);
        double minY = minY(cellY);
        // The origin is finite and the offsets non-negative, so minX > -inf and maxY < +inf already.
        if (!(minX < maxX && maxX < Double.POSITIVE_INFINITY && minY < maxY && minY > Double.NEGATIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(
                    "cell (%s, %s) of the %s grid has an empty or non-finite extent [%s, %s) x [%s, %s)", cellX, cellY,
                    crs, minX, maxX, minY, maxY));
        }
    }
}
