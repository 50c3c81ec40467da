package dev.stacstream.sinks.geo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encodes an axis-aligned rectangle as a 2D WKB Polygon (OGC Simple Features, ISO 13249-3), the form GeoParquet
 * requires for a {@code "WKB"} geometry column.
 *
 * <p>Layout, little-endian ({@value #LENGTH_BYTES} bytes): byte order {@code 0x01}, type {@code 3} (Polygon) as
 * uint32, 1 ring as uint32, 5 points as uint32, then the points as (x, y) float64 pairs. The exterior ring runs
 * counterclockwise in a y-up CRS, starting and ending at the south-west corner:
 * {@code (minX minY) (maxX minY) (maxX maxY) (minX maxY) (minX minY)}, which is what GeoParquet's
 * {@code "orientation": "counterclockwise"} promises.
 */
public final class RectangleWkb {

    /** WKB byte-order marker for little-endian (NDR). */
    public static final byte LITTLE_ENDIAN = 1;
    /** WKB geometry type code of a 2D Polygon. */
    public static final int POLYGON = 3;
    /** Vertices of a closed rectangle ring: four corners and the first corner again. */
    public static final int RING_POINTS = 5;
    /** Encoded size: byte order, type, ring count, point count, and 2 doubles per point. */
    public static final int LENGTH_BYTES = 1 + Integer.BYTES * 3 + RING_POINTS * 2 * Double.BYTES;

    private RectangleWkb() {}

    /** The WKB polygon of {@code [minX, maxX] x [minY, maxY]}; the caller guarantees {@code min < max}. */
    public static byte[] encode(double minX, double minY, double maxX, double maxY) {
        ByteBuffer wkb = ByteBuffer.allocate(LENGTH_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        wkb.put(LITTLE_ENDIAN).putInt(POLYGON).putInt(1).putInt(RING_POINTS);
        wkb.putDouble(minX).putDouble(minY);
        wkb.putDouble(maxX).putDouble(minY);
        wkb.putDouble(maxX).putDouble(maxY);
        wkb.putDouble(minX).putDouble(maxY);
        wkb.putDouble(minX).putDouble(minY);
        return wkb.array();
    }
}
