package dev.stacstream.cog.testing.matrix;

import java.util.List;

/**
 * How the image is cut into blocks. None of the block sizes divides the matrix image size, so every layout
 * has partial blocks at the right and/or bottom edge.
 */
public enum MatrixLayout {
    TILE64("tile64", true, 64, 64),
    /** Non-square tiles, to catch a swapped tile width and height. */
    TILE128X48("tile128x48", true, 128, 48),
    /** The smallest tile GDAL's COG driver accepts. */
    TILE128("tile128", true, 128, 128),
    STRIP10("strip10", false, 0, 10),
    STRIP32("strip32", false, 0, 32);

    private final String token;
    private final boolean tiled;
    private final int blockWidth;
    private final int blockHeight;

    MatrixLayout(String token, boolean tiled, int blockWidth, int blockHeight) {
        this.token = token;
        this.tiled = tiled;
        this.blockWidth = blockWidth;
        this.blockHeight = blockHeight;
    }

    public String token() {
        return token;
    }

    public boolean tiled() {
        return tiled;
    }

    /** Tile width (0 for strips, which span the image width). */
    public int blockWidth() {
        return blockWidth;
    }

    /** Tile height, or RowsPerStrip. */
    public int blockHeight() {
        return blockHeight;
    }

    /** GTiff creation options (without {@code -co}). */
    List<String> creationOptions() {
        return tiled
                ? List.of("TILED=YES", "BLOCKXSIZE=" + blockWidth, "BLOCKYSIZE=" + blockHeight)
                : List.of("BLOCKYSIZE=" + blockHeight);
    }
}
