package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Predictors 2 and 3 undo the test-side forward transforms, and match hand-computed rows. */
class PredictorsTest {

    private static final long SEED = 99L;
    private static final int WIDTH = 37;
    private static final int ROWS = 5;
    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> horizontalCases() {
        return cases(new int[] {8, 16, 32, 64}, new int[] {1, 3});
    }

    static Stream<Arguments> floatingPointCases() {
        return cases(new int[] {16, 32, 64}, new int[] {1, 2});
    }

    private static Stream<Arguments> cases(int[] bitDepths, int[] sampleCounts) {
        List<Arguments> cases = new ArrayList<>();
        for (int bits : bitDepths) {
            for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                for (int samples : sampleCounts) {
                    cases.add(Arguments.of(bits, order, samples));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}-bit {1} x{2}")
    @MethodSource("horizontalCases")
    void horizontalDifferencingRoundTrips(int bits, ByteOrder order, int samples) {
        BlockEncoding enc = TestBlocks.encoding(8, WIDTH, ROWS, samples, bits, order);
        byte[] original = TestBlocks.Pattern.RANDOM.fill(enc.decodedBytes(), SEED + bits);
        byte[] data = PredictorEncoder.horizontal(original, enc);

        Predictors.undo(Predictors.HORIZONTAL, data, enc);

        assertThat(data).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}-bit {1} x{2}")
    @MethodSource("floatingPointCases")
    void floatingPointPredictorRoundTrips(int bits, ByteOrder order, int samples) {
        BlockEncoding enc = TestBlocks.encoding(8, WIDTH, ROWS, samples, bits, order);
        byte[] original = TestBlocks.Pattern.RANDOM.fill(enc.decodedBytes(), SEED + bits);
        byte[] data = PredictorEncoder.floatingPoint(original, enc);

        Predictors.undo(Predictors.FLOATING_POINT, data, enc);

        assertThat(data).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}-bit {1} x{2}: {3} -> {4}")
    @CsvSource({
        // deltas 1, 2, -1 sum to 1, 3, 2
        "16, LITTLE_ENDIAN, 1, 01000200ffff, 010003000200",
        "16, BIG_ENDIAN,    1, 00010002ffff, 000100030002",
        // the sum wraps around: 0xffff + 2 = 0x0001
        "16, LITTLE_ENDIAN, 1, ffff0200, ffff0100",
        // two channels, each summed on its own
        "8,  LITTLE_ENDIAN, 2, 0a140105, 0a140b19",
        // float32 1.5f (0x3fc00000) followed by a difference of 0x00400000 gives 2.0f (0x40000000)
        "32, BIG_ENDIAN,    1, 3fc0000000400000, 3fc0000040000000",
    })
    void horizontalDifferencingMatchesHandComputedRows(int bits, String order, int samples, String in, String out) {
        byte[] data = HEX.parseHex(in);
        int width = data.length / samples / (bits / 8);
        BlockEncoding enc = TestBlocks.encoding(8, width, 1, samples, bits, byteOrder(order));

        Predictors.undo(Predictors.HORIZONTAL, data, enc);

        assertThat(HEX.formatHex(data)).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
        // 1.0f, 2.0f: planes (MSB first) 3f 40 | 80 00 | 00 00 | 00 00, differenced byte by byte
        "LITTLE_ENDIAN, 3f01408000000000, 0000803f00000040",
        "BIG_ENDIAN,    3f01408000000000, 3f80000040000000",
    })
    void floatingPointPredictorMatchesHandComputedRow(String order, String in, String out) {
        byte[] data = HEX.parseHex(in);
        BlockEncoding enc = TestBlocks.encoding(8, 2, 1, 1, 32, byteOrder(order));

        Predictors.undo(Predictors.FLOATING_POINT, data, enc);

        assertThat(HEX.formatHex(data)).isEqualTo(out);
    }

    @Test
    void predictorOneLeavesTheDataAlone() {
        byte[] data = {1, 2, 3, 4};

        Predictors.undo(Predictors.NONE, data, TestBlocks.encoding(8, 4, 1, 1, 8, ByteOrder.LITTLE_ENDIAN));

        assertThat(data).containsExactly(1, 2, 3, 4);
    }

    @ParameterizedTest(name = "predictor {0} on {1}-bit")
    @CsvSource({
        "4, 16, 'predictor 4 is not supported (only 1, 2 and 3)'",
        "3, 8,  'predictor 3 on 8-bit samples is not supported (only 16, 32 and 64-bit floats)'",
        "2, 24, 'predictor 2 on 24-bit samples is not supported (only 8, 16, 32, 64)'",
    })
    void unknownCombinationsAreUnsupported(int predictor, int bits, String message) {
        BlockEncoding enc = TestBlocks.encoding(8, 4, 1, 1, bits, ByteOrder.LITTLE_ENDIAN);
        byte[] data = new byte[enc.decodedBytes()];

        assertThatThrownBy(() -> Predictors.undo(predictor, data, enc))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.isUnsupported()).isTrue())
                .hasMessage(message);
    }

    private static ByteOrder byteOrder(String name) {
        return name.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }
}
