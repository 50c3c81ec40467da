package dev.stacstream.cog.plan;

/**
 * A rectangle of pixels {@code [col, col + width) x [row, row + height)} in one level of an image.
 */
public record PixelWindow(int col, int row, int width, int height) {

    public PixelWindow {
        if (col < 0 || row < 0) {
            throw new IllegalArgumentException("window origin must be >= 0, got col " + col + " row " + row);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("window size must be > 0, got " + width + "x" + height);
        }
    }

    /** The whole image of {@code width x height} pixels. */
    public static PixelWindow full(int width, int height) {
        return new PixelWindow(0, 0, width, height);
    }

    public int colEnd() {
        return col + width;
    }

    public int rowEnd() {
        return row + height;
    }

    /** Whether this window lies inside an image of the given size. */
    public boolean fitsIn(int imageWidth, int imageHeight) {
        return colEnd() <= imageWidth && rowEnd() <= imageHeight;
    }

    /** Parses {@code COL,ROW,W,H}. */
    public static PixelWindow parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("window must be COL,ROW,W,H, got '" + text + "'");
        }
        try {
            return new PixelWindow(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                    Integer.parseInt(parts[2].trim()), Integer.parseInt(parts[3].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("window must be four integers COL,ROW,W,H, got '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return "cols [" + col + ", " + colEnd() + ") rows [" + row + ", " + rowEnd() + ")";
    }
}
