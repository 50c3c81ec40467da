package dev.stacstream.storage;

import java.util.Optional;

/**
 * A half-open byte range {@code [offset, offset + length)} of one object.
 *
 * <p>Ranges are always half-open, printed as {@code [start, end)}, and never empty.
 */
public record ByteRange(long offset, long length) implements Comparable<ByteRange> {

    public ByteRange {
        if (offset < 0) {
            throw new IllegalArgumentException("byte range offset must be >= 0, got " + offset);
        }
        if (length <= 0) {
            throw new IllegalArgumentException("byte range length must be > 0, got " + length);
        }
        if (offset + length < offset) {
            throw new IllegalArgumentException("byte range overflows: offset " + offset + " length " + length);
        }
    }

    /** The range {@code [start, end)}. */
    public static ByteRange of(long start, long end) {
        return new ByteRange(start, end - start);
    }

    /** Exclusive end offset. */
    public long end() {
        return offset + length;
    }

    /**
     * The part of this range that lies within an object of {@code objectSize} bytes: {@code [offset, min(end,
     * objectSize))}, or empty when the range starts at or after the object's end.
     */
    public Optional<ByteRange> clampTo(long objectSize) {
        if (objectSize <= offset) {
            return Optional.empty();
        }
        return Optional.of(objectSize >= end() ? this : of(offset, objectSize));
    }

    public boolean contains(ByteRange other) {
        return other.offset >= offset && other.end() <= end();
    }

    @Override
    public int compareTo(ByteRange o) {
        int c = Long.compare(offset, o.offset);
        return c != 0 ? c : Long.compare(length, o.length);
    }

    @Override
    public String toString() {
        return "[" + offset + ", " + end() + ")";
    }
}
