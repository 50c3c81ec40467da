package dev.stacstream.job.operators;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A byte array that one row of a chunk's cells is encoded into or decoded from, with a position: varints and
 * doubles written and read in place, so the codec makes one stream call per row instead of several per cell.
 * One per thread ({@link #get}), as serializers are shared between a task and its snapshot threads.
 */
final class RowBytes {

    /** The most bytes one cell takes: two 10-byte varints, flags, three 10-byte values, m2, a 5-byte item count. */
    static final int MAX_CELL_BYTES = 10 + 10 + 1 + 3 * 10 + Double.BYTES + 5;
    /** The most bytes one row of a chunk takes. */
    static final int MAX_ROW_BYTES = CellChunk.SIDE * MAX_CELL_BYTES;

    private static final ThreadLocal<RowBytes> PER_THREAD = ThreadLocal.withInitial(RowBytes::new);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int PAYLOAD_BITS = 7;
    private static final int PAYLOAD = 0x7f;
    private static final int MORE = 0x80;
    private static final int LONG_BITS = 64;

    final byte[] bytes = new byte[MAX_ROW_BYTES];
    int position;

    private RowBytes() {}

    /** This thread's row buffer, at position 0. */
    static RowBytes get() {
        RowBytes row = PER_THREAD.get();
        row.position = 0;
        return row;
    }

    /** {@code value}'s 64 bits as an unsigned LEB128 varint: seven bits per byte, low first. */
    void putVarLong(long value) {
        long v = value;
        int p = position;
        while ((v & ~PAYLOAD) != 0) {
            bytes[p++] = (byte) ((v & PAYLOAD) | MORE);
            v >>>= PAYLOAD_BITS;
        }
        bytes[p++] = (byte) v;
        position = p;
    }

    void putByte(int value) {
        bytes[position++] = (byte) value;
    }

    void putDouble(double value) {
        LONGS.set(bytes, position, Double.doubleToRawLongBits(value));
        position += Double.BYTES;
    }

    /**
     * Reads an unsigned LEB128 varint.
     *
     * @throws ArrayIndexOutOfBoundsException past the row's bytes; {@link IllegalStateException} past 64 bits
     */
    long getVarLong() {
        long value = 0;
        int p = position;
        for (int shift = 0; shift < LONG_BITS; shift += PAYLOAD_BITS) {
            int b = bytes[p++];
            value |= (long) (b & PAYLOAD) << shift;
            if ((b & MORE) == 0) {
                position = p;
                return value;
            }
        }
        throw new IllegalStateException("varint longer than 64 bits at byte " + position + " of a row");
    }

    int getByte() {
        return bytes[position++] & 0xff;
    }

    double getDouble() {
        double v = Double.longBitsToDouble((long) LONGS.get(bytes, position));
        position += Double.BYTES;
        return v;
    }
}
