package dev.stacstream.cog.testing.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The deterministic source rasters the matrix TIFFs are translated from: a raw little-endian band-sequential
 * file plus a GDAL VRT that describes it ({@code VRTRawRasterBand}; GDAL 3.6's ENVI driver has no 64-bit
 * integers).
 *
 * <p>The pattern mixes what exercises a decoder: smooth gradients (so predictors and compressors have
 * structure to exploit), rows of full-width noise (every bit of every byte used), row 0 starting with the
 * type's extremes (minimum, maximum, 0, 1, -1, and for floats NaN with and without payload, infinities,
 * -0.0, subnormals, smallest normals), and for sparse sources an all-zero region that covers
 * whole blocks of every layout used with it.
 */
public final class MatrixSource {

    /** Size of every matrix image: not a multiple of any block size, so edge blocks are partial. */
    public static final int WIDTH = 150;
    public static final int HEIGHT = 97;
    /** Bumped whenever the pattern changes, so that a cached matrix is regenerated. */
    public static final int PATTERN_VERSION = 2;

    private static final long SEED = 0x5EED_C0DEL;
    /** Every fourth row is noise. */
    private static final int NOISE_ROW_PERIOD = 4;
    /** Among the other rows, every ninth is scaled towards the type's large magnitudes. */
    private static final int LARGE_ROW_PERIOD = 9;
    /** Gradient bits kept at the top of wide integer types: the gradient spans about 2^11 values. */
    private static final int GRADIENT_BITS = 11;
    private static final double LARGE_FLOAT_SCALE = 1e20;
    /** Keeps large rows of half floats below {@link #HALF_MAX}: gradients stay under 600. */
    private static final double LARGE_HALF_SCALE = 100;
    private static final float HALF_MAX = 65504f;
    private static final float HALF_MIN_NORMAL = 6.1035156e-5f;
    private static final float HALF_MIN_SUBNORMAL = 5.9604645e-8f;
    /** Not a half float: stored rounded to 2048 or 2050. */
    private static final float HALF_ROUNDED = 2049f;
    private static final double NOISE_SCALE = 1000.0;
    private static final int FLOAT_NAN_WITH_PAYLOAD = 0x7fc00123;
    private static final long DOUBLE_NAN_WITH_PAYLOAD = 0x7ff8000000000123L;

    private MatrixSource() {}

    /** The VRT file name of a source, e.g. {@code src_uint16_3_sparse.vrt}. */
    public static String fileName(MatrixDataType type, int bands, boolean sparse) {
        return "src_" + type.token() + "_" + bands + (sparse ? "_sparse" : "") + ".vrt";
    }

