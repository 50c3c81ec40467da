package dev.stacstream.sinks.geo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 *
 * <p>{@link #encode(byte[], int, double, double, double, double)} writes into a caller's array, so that a table
 * writer encodes millions of cells without an allocation each; {@link #encode(double, double, double, double)}
 * returns a new array.
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

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE_LE =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    /** Offset of the first point: after the byte order, type, ring count and point count. */
    private static final int POINTS_OFFSET = 1 + Integer.BYTES * 3;
    private static final int POINT_BYTES = 2 * Double.BYTES;

    private RectangleWkb() {}

    /**
     * The WKB polygon of {@code [minX, maxX] x [minY, maxY]} in a new array; the caller guarantees {@code min < max}.
     */
    public static byte[] encode(double minX, double minY, double maxX, double maxY) {
        byte[] wkb = new byte[LENGTH_BYTES];
        encode(wkb, 0, minX, minY, maxX, maxY);
        return wkb;
    }

    /**
     * Writes the WKB polygon of {@code [minX, maxX] x [minY, maxY]} into {@code out[offset, offset + LENGTH_BYTES)};
     * the caller guarantees {@code min < max}.
     */
    public static void encode(byte[] out, int offset, double minX, double minY, double maxX, double maxY) {
        out[offset] = LITTLE_ENDIAN;
        INT_LE.set(out, offset + 1, POLYGON);
        INT_LE.set(out, offset + 1 + Integer.BYTES, 1);
        INT_LE.set(out, offset + 1 + 2 * Integer.BYTES, RING_POINTS);
        point(out, offset, 0, minX, minY);
        point(out, offset, 1, maxX, minY);
        point(out, offset, 2, maxX, maxY);
        point(out, offset, 3, minX, maxY);
        point(out, offset, 4, minX, minY);
    }

    private static void point(byte[] out, int wkbOffset, int index, double x, double y) {
        int offset = wkbOffset + POINTS_OFFSET + index * POINT_BYTES;
        DOUBLE_LE.set(out, offset, x);
        DOUBLE_LE.set(out, offset + Double.BYTES, y);
    }
}
