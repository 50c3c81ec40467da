package dev.stacstream.job.config;

import java.io.Serializable;

/**
 * How the output grid of {@code grid_stats} derives from an item's band grid (same CRS and origin): one of
 * {@code aggregate.factor}, {@code aggregate.resolution} or {@code aggregate.size}.
 */
public sealed interface GridSpec extends Serializable {

    /**
     * Each output cell covers {@code factor x factor} pixels of the band grid at the level read; the last row and
     * column of cells are partial when the factor does not divide the raster size.
     */
    record ByFactor(int factor) implements GridSpec {
        private static final long serialVersionUID = 1L;

        public ByFactor {
            if (factor < 1) {
                throw new IllegalArgumentException("the factor must be >= 1, got " + factor);
            }
        }
    }

    /**
     * Output cells of {@code cellSize x cellSize} CRS units (metres for UTM), anchored at the band grid's origin.
     */
    record ByResolution(double cellSize) implements GridSpec {
        private static final long serialVersionUID = 1L;

        public ByResolution {
            if (!(cellSize > 0) || Double.isInfinite(cellSize)) {
                throw new IllegalArgumentException("the cell size must be a positive number, got " + cellSize);
            }
        }
    }

    /** The band grid's extent divided into {@code columns x rows} output cells. */
    record BySize(int columns, int rows) implements GridSpec {
        private static final long serialVersionUID = 1L;

        public BySize {
            if (columns < 1 || rows < 1) {
                throw new IllegalArgumentException("the size must be at least 1 x 1 cells, got " + columns + " x "
                        + rows);
            }
        }
    }
}
