package dev.stacstream.cog.geo;

import dev.stacstream.cog.tiff.Ifd;
import dev.stacstream.cog.tiff.TiffField;
import dev.stacstream.cog.tiff.TiffTag;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads GeoTIFF georeferencing from an IFD: the geotransform from ModelPixelScale + ModelTiepoint or from
 * ModelTransformation, and the EPSG code from ProjectedCSTypeGeoKey or GeographicTypeGeoKey, following
 * GDAL's interpretation (including its half-pixel shift for PixelIsPoint).
 */
public final class GeoTiffReader {

    static final int GT_MODEL_TYPE = 1024;
    static final int GT_RASTER_TYPE = 1025;
    static final int GEOGRAPHIC_TYPE = 2048;
    static final int PROJECTED_CS_TYPE = 3072;
    private static final int RASTER_PIXEL_IS_POINT = 2;
    /** GeoKey value meaning "user-defined", i.e. no EPSG code. */
    private static final int USER_DEFINED = 32767;
    private static final int KEY_ENTRY_SHORTS = 4;

    private GeoTiffReader() {}

    public static GeoReference read(Ifd ifd) {
        Map<Integer, Integer> keys = shortKeys(ifd);
        boolean point = keys.getOrDefault(GT_RASTER_TYPE, 1) == RASTER_PIXEL_IS_POINT;
        int epsg = epsg(keys);
        int modelType = keys.getOrDefault(GT_MODEL_TYPE, 0);
        double[] gt = transform(ifd).orElse(null);
        if (gt != null && point) {
            gt[0] -= gt[1] * 0.5 + gt[2] * 0.5;
            gt[3] -= gt[4] * 0.5 + gt[5] * 0.5;
        }
        if (gt == null && epsg == 0 && modelType == 0) {
            return GeoReference.NONE;
        }
        return new GeoReference(gt, epsg, point, modelType);
    }

    /**
     * A projected CRS names its EPSG code in ProjectedCSTypeGeoKey; when that key is present but
     * user-defined the CRS has no code (its geographic base code would name the wrong CRS).
     */
    private static int epsg(Map<Integer, Integer> keys) {
        Integer projected = keys.get(PROJECTED_CS_TYPE);
        if (projected != null) {
            return projected > 0 && projected != USER_DEFINED ? projected : 0;
        }
        Integer geographic = keys.get(GEOGRAPHIC_TYPE);
        return geographic != null && geographic > 0 && geographic != USER_DEFINED ? geographic : 0;
    }

    private static Optional<double[]> transform(Ifd ifd) {
        Optional<TiffField> matrix = ifd.field(TiffTag.MODEL_TRANSFORMATION);
        if (matrix.isPresent() && matrix.get().count() >= 16) {
            double[] m = matrix.get().doubleValues();
            return Optional.of(new double[] {m[3], m[0], m[1], m[7], m[4], m[5]});
        }
        Optional<TiffField> scale = ifd.field(TiffTag.MODEL_PIXEL_SCALE);
        Optional<TiffField> tie = ifd.field(TiffTag.MODEL_TIEPOINT);
        if (scale.isPresent() && tie.isPresent() && scale.get().count() >= 2 && tie.get().count() >= 6) {
            double[] s = scale.get().doubleValues();
            double[] t = tie.get().doubleValues();
            double pixelWidth = s[0];
            double pixelHeight = -s[1];
            return Optional.of(new double[] {t[3] - t[0] * pixelWidth, pixelWidth, 0, t[4] - t[1] * pixelHeight, 0,
                    pixelHeight});
        }
        return Optional.empty();
    }

    /** GeoKeys stored inline as SHORT values (location 0), by key id. */
    private static Map<Integer, Integer> shortKeys(Ifd ifd) {
        Map<Integer, Integer> keys = new HashMap<>();
        Optional<TiffField> dir = ifd.field(TiffTag.GEO_KEY_DIRECTORY);
        if (dir.isEmpty() || dir.get().longs() == null) {
            return keys;
        }
        long[] d = dir.get().longValues();
        if (d.length < KEY_ENTRY_SHORTS) {
            return keys;
        }
        int count = (int) d[3];
        for (int i = 0; i < count; i++) {
            int at = KEY_ENTRY_SHORTS * (i + 1);
            if (at + 3 >= d.length) {
                break;
            }
            int key = (int) d[at];
            int location = (int) d[at + 1];
            if (location == 0) {
                keys.put(key, (int) d[at + 3]);
            }
        }
        return keys;
    }
}
