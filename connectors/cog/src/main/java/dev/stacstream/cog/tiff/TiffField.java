package dev.stacstream.cog.tiff;

import java.nio.charset.StandardCharsets;

/**
 * One decoded IFD entry: its tag, type, count and values. Integer types are widened to {@code long}
 * (unsigned types stay non-negative), RATIONAL and floating types to {@code double}, ASCII to a string
 * and BYTE/UNDEFINED arrays are also kept as raw bytes (JPEGTables).
 */
public record TiffField(int tag, FieldType type, long count, long[] longs, double[] doubles, byte[] bytes) {

    /** The first value as a long; for callers that know the field is a scalar integer. */
    public long longValue() {
        return longs[0];
    }

    public int intValue() {
        return Math.toIntExact(longs[0]);
    }

    /** All values as longs (integer types only). */
    public long[] longValues() {
        return longs;
    }

    /** All values as doubles (any numeric type). */
    public double[] doubleValues() {
        if (doubles != null) {
            return doubles;
        }
        double[] d = new double[longs.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = longs[i];
        }
        return d;
    }

    /** The ASCII value without its trailing NULs. */
    public String asciiValue() {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }
}
