package dev.stacstream.cog.geo;

import java.util.Arrays;

/**
 * GDAL geotransforms (origin x, pixel width, row rotation, origin y, column rotation, pixel height): their inverse,
 * computed as GDAL's {@code GDALInvGeoTransform} does, so that pixel positions derived from it round as GDAL's
 * (rasterize, point sampling) do.
 */
public final class GeoTransforms {

    private static final int GEOTRANSFORM_LENGTH = 6;
    /** GDAL's test for a singular geotransform: |determinant| at most this times the largest coefficient squared. */
    private static final double SINGULAR_DETERMINANT = 1e-10;

    private GeoTransforms() {}

    /**
     * The inverse of {@code g}: {@code col = inv[0] + x * inv[1] + y * inv[2]}, {@code row = inv[3] + x * inv[4] +
     * y * inv[5]} give the pixel-grid position (corners at integers) of CRS point {@code (x, y)}. A north-up
     * transform is inverted with reciprocals (no rounding beyond them), a rotated one through its determinant.
     *
     * @throws IllegalArgumentException for a transform that is not six finite coefficients or not invertible
     */
    public static double[] invert(double[] g) {
        if (g == null || g.length != GEOTRANSFORM_LENGTH) {
            throw new IllegalArgumentException("a geotransform has six coefficients, not "
                    + (g == null ? "null" : Arrays.toString(g)));
        }
        for (double c : g) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("geotransform " + Arrays.toString(g)
                        + " has a coefficient that is not finite");
            }
        }
        if (g[2] == 0 && g[4] == 0 && g[1] != 0 && g[5] != 0) {
            return new double[] {-g[0] / g[1], 1 / g[1], 0, -g[3] / g[5], 0, 1 / g[5]};
        }
        double determinant = g[1] * g[5] - g[2] * g[4];
        double magnitude = Math.max(Math.max(Math.abs(g[1]), Math.abs(g[2])),
                Math.max(Math.abs(g[4]), Math.abs(g[5])));
        if (Math.abs(determinant) <= SINGULAR_DETERMINANT * magnitude * magnitude) {
            throw new IllegalArgumentException("geotransform " + Arrays.toString(g)
                    + " is not invertible (its pixel axes are parallel or of zero length)");
        }
        double inverseDeterminant = 1 / determinant;
        return new double[] {
            (g[2] * g[3] - g[0] * g[5]) * inverseDeterminant,
            g[5] * inverseDeterminant,
            -g[2] * inverseDeterminant,
            (-g[1] * g[3] + g[0] * g[4]) * inverseDeterminant,
            -g[4] * inverseDeterminant,
            g[1] * inverseDeterminant};
    }
}
