package dev.stacstream.cog.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Undoes predictor 2: every sample was stored as the difference to the same channel of the previous
 * pixel in the row, so each row is a running sum per channel (stride = samples per pixel).
 *
 * <p>The sums are integer additions on the raw bit patterns that wrap around, for 8, 16, 32 and 64-bit
 * samples alike: GDAL and libtiff also apply predictor 2 to float16/32/64 data that way. Multi-byte
 * samples are read and written in the file's byte order.
 *
 * <p>16-bit little-endian with one sample per pixel is the Sentinel-2 case and the one that matters for
 * throughput: it keeps the running sum in a register instead of re-reading the previous sample, which
 * would make every step wait on the store just before it.
 */
final class HorizontalDifferencing {

    // Little-endian views; big-endian files swap around them (a loop-invariant branch the JIT hoists).
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private HorizontalDifferencing() {
    }

    static void undo(byte[] data, BlockEncoding encoding) {
        int rows = encoding.rows();
        int rowBytes = encoding.rowBytes();
        int samples = encoding.samples();
        if (rows == 0 || rowBytes == 0) {
            return;
        }
        boolean swap = encoding.byteOrder() == ByteOrder.BIG_ENDIAN;
        switch (encoding.bitsPerSample()) {
            case Byte.SIZE -> undo8(data, rows, rowBytes, samples);
            case Short.SIZE -> undo16(data, rows, rowBytes, samples, swap);
            case Integer.SIZE -> undo32(data, rows, rowBytes, samples, swap);
            case Long.SIZE -> undo64(data, rows, rowBytes, samples, swap);
            default -> throw CodecException.unsupported(
                    "predictor 2 on " + encoding.bitsPerSample() + "-bit samples is not supported (only 8, 16, 32, 64)");
        }
    }

    private static void undo8(byte[] d, int rows, int rowBytes, int samples) {
        for (int base = 0, row = 0; row < rows; row++, base += rowBytes) {
            int end = base + rowBytes;
            if (samples == 1) {
                // Keep the running sum in a register: d[i] += d[i - 1] would re-read the byte just stored.
                byte sum = d[base];
                for (int i = base + 1; i < end; i++) {
                    sum += d[i];
                    d[i] = sum;
                }
                continue;
            }
            for (int i = base + samples; i < end; i++) {
                d[i] += d[i - samples];
            }
        }
    }

    private static void undo16(byte[] d, int rows, int rowBytes, int samples, boolean swap) {
        int stride = samples * Short.BYTES;
        for (int base = 0, row = 0; row < rows; row++, base += rowBytes) {
            int end = base + rowBytes;
            if (samples == 1) {
                short sum = get16(d, base, swap);
                for (int i = base + Short.BYTES; i < end; i += Short.BYTES) {
                    sum += get16(d, i, swap);
                    set16(d, i, sum, swap);
                }
            } else {
                for (int i = base + stride; i < end; i += Short.BYTES) {
                    set16(d, i, (short) (get16(d, i - stride, swap) + get16(d, i, swap)), swap);
                }
            }
        }
    }

    private static void undo32(byte[] d, int rows, int rowBytes, int samples, boolean swap) {
        int stride = samples * Integer.BYTES;
        for (int base = 0, row = 0; row < rows; row++, base += rowBytes) {
            int end = base + rowBytes;
            for (int i = base + stride; i < end; i += Integer.BYTES) {
                set32(d, i, get32(d, i - stride, swap) + get32(d, i, swap), swap);
            }
        }
    }

    private static void undo64(byte[] d, int rows, int rowBytes, int samples, boolean swap) {
        int stride = samples * Long.BYTES;
        for (int base = 0, row = 0; row < rows; row++, base += rowBytes) {
            int end = base + rowBytes;
            for (int i = base + stride; i < end; i += Long.BYTES) {
                set64(d, i, get64(d, i - stride, swap) + get64(d, i, swap), swap);
            }
        }
    }

    private static short get16(byte[] d, int i, boolean swap) {
        short v = (short) I16.get(d, i);
        return swap ? Short.reverseBytes(v) : v;
    }

    private static void set16(byte[] d, int i, short v, boolean swap) {
        I16.set(d, i, swap ? Short.reverseBytes(v) : v);
    }

    private static int get32(byte[] d, int i, boolean swap) {
        int v = (int) I32.get(d, i);
        return swap ? Integer.reverseBytes(v) : v;
    }

    private static void set32(byte[] d, int i, int v, boolean swap) {
        I32.set(d, i, swap ? Integer.reverseBytes(v) : v);
    }

    private static long get64(byte[] d, int i, boolean swap) {
        long v = (long) I64.get(d, i);
        return swap ? Long.reverseBytes(v) : v;
    }

    private static void set64(byte[] d, int i, long v, boolean swap) {
        I64.set(d, i, swap ? Long.reverseBytes(v) : v);
    }
}
