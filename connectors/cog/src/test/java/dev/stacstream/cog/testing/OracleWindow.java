package dev.stacstream.cog.testing;

/**
 * A window {@code [col, col + width) x [row, row + height)} of one level, for the GDAL oracle. (The oracle
 * has its own type so that the test support does not depend on the reader it checks.)
 */
public record OracleWindow(int col, int row, int width, int height) {

    public OracleWindow {
        if (col < 0 || row < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("invalid window col " + col + " row " + row + " size " + width + "x" + height);
        }
    }

    /** A cache key fragment, e.g. {@code c10_r20_w64_h32}. */
    String key() {
        return "c" + col + "_r" + row + "_w" + width + "_h" + height;
    }

    @Override
    public String toString() {
        return "cols [" + col + ", " + (col + width) + ") rows [" + row + ", " + (row + height) + ")";
    }
}
