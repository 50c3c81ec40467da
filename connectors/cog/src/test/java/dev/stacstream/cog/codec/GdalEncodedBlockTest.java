package dev.stacstream.cog.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decodes the first block of TIFFs that GDAL wrote (every codec, predictor, sample type and byte order
 * GDAL combines) and compares it with the pixels GDAL itself decodes from the same file.
 */
class GdalEncodedBlockTest {

    private static final int IMAGE_WIDTH = 97;
    private static final int IMAGE_HEIGHT = 70;
    private static final int TILE_WIDTH = 64;
    private static final int TILE_HEIGHT = 48;
    private static final int ROWS_PER_STRIP = 16;
    /** Maximum JPEG difference per 8-bit sample accepted against GDAL (libjpeg-turbo vs the JDK's libjpeg). */
    private static final int JPEG_TOLERANCE = 2;
    private static final long SEED = 42L;

    @TempDir
    static Path dir;

    @BeforeAll
    static void requireGdal() {
        GdalTool.assumeInstalled();
    }

    /** A GDAL data type with its ENVI code, the bits GDAL stores, and how to turn a double into samples. */
    enum SampleType {
        BYTE("Byte", 1, 8), INT16("Int16", 2, 16), UINT16("UInt16", 12, 16), INT32("Int32", 3, 32),
        FLOAT32("Float32", 4, 32), FLOAT16("Float32", 4, 16), FLOAT64("Float64", 5, 64);

        final String gdalName;
        final int enviType;
        final int storedBits;

        SampleType(String gdalName, int enviType, int storedBits) {
            this.gdalName = gdalName;
            this.enviType = enviType;
            this.storedBits = storedBits;
        }

        /** Bytes per sample of the ENVI source (float16 is written from float32 data). */
        int sourceBytes() {
            return this == FLOAT16 ? Float.BYTES : storedBits / 8;
        }

        void put(ByteBuffer out, double value) {
            switch (this) {
                case BYTE -> out.put((byte) Math.max(0, Math.min(255, Math.round(value / 16))));
                case INT16 -> out.putShort((short) Math.round(value - 2000));
                case UINT16 -> out.putShort((short) Math.round(value));
                case INT32 -> out.putInt((int) Math.round(value * 4096 - 1e7));
                case FLOAT32, FLOAT16 -> out.putFloat((float) (value / 997.0 - 1.5));
                case FLOAT64 -> out.putDouble(value / 997.0 - 1.5);
                default -> throw new IllegalStateException(name());
            }
        }
    }

    record Case(String name, SampleType type, int bands, boolean tiled, int compression, int predictor,
                int photometric, boolean bigEndian, int tolerance, List<String> options) {

        int blockWidth() {
            return tiled ? TILE_WIDTH : IMAGE_WIDTH;
        }

        int blockRows() {
            return tiled ? TILE_HEIGHT : ROWS_PER_STRIP;
        }

        List<String> creationOptions() {
            List<String> all = new ArrayList<>(List.of("-of", "GTiff", "-co", "INTERLEAVE=PIXEL"));
            if (tiled) {
                all.addAll(List.of("-co", "TILED=YES", "-co", "BLOCKXSIZE=" + TILE_WIDTH,
                        "-co", "BLOCKYSIZE=" + TILE_HEIGHT));
            } else {
                all.addAll(List.of("-co", "BLOCKYSIZE=" + ROWS_PER_STRIP));
            }
            if (bigEndian) {
                all.addAll(List.of("-co", "ENDIANNESS=BIG"));
            }
            if (type == SampleType.FLOAT16) {
                all.addAll(List.of("-co", "NBITS=16"));
            }
            for (String option : options) {
                all.addAll(List.of("-co", option));
            }
            return all;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                lossless("uint16 LZW predictor 2 tiles", SampleType.UINT16, 1, true, 5, 2, false, "COMPRESS=LZW"),
                lossless("int16 DEFLATE predictor 2 big-endian tiles", SampleType.INT16, 1, true, 8, 2, true,
                        "COMPRESS=DEFLATE"),
                lossless("uint16 3-band DEFLATE predictor 2 big-endian strips", SampleType.UINT16, 3, false, 8, 2,
                        true, "COMPRESS=DEFLATE"),
                lossless("int32 2-band ZSTD predictor 2 tiles", SampleType.INT32, 2, true, 50000, 2, false,
                        "COMPRESS=ZSTD"),
                lossless("byte 3-band PackBits strips", SampleType.BYTE, 3, false, 32773, 1, false,
                        "COMPRESS=PACKBITS"),
                lossless("uint16 uncompressed big-endian tiles", SampleType.UINT16, 1, true, 1, 1, true,
                        "COMPRESS=NONE"),
                lossless("float32 LZW predictor 3 tiles", SampleType.FLOAT32, 1, true, 5, 3, false, "COMPRESS=LZW"),
                lossless("float32 LZW predictor 3 big-endian strips", SampleType.FLOAT32, 1, false, 5, 3, true,
                        "COMPRESS=LZW"),
                lossless("float32 3-band ZSTD predictor 3 tiles", SampleType.FLOAT32, 3, true, 50000, 3, false,
                        "COMPRESS=ZSTD"),
                lossless("float32 DEFLATE predictor 2 tiles", SampleType.FLOAT32, 1, true, 8, 2, false,
                        "COMPRESS=DEFLATE"),
                lossless("float64 LZW predictor 3 tiles", SampleType.FLOAT64, 1, true, 5, 3, false, "COMPRESS=LZW"),
                lossless("float64 LZW predictor 3 big-endian tiles", SampleType.FLOAT64, 1, true, 5, 3, true,
                        "COMPRESS=LZW"),
                lossless("float64 DEFLATE predictor 2 big-endian strips", SampleType.FLOAT64, 1, false, 8, 2, true,
                        "COMPRESS=DEFLATE"),
                lossless("float16 LZW predictor 2 tiles", SampleType.FLOAT16, 1, true, 5, 2, false, "COMPRESS=LZW"),
                lossless("float16 LZW predictor 3 tiles", SampleType.FLOAT16, 1, true, 5, 3, false, "COMPRESS=LZW"),
                lossless("float16 DEFLATE predictor 3 big-endian strips", SampleType.FLOAT16, 1, false, 8, 3, true,
                        "COMPRESS=DEFLATE"),
                jpeg("RGB JPEG YCbCr tiles", 3, true, TestBlocks.PHOTOMETRIC_YCBCR, JPEG_TOLERANCE,
                        "PHOTOMETRIC=YCBCR"),
                jpeg("RGB JPEG YCbCr strips", 3, false, TestBlocks.PHOTOMETRIC_YCBCR, JPEG_TOLERANCE,
                        "PHOTOMETRIC=YCBCR"),
                jpeg("RGB JPEG big-endian YCbCr tiles", 3, true, TestBlocks.PHOTOMETRIC_YCBCR, JPEG_TOLERANCE,
                        "PHOTOMETRIC=YCBCR", "ENDIANNESS=BIG"),
                jpeg("RGB JPEG photometric RGB tiles", 3, true, TestBlocks.PHOTOMETRIC_RGB, 0, "PHOTOMETRIC=RGB"),
                jpeg("grey JPEG tiles", 1, true, TestBlocks.PHOTOMETRIC_MIN_IS_BLACK, 0, "PHOTOMETRIC=MINISBLACK"));
    }

