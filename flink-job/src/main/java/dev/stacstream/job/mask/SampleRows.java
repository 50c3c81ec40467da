package dev.stacstream.job.mask;

import dev.stacstream.cog.raster.DataType;
import dev.stacstream.cog.raster.Float16;
import dev.stacstream.cog.raster.Raster;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decodes runs of samples of one row of a {@link Raster} into primitive arrays, one tight loop per sample
 * type, so that the masking and aggregation loops above work on {@code int[]} or {@code double[]} rows
 * without per-pixel dispatch or boxing.
 */
public final class SampleRows {

    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle F32 = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle F64 = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int UINT8_MASK = 0xff;
    private static final int UINT16_MASK = 0xffff;
    private static final long UINT32_MASK = 0xffff_ffffL;

    private SampleRows() {}

    /**
     * Whether every sample of {@code type} is an {@code int} whose square summed over any block fits a
     * {@code long}: the 8- and 16-bit integer types, which take the exact integer statistics path.
     */
    public static boolean isSmallInteger(DataType type) {
        return type == DataType.UINT8 || type == DataType.INT8 || type == DataType.UINT16 || type == DataType.INT16;
    }

    /** Whether {@link #toInt} decodes {@code type} without loss: the integer types of up to 32 bits except uint32. */
    public static boolean fitsInt(DataType type) {
        return isSmallInteger(type) || type == DataType.INT32;
    }

    /**
     * Decodes samples {@code [col, col + count)} of {@code row} of band {@code band} into
     * {@code out[0, count)}.
     *
     * @throws IllegalArgumentException if the raster's type is not one {@link #fitsInt} accepts
     */
    public static void toInt(Raster raster, int band, int row, int col, int count, int[] out) {
        byte[] d = raster.data();
        int at = raster.offsetOf(band, row, col);
        switch (raster.dataType()) {
            case UINT8 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = d[at + i] & UINT8_MASK;
                }
            }
            case INT8 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = d[at + i];
                }
            }
            case UINT16 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (short) I16.get(d, at + 2 * i) & UINT16_MASK;
                }
            }
            case INT16 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (short) I16.get(d, at + 2 * i);
                }
            }
            case INT32 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (int) I32.get(d, at + 4 * i);
                }
            }
            default -> throw new IllegalArgumentException(raster.dataType().numpyName()
                    + " samples do not fit an int; use toDouble");
        }
    }

    /**
     * Decodes samples {@code [col, col + count)} of {@code row} of band {@code band} into
     * {@code out[0, count)} as doubles (64-bit integers beyond 2^53 round to the nearest double).
     */
    public static void toDouble(Raster raster, int band, int row, int col, int count, double[] out) {
        byte[] d = raster.data();
        int at = raster.offsetOf(band, row, col);
        switch (raster.dataType()) {
            case UINT8 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = d[at + i] & UINT8_MASK;
                }
            }
            case INT8 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = d[at + i];
                }
            }
            case UINT16 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (short) I16.get(d, at + 2 * i) & UINT16_MASK;
                }
            }
            case INT16 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (short) I16.get(d, at + 2 * i);
                }
            }
            case UINT32 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (int) I32.get(d, at + 4 * i) & UINT32_MASK;
                }
            }
            case INT32 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (int) I32.get(d, at + 4 * i);
                }
            }
            case UINT64 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = unsignedToDouble((long) I64.get(d, at + 8 * i));
                }
            }
            case INT64 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (long) I64.get(d, at + 8 * i);
                }
            }
            case FLOAT16 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = Float16.toFloat((short) I16.get(d, at + 2 * i));
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (float) F32.get(d, at + 4 * i);
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (double) F64.get(d, at + 8 * i);
                }
            }
            default -> throw new IllegalStateException("unhandled sample type " + raster.dataType());
        }
    }

    private static double unsignedToDouble(long v) {
        // Values of 2^63 and above: convert half the value and double it (both steps round to nearest).
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }
}
