package dev.stacstream.cog.raster;

/**
 * The sample types a TIFF can hold that this reader decodes: unsigned and signed integers of 8 to 64 bits
 * and IEEE floats of 16, 32 and 64 bits. Names follow numpy ({@code uint16}, {@code float32}).
 */
public enum DataType {
    UINT8(1, false, false),
    INT8(1, true, false),
    UINT16(2, false, false),
    INT16(2, true, false),
    UINT32(4, false, false),
    INT32(4, true, false),
    UINT64(8, false, false),
    INT64(8, true, false),
    FLOAT16(2, true, true),
    FLOAT32(4, true, true),
    FLOAT64(8, true, true);

    /** TIFF SampleFormat: unsigned integer. */
    public static final int SAMPLE_FORMAT_UINT = 1;
    /** TIFF SampleFormat: two's complement signed integer. */
    public static final int SAMPLE_FORMAT_INT = 2;
    /** TIFF SampleFormat: IEEE floating point. */
    public static final int SAMPLE_FORMAT_IEEEFP = 3;
    /** TIFF SampleFormat: undefined; read as unsigned, as libtiff and GDAL do. */
    public static final int SAMPLE_FORMAT_VOID = 4;

    private final int bytes;
    private final boolean signed;
    private final boolean floating;

    DataType(int bytes, boolean signed, boolean floating) {
        this.bytes = bytes;
        this.signed = signed;
        this.floating = floating;
    }

    /** Bytes per sample. */
    public int bytes() {
        return bytes;
    }

    public int bits() {
        return bytes * Byte.SIZE;
    }

    public boolean isSigned() {
        return signed;
    }

    public boolean isFloating() {
        return floating;
    }

    /** The numpy dtype name, e.g. {@code uint16}. */
    public String numpyName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The numpy dtype string with byte order, e.g. {@code <u2}, {@code |u1}, {@code >f4}. */
    public String numpyTypeString(java.nio.ByteOrder order) {
        char endian = bytes == 1 ? '|' : (order == java.nio.ByteOrder.BIG_ENDIAN ? '>' : '<');
        char kind = floating ? 'f' : (signed ? 'i' : 'u');
        return "" + endian + kind + bytes;
    }

    /**
     * The type for a TIFF SampleFormat and BitsPerSample, or {@code null} when the combination is not one
     * this reader decodes (e.g. 1-, 4- or 12-bit samples, complex types).
     */
    public static DataType fromTiff(int sampleFormat, int bitsPerSample) {
        switch (sampleFormat) {
            case SAMPLE_FORMAT_UINT, SAMPLE_FORMAT_VOID:
                return switch (bitsPerSample) {
                    case 8 -> UINT8;
                    case 16 -> UINT16;
                    case 32 -> UINT32;
                    case 64 -> UINT64;
                    default -> null;
                };
            case SAMPLE_FORMAT_INT:
                return switch (bitsPerSample) {
                    case 8 -> INT8;
                    case 16 -> INT16;
                    case 32 -> INT32;
                    case 64 -> INT64;
                    default -> null;
                };
            case SAMPLE_FORMAT_IEEEFP:
                return switch (bitsPerSample) {
                    case 16 -> FLOAT16;
                    case 32 -> FLOAT32;
                    case 64 -> FLOAT64;
                    default -> null;
                };
            default:
                return null;
        }
    }
}