    private static Case lossless(String name, SampleType type, int bands, boolean tiled, int compression,
            int predictor, boolean bigEndian, String compress) {
        List<String> options = new ArrayList<>(List.of(compress));
        if (predictor != 1) {
            options.add("PREDICTOR=" + predictor);
        }
        return new Case(name, type, bands, tiled, compression, predictor, bands == 3 ? 2 : 1, bigEndian, 0, options);
    }

    private static Case jpeg(String name, int bands, boolean tiled, int photometric, int tolerance, String... options) {
        List<String> all = new ArrayList<>(List.of("COMPRESS=JPEG"));
        all.addAll(List.of(options));
        return new Case(name, SampleType.BYTE, bands, tiled, 7, 1, photometric, false, tolerance, all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firstBlockMatchesGdal(Case c) {
        Path source = GdalTool.writeEnvi(dir, slug(c) + "-src", sourceSamples(c), IMAGE_WIDTH, IMAGE_HEIGHT,
                c.bands(), c.type().enviType);
        Path tiff = dir.resolve(slug(c) + ".tif");
        GdalTool.translate(source, tiff, c.creationOptions());
        GdalTool.StoredBlock stored = GdalTool.firstBlock(tiff);
        BlockEncoding enc = new BlockEncoding(c.compression(), c.blockWidth(), c.blockRows(), c.bands(),
                c.type().storedBits, c.photometric(), stored.jpegTables(),
                c.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);

        byte[] block = DecompressorRegistry.defaults().find(c.compression()).orElseThrow()
                .decompress(stored.bytes(), 0, stored.bytes().length, enc);
        Predictors.undo(c.predictor(), block, enc);

        byte[] expected = GdalTool.pixels(tiff, 0, 0, c.blockWidth(), c.blockRows(), dir);
        GdalSamples.assertMatches(GdalSamples.asGdalReturnsThem(block, enc, c.type() == SampleType.FLOAT16),
                expected, c.tolerance());
    }

    /** A smooth field with noise, different per band, as in real imagery (and compressible). */
    private static byte[] sourceSamples(Case c) {
        SplittableRandom random = new SplittableRandom(SEED);
        int count = IMAGE_WIDTH * IMAGE_HEIGHT * c.bands();
        ByteBuffer out = ByteBuffer.allocate(count * c.type().sourceBytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < IMAGE_HEIGHT; y++) {
            for (int x = 0; x < IMAGE_WIDTH; x++) {
                for (int b = 0; b < c.bands(); b++) {
                    double field = 2000 + 1500 * Math.sin(x / 9.0 + b) * Math.cos(y / 13.0 - b);
                    c.type().put(out, field + random.nextInt(60));
                }
            }
        }
        return out.array();
    }

    private static String slug(Case c) {
        return c.name().replaceAll("[^A-Za-z0-9]+", "-");
    }
}
