package dev.stacstream.cog.testing.matrix;

import java.util.List;

/**
 * The sample types of the matrix, and how GDAL 3.6 is made to write each: it has no Int8 or Float16 data
 * type, so signed bytes are Byte with {@code PIXELTYPE=SIGNEDBYTE} and half floats are Float32 with
 * {@code NBITS=16}.
 */
public enum MatrixDataType {
    UINT8("uint8", "Byte", 1, 8, SampleFormat.UINT, List.of()),
    INT8("int8", "Byte", 1, 8, SampleFormat.INT, List.of("PIXELTYPE=SIGNEDBYTE")),
    UINT16("uint16", "UInt16", 2, 16, SampleFormat.UINT, List.of()),
    INT16("int16", "Int16", 2, 16, SampleFormat.INT, List.of()),
    UINT32("uint32", "UInt32", 4, 32, SampleFormat.UINT, List.of()),
    INT32("int32", "Int32", 4, 32, SampleFormat.INT, List.of()),
    UINT64("uint64", "UInt64", 8, 64, SampleFormat.UINT, List.of()),
    INT64("int64", "Int64", 8, 64, SampleFormat.INT, List.of()),
    FLOAT16("float16", "Float32", 4, 16, SampleFormat.FLOAT, List.of("NBITS=16")),
    FLOAT32("float32", "Float32", 4, 32, SampleFormat.FLOAT, List.of()),
    FLOAT64("float64", "Float64", 8, 64, SampleFormat.FLOAT, List.of());

    /** TIFF SampleFormat values. */
    public static final class SampleFormat {
        public static final int UINT = 1;
        public static final int INT = 2;
        public static final int FLOAT = 3;

        private SampleFormat() {}
    }

    private final String token;
    private final String sourceGdalType;
    private final int sourceBytes;
    private final int tiffBits;
    private final int sampleFormat;
    private final List<String> creationOptions;

    MatrixDataType(String token, String sourceGdalType, int sourceBytes, int tiffBits, int sampleFormat, List<String> creationOptions) {
        this.token = token;
        this.sourceGdalType = sourceGdalType;
        this.sourceBytes = sourceBytes;
        this.tiffBits = tiffBits;
        this.sampleFormat = sampleFormat;
        this.creationOptions = creationOptions;
    }

    /** The numpy name, also the file-name token. */
    public String token() {
        return token;
    }

    /** The GDAL data type of the source raster (and of what GDAL returns when reading the TIFF). */
    public String sourceGdalType() {
        return sourceGdalType;
    }

    /** Bytes per sample of the source raster. */
    public int sourceBytes() {
        return sourceBytes;
    }

    /** BitsPerSample in the written TIFF. */
    public int tiffBits() {
        return tiffBits;
    }

    /** SampleFormat in the written TIFF. */
    public int sampleFormat() {
        return sampleFormat;
    }

    /** GTiff creation options (without {@code -co}) that select this type beyond the source's type. */
    public List<String> creationOptions() {
        return creationOptions;
    }

    public boolean isFloating() {
        return sampleFormat == SampleFormat.FLOAT;
    }

    public boolean isSigned() {
        return sampleFormat != SampleFormat.UINT;
    }
}
