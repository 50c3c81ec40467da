package dev.stacstream.job.aggregate;

import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.job.mask.LevelGrid;

/**
 * The output cells over one level: cell {@code (cellX, cellY)} holds level pixels
 * {@code [cellX*factorX, (cellX+1)*factorX) x [cellY*factorY, (cellY+1)*factorY)}, clipped to the level. Cells
 * are anchored at the level's origin, so they are the same for every item sharing that pixel grid, and a
 * cell's statistics can be merged across blocks and items by its indices.
 */
public final class CellGrid {

    /** Points in a closed cell ring: four corners and the first again. */
    public static final int RING_POINTS = 5;

    private final LevelGrid level;
    private final int factorX;
    private final int factorY;

    CellGrid(LevelGrid level, int factorX, int factorY) {
        if (level == null) {
            throw new IllegalArgumentException("level grid must not be null");
        }
        if (factorX < 1 || factorY < 1) {
            throw new IllegalArgumentException("aggregation factor must be >= 1, got " + factorX + "x" + factorY);
        }
        this.level = level;
        this.factorX = factorX;
        this.factorY = factorY;
    }

    public LevelGrid level() {
        return level;
    }

    /** Level pixels per cell along x. */
    public int factorX() {
        return factorX;
    }

    /** Level pixels per cell along y. */
    public int factorY() {
        return factorY;
    }

    /** Cells per row, the last one possibly partial. */
    public int columns() {
        return (level.width() + factorX - 1) / factorX;
    }

    /** Rows of cells, the last one possibly partial. */
    public int rows() {
        return (level.height() + factorY - 1) / factorY;
    }

    public int epsg() {
        return level.epsg();
    }

    /** The cell column holding level pixel column {@code col}. */
    public int cellX(int col) {
        return col / factorX;
    }

    /** The cell row holding level pixel row {@code row}. */
    public int cellY(int row) {
        return row / factorY;
    }

    /** The level pixels of a cell, clipped to the level. */
    public PixelWindow pixels(int cellX, int cellY) {
        checkCell(cellX, cellY);
        int col = cellX * factorX;
        int row = cellY * factorY;
        return new PixelWindow(col, row, Math.min(factorX, level.width() - col), Math.min(factorY, level.height() - row));
    }

    /** CRS x of the centre of the full (unclipped) cell. */
    public double centerX(int cellX, int cellY) {
        checkCell(cellX, cellY);
        return level.x((cellX + 0.5) * factorX, (cellY + 0.5) * factorY);
    }

    /** CRS y of the centre of the full (unclipped) cell. */
    public double centerY(int cellX, int cellY) {
        checkCell(cellX, cellY);
        return level.y((cellX + 0.5) * factorX, (cellY + 0.5) * factorY);
    }

    /**
     * The full (unclipped) cell as a closed ring in CRS coordinates, {@code x0, y0, x1, y1, ..., x0, y0}
     * ({@value #RING_POINTS} points), counter-clockwise as OGC and GeoJSON want an exterior ring.
     */
    public double[] polygon(int cellX, int cellY) {
        checkCell(cellX, cellY);
        double c0 = (double) cellX * factorX;
        double c1 = c0 + factorX;
        double r0 = (double) cellY * factorY;
        double r1 = r0 + factorY;
        double[][] corners = {{c0, r0}, {c0, r1}, {c1, r1}, {c1, r0}};
        double[] ring = new double[2 * RING_POINTS];
        for (int i = 0; i < corners.length; i++) {
            ring[2 * i] = level.x(corners[i][0], corners[i][1]);
            ring[2 * i + 1] = level.y(corners[i][0], corners[i][1]);
        }
        if (signedArea(ring) < 0) {
            reverseCorners(ring);
        }
        ring[2 * (RING_POINTS - 1)] = ring[0];
        ring[2 * (RING_POINTS - 1) + 1] = ring[1];
        return ring;
    }

    private static double signedArea(double[] ring) {
        double twice = 0;
        for (int i = 0; i < RING_POINTS - 1; i++) {
            int j = (i + 1) % (RING_POINTS - 1);
            twice += ring[2 * i] * ring[2 * j + 1] - ring[2 * j] * ring[2 * i + 1];
        }
        return twice / 2;
    }

    /** Keeps the first corner and reverses the order of the other three. */
    private static void reverseCorners(double[] ring) {
        for (int k = 0; k < 2; k++) {
            double t = ring[2 + k];
            ring[2 + k] = ring[6 + k];
            ring[6 + k] = t;
        }
    }

    private void checkCell(int cellX, int cellY) {
        if (cellX < 0 || cellY < 0 || cellX >= columns() || cellY >= rows()) {
            throw new IndexOutOfBoundsException("cell (" + cellX + ", " + cellY + ") is outside the " + columns() + "x" + rows()
                    + " cell grid over " + level);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellGrid g && factorX == g.factorX && factorY == g.factorY && level.equals(g.level);
    }

    @Override
    public int hashCode() {
        return (level.hashCode() * 31 + factorX) * 31 + factorY;
    }

    @Override
    public String toString() {
        return "CellGrid[" + columns() + "x" + rows() + " cells of " + factorX + "x" + factorY + " pixels over " + level + "]";
    }
}
