package dev.stacstream.sinks.parquet;

/**
 * Encodes the definition levels of one page of an optional top-level column, as a V1 data page carries them: a
 * 4-byte little-endian length, then the levels (1 for a value, 0 for {@code NULL}) in Parquet's RLE/bit-packing
 * hybrid encoding with bit width 1.
 *
 * <p>The levels are written as a single bit-packed run: a ULEB128 header {@code (groups << 1) | 1} followed by
 * {@code groups = ceil(rows / 8)} bytes, value {@code 8g + i} in bit {@code i} of byte {@code g}, the last byte
 * padded with zeros, which readers ignore past the page's value count. That is exactly a little-endian bit set, so
 * a page's null mask is copied rather than encoded value by value; zstd then takes care of long runs.
 */
final class DefinitionLevels {

    private DefinitionLevels() {}

    /** Words of a bit set holding {@code rows} levels. */
    static int words(int rows) {
        return (rows + Long.SIZE - 1) / Long.SIZE;
    }

    /** Sets the level of row {@code row} to 1 (a value) in {@code defined}. */
    static void setDefined(long[] defined, int row) {
        defined[row >>> 6] |= 1L << row;
    }

    /** Sets the levels of rows {@code [first, first + count)} to 1 in {@code defined}. */
    static void setDefined(long[] defined, int first, int count) {
        for (int row = first; row < first + count; row++) {
            defined[row >>> 6] |= 1L << row;
        }
    }

    /** Appends the levels of rows {@code [0, rows)}, bit {@code r} of {@code defined} set for a value. */
    static void write(long[] defined, int rows, PageBytes out) {
        int groups = (rows + Byte.SIZE - 1) / Byte.SIZE;
        int lengthAt = out.size();
        out.putIntLE(0);
        out.putUnsignedVarInt(groups << 1 | 1);
        out.putWordsLE(defined, groups);
        out.putIntLE(lengthAt, out.size() - lengthAt - Integer.BYTES);
    }
}
