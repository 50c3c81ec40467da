package dev.stacstream.cog.geo;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Where an image lies: the affine geotransform (GDAL order: origin x, pixel width, row rotation, origin y,
 * column rotation, pixel height) and the CRS as an EPSG code when the GeoKeys name one.
 *
 * @param geoTransform six coefficients, or {@code null} when the file has no georeferencing tags
 * @param epsg EPSG code, or {@code 0} when unknown or user-defined
 * @param pixelIsPoint whether RasterTypeGeoKey says PixelIsPoint (the transform is already shifted by
 *     half a pixel to the pixel-corner convention, as GDAL does)
 * @param modelType GTModelTypeGeoKey: 1 projected, 2 geographic, 3 geocentric, 0 absent
 */
public record GeoReference(double[] geoTransform, int epsg, boolean pixelIsPoint, int modelType) {

    public static final GeoReference NONE = new GeoReference(null, 0, false, 0);

    public OptionalInt epsgCode() {
        return epsg > 0 ? OptionalInt.of(epsg) : OptionalInt.empty();
    }

    /** The transform of a level of {@code width x height} pixels derived from a full-resolution image. */
    public GeoReference scaledTo(int fullWidth, int fullHeight, int width, int height) {
        if (geoTransform == null) {
            return this;
        }
        double fx = (double) fullWidth / width;
        double fy = (double) fullHeight / height;
        double[] g = geoTransform;
        return new GeoReference(new double[] {g[0], g[1] * fx, g[2] * fy, g[3], g[4] * fx, g[5] * fy},
                epsg, pixelIsPoint, modelType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeoReference r && Arrays.equals(geoTransform, r.geoTransform) && epsg == r.epsg
                && pixelIsPoint == r.pixelIsPoint && modelType == r.modelType;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(geoTransform) + epsg;
    }

    @Override
    public String toString() {
        return "GeoReference[epsg=" + epsg + ", geoTransform=" + Arrays.toString(geoTransform) + "]";
    }
}
