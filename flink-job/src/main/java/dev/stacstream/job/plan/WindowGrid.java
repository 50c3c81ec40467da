package dev.stacstream.job.plan;

import dev.stacstream.cog.plan.PixelWindow;

/**
 * The work windows of one item: a grid over the bands' level, anchored at its origin, whose windows are
 * {@code stepX x stepY} pixels (a whole number of the bands' blocks), the last column and row clipped at the level's
 * edge. Windows are numbered row-major.
 *
 * <p>Every {@link BlockTask} carries its item's grid, so that a task names its window among the item's.
 *
 * @param levelWidth pixels per row of the bands' level
 * @param levelHeight rows of the bands' level
 * @param stepX window width in pixels (the last column may be narrower)
 * @param stepY window height in pixels (the last row may be lower)
 */
public record WindowGrid(int levelWidth, int levelHeight, int stepX, int stepY) {

    public WindowGrid {
        if (levelWidth < 1 || levelHeight < 1 || stepX < 1 || stepY < 1) {
            throw new IllegalArgumentException("a window grid needs a level and a step of at least 1 pixel, got level "
                    + levelWidth + "x" + levelHeight + " step " + stepX + "x" + stepY);
        }
    }

    /** Window columns. */
    public int columns() {
        return ceilDiv(levelWidth, stepX);
    }

    /** Window rows. */
    public int rows() {
        return ceilDiv(levelHeight, stepY);
    }

    /** Windows in the grid. */
    public int count() {
        return Math.multiplyExact(columns(), rows());
    }

    /** Window {@code index} (row-major), clipped to the level. */
    public PixelWindow window(int index) {
        if (index < 0 || index >= count()) {
            throw new IndexOutOfBoundsException("window " + index + " is outside the " + columns() + "x" + rows()
                    + " windows of " + this);
        }
        int col = (index % columns()) * stepX;
        int row = (index / columns()) * stepY;
        return new PixelWindow(col, row, Math.min(stepX, levelWidth - col), Math.min(stepY, levelHeight - row));
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
