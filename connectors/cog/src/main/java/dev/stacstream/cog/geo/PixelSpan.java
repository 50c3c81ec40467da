package dev.stacstream.cog.geo;

/**
 * A run of pixels in one row of a grid: columns {@code colStart} (inclusive) to {@code colEnd} (exclusive) of row
 * {@code row}, the unit in which {@link PolygonRasterizer} reports the pixels inside a polygon. Rows and columns are
 * pixel indices of the grid, 0-based from the top left; a span is never empty.
 *
 * @param row the pixel row, {@code >= 0}
 * @param colStart the first column, {@code >= 0}
 * @param colEnd one past the last column, {@code > colStart}
 */
public record PixelSpan(int row, int colStart, int colEnd) {

    public PixelSpan {
        if (row < 0 || colStart < 0 || colStart >= colEnd) {
            throw new IllegalArgumentException("not a pixel span: row " + row + ", columns [" + colStart + ", "
                    + colEnd + ") (need row >= 0 and 0 <= colStart < colEnd)");
        }
    }

    /** The number of pixels, {@code colEnd - colStart}. */
    public int length() {
        return colEnd - colStart;
    }
}
