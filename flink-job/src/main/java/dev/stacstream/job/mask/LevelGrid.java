package dev.stacstream.job.mask;

import java.util.Arrays;

/**
 * The pixel grid of one resolution level of an asset: its size in pixels and where it lies (the affine
 * geotransform in GDAL order and the CRS as an EPSG code). Pixel {@code (col, row)} covers the square whose
 * upper-left corner is {@code (gt[0] + col*gt[1] + row*gt[2], gt[3] + col*gt[4] + row*gt[5])}.
 *
 * @param width pixels per row of the level
 * @param height rows of the level
 * @param geoTransform origin x, pixel width, row rotation, origin y, column rotation, pixel height (a copy
 *     is kept)
 * @param epsg the CRS's EPSG code, or 0 when unknown
 */
public record LevelGrid(int width, int height, double[] geoTransform, int epsg) {

    /** Coefficients in a GDAL geotransform. */
    public static final int GEOTRANSFORM_LENGTH = 6;

    public LevelGrid {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("level size must be > 0, got " + width + "x" + height);
        }
        if (geoTransform == null || geoTransform.length != GEOTRANSFORM_LENGTH) {
            throw new IllegalArgumentException("geotransform must have " + GEOTRANSFORM_LENGTH + " coefficients, got "
                    + (geoTransform == null ? "none" : Arrays.toString(geoTransform)));
        }
        for (double c : geoTransform) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("geotransform must be finite, got " + Arrays.toString(geoTransform));
            }
        }
        if (geoTransform[1] * geoTransform[5] - geoTransform[2] * geoTransform[4] == 0) {
            throw new IllegalArgumentException("geotransform " + Arrays.toString(geoTransform) + " is singular");
        }
        if (epsg < 0) {
            throw new IllegalArgumentException("EPSG code must be >= 0 (0 = unknown), got " + epsg);
        }
        geoTransform = geoTransform.clone();
    }

    /** A copy of the geotransform. */
    @Override
    public double[] geoTransform() {
        return geoTransform.clone();
    }

    /** Coefficient {@code i} of the geotransform, without copying. */
    public double geoTransform(int i) {
        return geoTransform[i];
    }

    /** The CRS x coordinate of the pixel-grid point {@code (col, row)} (pixel corners at integers). */
    public double x(double col, double row) {
        return geoTransform[0] + col * geoTransform[1] + row * geoTransform[2];
    }

    /** The CRS y coordinate of the pixel-grid point {@code (col, row)}. */
    public double y(double col, double row) {
        return geoTransform[3] + col * geoTransform[4] + row * geoTransform[5];
    }

    /** Whether the grid is north-up: no rotation terms. */
    public boolean isAxisAligned() {
        return geoTransform[2] == 0 && geoTransform[4] == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LevelGrid g && width == g.width && height == g.height && epsg == g.epsg
                && Arrays.equals(geoTransform, g.geoTransform);
    }

    @Override
    public int hashCode() {
        return (31 * (31 * width + height) + epsg) * 31 + Arrays.hashCode(geoTransform);
    }

    @Override
    public String toString() {
        return "LevelGrid[" + width + "x" + height + ", EPSG:" + epsg + ", " + Arrays.toString(geoTransform) + "]";
    }
}
