package dev.stacstream.sinks.geo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Well-known binary of a 2D point (OGC Simple Features, ISO 19125): little-endian, 21 bytes. */
public final class PointWkb {

    /** WKB geometry type code of a 2D Point. */
    public static final int POINT = 1;
    /** Encoded size: byte order, type and two doubles. */
    public static final int LENGTH_BYTES = 1 + Integer.BYTES + 2 * Double.BYTES;

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE_LE =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int X_OFFSET = 1 + Integer.BYTES;

    private PointWkb() {}

    /** The WKB point {@code (x, y)} in a new array. */
    public static byte[] encode(double x, double y) {
        byte[] wkb = new byte[LENGTH_BYTES];
        wkb[0] = RectangleWkb.LITTLE_ENDIAN;
        INT_LE.set(wkb, 1, POINT);
        DOUBLE_LE.set(wkb, X_OFFSET, x);
        DOUBLE_LE.set(wkb, X_OFFSET + Double.BYTES, y);
        return wkb;
    }
}
