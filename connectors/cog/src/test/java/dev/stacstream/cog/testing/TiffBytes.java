package dev.stacstream.cog.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bytes of a (Big)TIFF with just enough structure to check what a test file contains and to corrupt it
 * on purpose: the header, the chain of IFDs and their entries, and in-place patches of values and
 * pointers. Written independently of the reader under test; it trusts its input and is meant only for
 * well-formed files that tests then damage.
 */
public final class TiffBytes {

    /** Tags the tests look at. */
    public static final int NEW_SUBFILE_TYPE = 254;
    public static final int IMAGE_WIDTH = 256;
    public static final int IMAGE_LENGTH = 257;
    public static final int BITS_PER_SAMPLE = 258;
    public static final int COMPRESSION = 259;
    public static final int PHOTOMETRIC = 262;
    public static final int STRIP_OFFSETS = 273;
    public static final int SAMPLES_PER_PIXEL = 277;
    public static final int ROWS_PER_STRIP = 278;
    public static final int STRIP_BYTE_COUNTS = 279;
    public static final int PLANAR_CONFIGURATION = 284;
    public static final int PREDICTOR = 317;
    public static final int TILE_WIDTH = 322;
    public static final int TILE_LENGTH = 323;
    public static final int TILE_OFFSETS = 324;
    public static final int TILE_BYTE_COUNTS = 325;
    public static final int SAMPLE_FORMAT = 339;

    /** NewSubfileType bit of a reduced-resolution (overview) image. */
    public static final int REDUCED_RESOLUTION = 1;

