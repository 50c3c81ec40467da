package dev.stacstream.cog.raster;

/** The shape of one resolution level of an image: full resolution (level 0) or an overview. */
public interface RasterLevel {

    int width();

    int height();

    /** Samples per pixel (bands). */
    int bands();

    DataType dataType();

    /** Tile width, or the image width for striped images. */
    int blockWidth();

    /** Tile height, or RowsPerStrip for striped images. */
    int blockHeight();
}
