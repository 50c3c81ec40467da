package dev.stacstream.sinks.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;

/**
 * A growable byte array that one page is encoded into, little-endian as Parquet's PLAIN encoding and page layout
 * want. Reused from page to page, so a writer allocates it once and grows it to its largest page. Not thread-safe.
 */
final class PageBytes {

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE_LE =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    /** Payload bits of one ULEB128 byte; the high bit says another byte follows. */
    private static final int VARINT_PAYLOAD_BITS = 7;
    private static final int VARINT_PAYLOAD_MASK = 0x7F;
    private static final int VARINT_CONTINUE = 0x80;

    private byte[] bytes;
    private int size;

    PageBytes(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    /** Empties the buffer, keeping its capacity. */
    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** Makes room for {@code more} bytes after the current end. */
    void ensure(int more) {
        int needed = Math.addExact(size, more);
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }

    void putIntLE(int value) {
        ensure(Integer.BYTES);
        INT_LE.set(bytes, size, value);
        size += Integer.BYTES;
    }

    /** Writes an int at {@code offset} in what was already written, e.g. a length known only afterwards. */
    void putIntLE(int offset, int value) {
        INT_LE.set(bytes, offset, value);
    }

    /** Appends {@code value} without a capacity check: the caller has {@link #ensure}d room. */
    void putLongLEUnchecked(long value) {
        LONG_LE.set(bytes, size, value);
        size += Long.BYTES;
    }

    /** Appends {@code value} without a capacity check: the caller has {@link #ensure}d room. */
    void putDoubleLEUnchecked(double value) {
        DOUBLE_LE.set(bytes, size, value);
        size += Double.BYTES;
    }

    /** Appends {@code value} without a capacity check: the caller has {@link #ensure}d room. */
    void putIntLEUnchecked(int value) {
        INT_LE.set(bytes, size, value);
        size += Integer.BYTES;
    }

    void putByte(byte value) {
        ensure(1);
        bytes[size++] = value;
    }

    /** Appends the low {@code count} bytes of {@code value}, least significant first. */
    void putLittleEndian(int value, int count) {
        ensure(count);
        for (int b = 0; b < count; b++) {
            bytes[size++] = (byte) (value >>> (b * Byte.SIZE));
        }
    }

    /** Appends an unsigned LEB128 varint, as the RLE/bit-packing hybrid encoding's run headers are written. */
    void putUnsignedVarInt(int value) {
        ensure(Integer.BYTES + 1);
        int rest = value;
        while ((rest & ~VARINT_PAYLOAD_MASK) != 0) {
            bytes[size++] = (byte) ((rest & VARINT_PAYLOAD_MASK) | VARINT_CONTINUE);
            rest >>>= VARINT_PAYLOAD_BITS;
        }
        bytes[size++] = (byte) rest;
    }

    /**
     * Appends {@code values[0, count)} BYTE_STREAM_SPLIT encoded: byte {@code k} of every value's little-endian
     * IEEE 754 form, for {@code k} = 0 to 7, each stream {@code count} bytes long.
     */
    void putByteStreamSplit(double[] values, int count) {
        ensure(count * Double.BYTES);
        for (int i = 0; i < count; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            for (int k = 0; k < Double.BYTES; k++) {
                bytes[size + k * count + i] = (byte) (bits >>> (k * Byte.SIZE));
            }
        }
        size += count * Double.BYTES;
    }

    /** Appends the first {@code count} bytes of {@code words}, each word little-endian. */
    void putWordsLE(long[] words, int count) {
        ensure(count + Long.BYTES);
        int full = count / Long.BYTES;
        for (int i = 0; i < full; i++) {
            LONG_LE.set(bytes, size + i * Long.BYTES, words[i]);
        }
        long last = full < words.length ? words[full] : 0;
        for (int b = full * Long.BYTES; b < count; b++) {
            bytes[size + b] = (byte) last;
            last >>>= Byte.SIZE;
        }
        size += count;
    }

    /** Appends {@code value} as PLAIN encodes a byte array: its length as a 4-byte little-endian int, then it. */
    void putLengthPrefixed(byte[] value) {
        ensure(Integer.BYTES + value.length);
        INT_LE.set(bytes, size, value.length);
        System.arraycopy(value, 0, bytes, size + Integer.BYTES, value.length);
        size += Integer.BYTES + value.length;
    }

    /**
     * Appends {@code source[offset, offset + length)} as PLAIN encodes a byte array, without a capacity check: the
     * caller has {@link #ensure}d room for the length and the bytes.
     */
    void putLengthPrefixedUnchecked(byte[] source, int offset, int length) {
        INT_LE.set(bytes, size, length);
        System.arraycopy(source, offset, bytes, size + Integer.BYTES, length);
        size += Integer.BYTES + length;
    }

    void put(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** Appends {@code input}'s bytes. */
    void put(BytesInput input) {
        int length = Math.toIntExact(input.size());
        ensure(length);
        try {
            input.writeAllTo(new Appender());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + length + " encoded bytes into a page", e);
        }
    }

    /** Appends everything written to {@code other}. */
    void put(PageBytes other) {
        put(other.bytes, 0, other.size);
    }

    /** The backing array, whose first {@link #size()} bytes were written; valid until this buffer is next written. */
    byte[] array() {
        return bytes;
    }

    /** Writes into this buffer's free space. */
    private final class Appender extends OutputStream {

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            put(source, offset, length);
        }
    }

    /** A view of the bytes written so far, valid until this buffer is next written to. */
    BytesInput view() {
        return BytesInput.from(bytes, 0, size);
    }
}