    /** Writes the raw samples and the VRT of one source into {@code dir}. */
    public static void write(Path dir, MatrixDataType type, int bands, boolean sparse) {
        String vrtName = fileName(type, bands, sparse);
        String rawName = vrtName.replace(".vrt", ".raw");
        try {
            Files.write(dir.resolve(rawName), samples(type, bands, sparse));
            Files.writeString(dir.resolve(vrtName), vrt(type, bands, rawName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write matrix source " + vrtName + " into " + dir, e);
        }
    }

    /** Band-sequential little-endian samples in the source's GDAL type. */
    static byte[] samples(MatrixDataType type, int bands, boolean sparse) {
        ByteBuffer out = ByteBuffer.allocate(bands * HEIGHT * WIDTH * type.sourceBytes()).order(ByteOrder.LITTLE_ENDIAN);
        SplittableRandom random = new SplittableRandom(SEED + type.ordinal() * 31L + bands);
        for (int band = 0; band < bands; band++) {
            for (int row = 0; row < HEIGHT; row++) {
                for (int col = 0; col < WIDTH; col++) {
                    boolean zero = sparse && inZeroRegion(row, col);
                    if (type.isFloating() && row == 0 && col == floatExtremes(type).length) {
                        putNanWithPayload(out, type);
                    } else if (type.isFloating()) {
                        putFloat(out, type, zero ? 0.0 : floatValue(type, band, row, col, random));
                    } else {
                        putInteger(out, type, zero ? 0L : integerValue(type, band, row, col, random));
                    }
                }
            }
        }
        return out.array();
    }

    /**
     * The zero region of sparse sources: a 64x64 tile, rows [70, 90) (two strips of 10 rows) and columns
     * [128, 150) (the second 128-wide tile column).
     */
    static boolean inZeroRegion(int row, int col) {
        return (row < 64 && col >= 64 && col < 128) || (row >= 70 && row < 90) || col >= 128;
    }

    private static long integerValue(MatrixDataType type, int band, int row, int col, SplittableRandom random) {
        int bits = type.tiffBits();
        long min = type.isSigned() ? -(1L << (bits - 1)) : 0L;
        long max = type.isSigned() ? (1L << (bits - 1)) - 1 : (bits == Long.SIZE ? -1L : (1L << bits) - 1);
        long[] extremes = {min, max, 0, 1, -1, min + 1, max - 1};
        if (row == 0 && col < extremes.length) {
            return extremes[col];
        }
        if (row % NOISE_ROW_PERIOD == NOISE_ROW_PERIOD - 1) {
            return random.nextLong();
        }
        long gradient = row * 3L + col * 5L + band * 41L;
        return gradient << Math.max(0, bits - GRADIENT_BITS);
    }

    private static double floatValue(MatrixDataType type, int band, int row, int col, SplittableRandom random) {
        double[] extremes = floatExtremes(type);
        if (row == 0 && col < extremes.length) {
            return extremes[col];
        }
        if (row % NOISE_ROW_PERIOD == NOISE_ROW_PERIOD - 1) {
            return random.nextGaussian() * NOISE_SCALE;
        }
        double gradient = (row - HEIGHT / 2) * 0.75 + col * 1.25 * (band + 1);
        if (row % LARGE_ROW_PERIOD != 0) {
            return gradient;
        }
        return gradient * (type == MatrixDataType.FLOAT16 ? LARGE_HALF_SCALE : LARGE_FLOAT_SCALE);
    }

    /**
     * Special values of row 0, within the type's range: GDAL warns (and the matrix refuses the file) when a
     * float32 source value overflows a half float, so half floats get their own limits.
     */
    static double[] floatExtremes(MatrixDataType type) {
        return switch (type) {
            case FLOAT16 -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
                HALF_MIN_SUBNORMAL, HALF_MIN_NORMAL, HALF_MAX, -HALF_MAX, HALF_ROUNDED, 1.0 / 3.0};
            case FLOAT32 -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
                Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, HALF_MAX, 1.0 / 3.0};
            case FLOAT64 -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
                Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, HALF_MAX, 1.0 / 3.0};
            default -> throw new IllegalArgumentException(type + " is not a float type");
        };
    }

    /** Written as raw bits: a NaN's payload does not survive arithmetic or narrowing. */
    private static void putNanWithPayload(ByteBuffer out, MatrixDataType type) {
        if (type.sourceBytes() == Double.BYTES) {
            out.putLong(DOUBLE_NAN_WITH_PAYLOAD);
        } else {
            out.putInt(FLOAT_NAN_WITH_PAYLOAD);
        }
    }

    private static void putInteger(ByteBuffer out, MatrixDataType type, long value) {
        switch (type.sourceBytes()) {
            case Byte.BYTES -> out.put((byte) value);
            case Short.BYTES -> out.putShort((short) value);
            case Integer.BYTES -> out.putInt((int) value);
            default -> out.putLong(value);
        }
    }

    private static void putFloat(ByteBuffer out, MatrixDataType type, double value) {
        if (type.sourceBytes() == Double.BYTES) {
            out.putDouble(value);
        } else {
            out.putFloat((float) value);
        }
    }

    private static String vrt(MatrixDataType type, int bands, String rawName) {
        StringBuilder xml = new StringBuilder();
        xml.append("<VRTDataset rasterXSize=\"").append(WIDTH).append("\" rasterYSize=\"").append(HEIGHT).append("\">\n");
        long bandBytes = (long) WIDTH * HEIGHT * type.sourceBytes();
        for (int band = 0; band < bands; band++) {
            xml.append("  <VRTRasterBand dataType=\"").append(type.sourceGdalType()).append("\" band=\"").append(band + 1)
                    .append("\" subClass=\"VRTRawRasterBand\">\n")
                    .append("    <SourceFilename relativeToVRT=\"1\">").append(rawName).append("</SourceFilename>\n")
                    .append("    <ImageOffset>").append(band * bandBytes).append("</ImageOffset>\n")
                    .append("    <PixelOffset>").append(type.sourceBytes()).append("</PixelOffset>\n")
                    .append("    <LineOffset>").append(WIDTH * type.sourceBytes()).append("</LineOffset>\n")
                    .append("    <ByteOrder>LSB</ByteOrder>\n")
                    .append("  </VRTRasterBand>\n");
        }
        return xml.append("</VRTDataset>\n").toString();
    }
}
