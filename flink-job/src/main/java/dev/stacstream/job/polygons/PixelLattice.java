package dev.stacstream.job.polygons;

import dev.stacstream.job.mask.LevelGrid;

/**
 * Stable pixel ids: a pixel's position on the lattice of all pixels of its size in its CRS, so that the same ground
 * pixel has the same id in every item and tile on that lattice (neighbouring Sentinel-2 tiles of one UTM zone share
 * the 10 m lattice).
 *
 * <p>For a north-up grid with pixel size {@code (sx, sy)} and origin {@code (x0, y0)}, pixel {@code (col, row)} is
 * lattice column {@code gx = round(x0 / sx) + col} and row {@code gy = round(-y0 / sy) + row}; its id packs
 * {@code epsg << 44 | (gy + 2^21) << 22 | (gx + 2^21)}. Lattice columns and rows must lie in {@code [-2^21, 2^21)}:
 * a UTM zone at 5 m or coarser, or WGS 84 at 0.0002 degrees or coarser. Ids of grids with different pixel sizes
 * are not comparable.
 */
final class PixelLattice {

    private static final int BITS = 22;
    private static final long HALF = 1L << (BITS - 1);
    private static final long MASK = (1L << BITS) - 1;

    private final LevelGrid grid;
    private final long x0;
    private final long y0;
    private final long epsgBits;

    private PixelLattice(LevelGrid grid, long x0, long y0) {
        this.grid = grid;
        this.x0 = x0;
        this.y0 = y0;
        this.epsgBits = (long) grid.epsg() << (2 * BITS);
    }

    /**
     * The lattice of {@code grid}.
     *
     * @throws IllegalArgumentException for a rotated grid, or one whose pixels fall outside the id range
     */
    static PixelLattice of(LevelGrid grid) {
        double[] g = grid.geoTransform();
        if (!grid.isAxisAligned() || g[1] <= 0 || g[5] >= 0) {
            throw new IllegalArgumentException("pixel ids need a north-up grid, not geotransform "
                    + java.util.Arrays.toString(g));
        }
        long x0 = Math.round(g[0] / g[1]);
        long y0 = Math.round(g[3] / g[5]);
        if (x0 < -HALF || x0 + grid.width() > HALF || y0 < -HALF || y0 + grid.height() > HALF) {
            throw new IllegalArgumentException("the grid's pixels (" + g[1] + " x " + -g[5] + " CRS units from "
                    + g[0] + ", " + g[3] + ") lie outside the range of stable pixel ids");
        }
        return new PixelLattice(grid, x0, y0);
    }

    long id(int col, int row) {
        return epsgBits | ((y0 + row + HALF) & MASK) << BITS | ((x0 + col + HALF) & MASK);
    }

    double centreX(int col, int row) {
        return grid.x(col + 0.5, row + 0.5);
    }

    double centreY(int col, int row) {
        return grid.y(col + 0.5, row + 0.5);
    }

    @Override
    public String toString() {
        return "PixelLattice{" + grid + "}";
    }
}
