package dev.stacstream.job.operators;

import dev.stacstream.sinks.row.GridCell;
import java.io.Serializable;

/**
 * The output grid of one tile: cells of {@code cellWidth x cellHeight} CRS units anchored at the level's
 * upper-left corner {@code (originX, originY)}, numbered east and south from 0, so that cells are the same for every
 * item of the tile.
 */
public record OutputGrid(String crs, double originX, double originY, double cellWidth, double cellHeight)
        implements Serializable {

    public OutputGrid {
        if (!(cellWidth > 0) || !(cellHeight > 0)) {
            throw new IllegalArgumentException("cell size must be positive, got " + cellWidth + " x " + cellHeight);
        }
    }

    /** The extent of cell {@code (cx, cy)}. */
    public GridCell cell(long cx, long cy) {
        double minX = originX + cx * cellWidth;
        double maxY = originY - cy * cellHeight;
        return new GridCell(cx, cy, minX, maxY - cellHeight, minX + cellWidth, maxY);
    }
}
