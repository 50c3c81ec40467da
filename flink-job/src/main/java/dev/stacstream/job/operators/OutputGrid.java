package dev.stacstream.job.operators;

import dev.stacstream.sinks.row.CellGeometry;
import java.io.Serializable;

/**
 * The output grid of one tile: cells of {@code cellWidth x cellHeight} CRS units anchored at the level's
 * upper-left corner {@code (originX, originY)}, numbered east and south from 0, so that cells are the same for every
 * item of the tile. Where a cell lies is {@link CellGeometry}'s arithmetic ({@link #geometry}), the one the sink
 * writes {@code x}, {@code y} and {@code geometry} with.
 */
public record OutputGrid(String crs, double originX, double originY, double cellWidth, double cellHeight)
        implements Serializable {

    public OutputGrid {
        if (!(cellWidth > 0) || !(cellHeight > 0)) {
            throw new IllegalArgumentException("cell size must be positive, got " + cellWidth + " x " + cellHeight);
        }
    }

    /** The grid's cells as the sink places them. */
    public CellGeometry geometry() {
        return new CellGeometry(crs, originX, originY, cellWidth, cellHeight);
    }
}
