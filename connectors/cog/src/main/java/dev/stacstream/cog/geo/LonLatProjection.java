package dev.stacstream.cog.geo;

import java.io.Serializable;

/**
 * Projects WGS 84 longitude/latitude in degrees into one CRS and back, e.g. to put point features onto the pixel
 * grid of a UTM COG (together with its {@link GeoReference#geoTransform()}). Immutable, thread-safe, Serializable;
 * {@link #project} and {@link #unproject} allocate nothing. Non-finite input gives non-finite output.
 */
public interface LonLatProjection extends Serializable {

    /** EPSG code of WGS 84 longitude/latitude. */
    int WGS84 = 4326;
    /** EPSG code of UTM zone 1 north on WGS 84; zone z north is {@code 32600 + z}. */
    int UTM_NORTH_FIRST = 32601;
    /** EPSG code of UTM zone 60 north on WGS 84. */
    int UTM_NORTH_LAST = 32660;
    /** EPSG code of UTM zone 1 south on WGS 84; zone z south is {@code 32700 + z}. */
    int UTM_SOUTH_FIRST = 32701;
    /** EPSG code of UTM zone 60 south on WGS 84. */
    int UTM_SOUTH_LAST = 32760;

    /** The EPSG code of the target CRS. */
    int epsg();

    /**
     * Projects a point. Writes x (easting) into {@code out[0]} and y (northing) into {@code out[1]}, in the CRS's
     * units (metres for UTM, degrees for EPSG:4326).
     *
     * @param lon WGS 84 longitude, degrees (any value; it is reduced modulo 360 where the CRS needs it)
     * @param lat WGS 84 latitude, degrees, -90..90
     * @param out receives the result; at least two elements
     */
    void project(double lon, double lat, double[] out);

    /**
     * The inverse of {@link #project}: {@code out[0]} = longitude, {@code out[1]} = latitude, degrees (for UTM the
     * longitude is in -180..180).
     *
     * @param out receives the result; at least two elements
     */
    void unproject(double x, double y, double[] out);

    /**
     * The projection into the CRS {@code epsg}: EPSG:4326 (identity: x = lon, y = lat), 32601-32660 and 32701-32760
     * (UTM zones 1-60 north and south on WGS 84, see {@link UtmProjection}).
     *
     * @throws IllegalArgumentException for any other code
     */
    static LonLatProjection forEpsg(int epsg) {
        if (epsg == WGS84) {
            return Geographic.INSTANCE;
        }
        if (epsg >= UTM_NORTH_FIRST && epsg <= UTM_NORTH_LAST) {
            return UtmProjection.of(epsg - UTM_NORTH_FIRST + 1, false);
        }
        if (epsg >= UTM_SOUTH_FIRST && epsg <= UTM_SOUTH_LAST) {
            return UtmProjection.of(epsg - UTM_SOUTH_FIRST + 1, true);
        }
        throw new IllegalArgumentException("EPSG:" + epsg + " is not supported: LonLatProjection supports EPSG:"
                + WGS84 + " (WGS 84 longitude/latitude), " + UTM_NORTH_FIRST + "-" + UTM_NORTH_LAST
                + " (WGS 84 / UTM north) and " + UTM_SOUTH_FIRST + "-" + UTM_SOUTH_LAST + " (WGS 84 / UTM south)");
    }

    /** EPSG:4326 itself: the identity, x = longitude and y = latitude in degrees, unchanged. */
    enum Geographic implements LonLatProjection {
        INSTANCE;

        @Override
        public int epsg() {
            return WGS84;
        }

        @Override
        public void project(double lon, double lat, double[] out) {
            out[0] = lon;
            out[1] = lat;
        }

        @Override
        public void unproject(double x, double y, double[] out) {
            out[0] = x;
            out[1] = y;
        }

        @Override
        public String toString() {
            return "LonLatProjection[EPSG:" + WGS84 + ", WGS 84 longitude/latitude]";
        }
    }
}
