package dev.stacstream.cog.read;

import dev.stacstream.cog.raster.DataType;
import dev.stacstream.cog.raster.Float16;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The little-endian bytes of one sample that sparse blocks are filled with: the nodata value converted to
 * the sample type as GDAL converts a double (round to nearest, clamp to the type's range), or zero.
 */
final class NodataFill {

    private NodataFill() {}

    static byte[] sampleBytes(DataType type, Double nodata) {
        ByteBuffer b = ByteBuffer.allocate(type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        if (nodata == null) {
            return b.array();
        }
        double v = nodata;
        switch (type) {
            case UINT8 -> b.put((byte) clampRound(v, 0, 255));
            case INT8 -> b.put((byte) clampRound(v, Byte.MIN_VALUE, Byte.MAX_VALUE));
            case UINT16 -> b.putShort((short) clampRound(v, 0, 65535));
            case INT16 -> b.putShort((short) clampRound(v, Short.MIN_VALUE, Short.MAX_VALUE));
            case UINT32 -> b.putInt((int) clampRound(v, 0, 4294967295L));
            case INT32 -> b.putInt((int) clampRound(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case UINT64 -> b.putLong(Double.isNaN(v) || v <= 0 ? 0 : v >= 0x1p64 ? -1L
                    : new java.math.BigDecimal(Math.rint(v)).toBigInteger().longValue());
            case INT64 -> b.putLong(Double.isNaN(v) ? 0 : Math.round(v));
            case FLOAT16 -> b.putShort(Float16.fromFloat((float) v));
            case FLOAT32 -> b.putFloat((float) v);
            case FLOAT64 -> b.putDouble(v);
            default -> throw new IllegalStateException("unhandled type " + type);
        }
        return b.array();
    }

    private static long clampRound(double v, long min, long max) {
        if (Double.isNaN(v)) {
            return 0;
        }
        double r = Math.floor(v + 0.5);
        return r < min ? min : r > max ? max : (long) r;
    }
}