    private static final int CLASSIC_MAGIC = 42;
    private static final int BIG_MAGIC = 43;
    private static final int CLASSIC_HEADER_POINTER = 4;
    private static final int BIG_HEADER_POINTER = 8;
    /** Byte size of each TIFF field type, indexed by type code (0 = unknown). */
    private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8};

    private final byte[] bytes;
    private final ByteBuffer buffer;
    private final boolean bigTiff;

    /** One IFD entry; {@code valuePosition} is where its value(s) start in the file (inline or pointed to). */
    public record Entry(int tag, int type, long count, int valuePosition) {}

    /**
     * One IFD: its file offset, entries by tag, where its next-IFD pointer is stored, and that pointer.
     */
    public record Directory(long offset, Map<Integer, Entry> entries, int nextPointerPosition, long next) {

        public Entry entry(int tag) {
            Entry e = entries.get(tag);
            if (e == null) {
                throw new IllegalArgumentException("IFD at " + offset + " has no tag " + tag);
            }
            return e;
        }
    }

    private TiffBytes(byte[] bytes) {
        this.bytes = bytes;
        ByteOrder order = switch (bytes[0]) {
            case 'I' -> ByteOrder.LITTLE_ENDIAN;
            case 'M' -> ByteOrder.BIG_ENDIAN;
            default -> throw new IllegalArgumentException("not a TIFF: byte-order mark " + bytes[0]);
        };
        this.buffer = ByteBuffer.wrap(bytes).order(order);
        int magic = buffer.getShort(2) & 0xffff;
        if (magic != CLASSIC_MAGIC && magic != BIG_MAGIC) {
            throw new IllegalArgumentException("not a TIFF: magic " + magic);
        }
        this.bigTiff = magic == BIG_MAGIC;
    }

    public static TiffBytes of(byte[] bytes) {
        return new TiffBytes(bytes.clone());
    }

    public static TiffBytes read(Path file) {
        try {
            return new TiffBytes(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public ByteOrder byteOrder() {
        return buffer.order();
    }

    public boolean bigTiff() {
        return bigTiff;
    }

    public int length() {
        return bytes.length;
    }

    /** Where the header stores the first IFD's offset. */
    public int firstIfdPointerPosition() {
        return bigTiff ? BIG_HEADER_POINTER : CLASSIC_HEADER_POINTER;
    }

    /** The IFD chain from the header, stopping at a zero pointer (or at an IFD already visited). */
    public List<Directory> directories() {
        List<Directory> result = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long offset = pointer(firstIfdPointerPosition());
        while (offset != 0 && seen.add(offset)) {
            Directory dir = directory(offset);
            result.add(dir);
            offset = dir.next();
        }
        return result;
    }

    /** The values of a SHORT, LONG, LONG8 (or BYTE) entry. */
    public long[] values(Entry entry) {
        int size = TYPE_SIZES[entry.type()];
        long[] values = new long[Math.toIntExact(entry.count())];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(entry.valuePosition() + i * size, size);
        }
        return values;
    }

    /** The single value of a tag in {@code dir}, or {@code absent} when the tag is not there. */
    public long value(Directory dir, int tag, long absent) {
        Entry e = dir.entries().get(tag);
        return e == null ? absent : values(e)[0];
    }

    /** Overwrites value {@code index} of an entry, in the entry's own width. */
    public void putValue(Entry entry, int index, long value) {
        int size = TYPE_SIZES[entry.type()];
        write(entry.valuePosition() + index * size, size, value);
    }

    /** Overwrites the entry count of an IFD (2 bytes, or 8 in a BigTIFF). */
    public void putEntryCount(Directory dir, long count) {
        write(Math.toIntExact(dir.offset()), bigTiff ? Long.BYTES : Short.BYTES, count);
    }

    /** Overwrites an IFD pointer (4 bytes, or 8 in a BigTIFF) at {@code position}. */
    public void putPointer(int position, long value) {
        write(position, bigTiff ? Long.BYTES : Integer.BYTES, value);
    }

    /** The (patched) bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public void writeTo(Path file) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private Directory directory(long offset) {
        int at = Math.toIntExact(offset);
        long count = bigTiff ? buffer.getLong(at) : buffer.getShort(at) & 0xffff;
        int entrySize = bigTiff ? 20 : 12;
        int first = at + (bigTiff ? Long.BYTES : Short.BYTES);
        Map<Integer, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int e = first + i * entrySize;
            int tag = buffer.getShort(e) & 0xffff;
            int type = buffer.getShort(e + 2) & 0xffff;
            long n = bigTiff ? buffer.getLong(e + 4) : buffer.getInt(e + 4) & 0xffff_ffffL;
            int inlinePosition = e + (bigTiff ? 12 : 8);
            int inlineCapacity = bigTiff ? Long.BYTES : Integer.BYTES;
            int size = type < TYPE_SIZES.length ? TYPE_SIZES[type] : 0;
            int position = size * n <= inlineCapacity ? inlinePosition : Math.toIntExact(pointer(inlinePosition));
            entries.put(tag, new Entry(tag, type, n, position));
        }
        int nextPosition = Math.toIntExact(first + count * entrySize);
        return new Directory(offset, entries, nextPosition, pointer(nextPosition));
    }

    private long pointer(int position) {
        return bigTiff ? buffer.getLong(position) : buffer.getInt(position) & 0xffff_ffffL;
    }

    private long read(int position, int size) {
        return switch (size) {
            case Byte.BYTES -> bytes[position] & 0xffL;
            case Short.BYTES -> buffer.getShort(position) & 0xffffL;
            case Integer.BYTES -> buffer.getInt(position) & 0xffff_ffffL;
            case Long.BYTES -> buffer.getLong(position);
            default -> throw new IllegalArgumentException("cannot read a " + size + "-byte value");
        };
    }

    private void write(int position, int size, long value) {
        switch (size) {
            case Byte.BYTES -> bytes[position] = (byte) value;
            case Short.BYTES -> buffer.putShort(position, (short) value);
            case Integer.BYTES -> buffer.putInt(position, (int) value);
            case Long.BYTES -> buffer.putLong(position, value);
            default -> throw new IllegalArgumentException("cannot write a " + size + "-byte value");
        }
    }
}
