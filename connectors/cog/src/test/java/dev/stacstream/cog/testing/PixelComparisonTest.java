package dev.stacstream.cog.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class PixelComparisonTest {

    @Test
    void equalPixelsMatch() {
        Pixels a = uint16(2, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

        assertThatCode(() -> PixelComparison.assertMatches("same", a, uint16(2, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 0))
                .doesNotThrowAnyException();
    }

    @Test
    void namesTheFirstDifferingSampleByBandRowAndColumn() {
        Pixels ours = uint16(2, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        Pixels gdal = uint16(2, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99, 98);

        assertThatThrownBy(() -> PixelComparison.assertMatches("f.tif level 0", ours, gdal, 0))
                .isInstanceOf(AssertionError.class)
                .hasMessage("f.tif level 0: 2 of 12 uint16 samples differ (tolerance 0); first at band 1 row 2 col 0: ours 11 vs GDAL 99");
    }

    @Test
    void toleranceAllowsSmallDifferencesOnly() {
        Pixels ours = new Pixels("uint8", 1, 3, 1, new byte[] {10, 20, (byte) 200});

        assertThatCode(() -> PixelComparison.assertMatches("jpeg", ours, new Pixels("uint8", 1, 3, 1, new byte[] {12, 18, (byte) 201}),
                PixelComparison.JPEG_TOLERANCE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PixelComparison.assertMatches("jpeg", ours, new Pixels("uint8", 1, 3, 1, new byte[] {13, 20, (byte) 200}),
                PixelComparison.JPEG_TOLERANCE)).hasMessageContaining("first at band 0 row 0 col 0: ours 10 vs GDAL 13");
    }

    @Test
    void anyNaNEqualsAnyNaNButOtherFloatsCompareByBits() {
        Pixels ours = float32(Float.intBitsToFloat(0x7fc00123), 0.0f);

        assertThatCode(() -> PixelComparison.assertMatches("nan", ours, float32(Float.NaN, 0.0f), 0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PixelComparison.assertMatches("zero", ours, float32(Float.NaN, -0.0f), 0))
                .hasMessageContaining("ours 0.0 (0x00000000) vs GDAL -0.0 (0x80000000)");
    }

    @Test
    void widensHalfFloatsBeforeComparingWithGdalsFloat32() {
        Pixels half = new Pixels("float16", 1, 2, 1,
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x3c00).putShort((short) 0x7e00).array());

        assertThatCode(() -> PixelComparison.assertMatches("half", half, float32(1.0f, Float.NaN), 0)).doesNotThrowAnyException();
    }

    @Test
    void reportsShapeAndTypeMismatches() {
        assertThatThrownBy(() -> PixelComparison.assertMatches("shape", uint16(2, 3, new int[6]), uint16(3, 2, new int[6]), 0))
                .hasMessage("shape: shape (bands, rows, cols) ours (1, 3, 2) vs GDAL (1, 2, 3)");
        assertThatThrownBy(() -> PixelComparison.assertMatches("type", new Pixels("int16", 1, 1, 1, new byte[2]),
                new Pixels("uint16", 1, 1, 1, new byte[2]), 0))
                .hasMessage("type: dtype ours int16 vs GDAL uint16");
    }

    @Test
    void printsUnsigned64BitValuesUnsigned() {
        byte[] max = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(-1L).array();

        assertThatThrownBy(() -> PixelComparison.assertMatches("u64", new Pixels("uint64", 1, 1, 1, max),
                new Pixels("uint64", 1, 1, 1, new byte[8]), 0))
                .hasMessageContaining("ours 18446744073709551615 vs GDAL 0");
    }

    @Test
    void jpegToleranceFollowsGdalsCompressionName() {
        assertThat(PixelComparison.toleranceFor("YCbCr JPEG")).isEqualTo(PixelComparison.JPEG_TOLERANCE);
        assertThat(PixelComparison.toleranceFor("DEFLATE")).isEqualTo(PixelComparison.EXACT);
    }

    /** As many bands of {@code height x width} uint16 samples as {@code samples} holds, band-sequential. */
    private static Pixels uint16(int width, int height, int... samples) {
        ByteBuffer out = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int s : samples) {
            out.putShort((short) s);
        }
        return new Pixels("uint16", samples.length / (width * height), width, height, out.array());
    }

    private static Pixels float32(float... samples) {
        ByteBuffer out = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) {
            out.putFloat(s);
        }
        return new Pixels("float32", 1, samples.length, 1, out.array());
    }
}
