package dev.stacstream.job.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.cog.raster.DataType;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.job.mask.testing.TestRasters;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SCL class and QA bit rules on every integer mask type, against the predicate they stand for. */
class PixelValueRulesTest {

    private static final int WIDTH = 16;
    private static final int HEIGHT = 9;

    static Stream<Arguments> cases() {
        IntPredicate defaultScl = v -> Set.of(0, 1, 3, 8, 9, 10).contains(v);
        IntPredicate fillAndClouds = v -> (v & 0b11111) != 0;
        IntPredicate cirrusConfidenceHigh = v -> (v & (1 << 14 | 1 << 15)) != 0;
        return Stream.of(
                Arguments.of("default SCL classes on uint8", MaskRule.sclClasses(MaskRule.DEFAULT_SCL_EXCLUDED), DataType.UINT8,
                        defaultScl, 0, 12),
                Arguments.of("default SCL classes on int16", MaskRule.sclClasses(MaskRule.DEFAULT_SCL_EXCLUDED), DataType.INT16,
                        defaultScl, -300, 300),
                Arguments.of("default SCL classes on int32", MaskRule.sclClasses(MaskRule.DEFAULT_SCL_EXCLUDED), DataType.INT32,
                        defaultScl, -70000, 70000),
                Arguments.of("QA bits 0-4 on uint16", MaskRule.landsatQaBits(0, 1, 2, 3, 4), DataType.UINT16, fillAndClouds, 0,
                        65535),
                Arguments.of("QA bits 14 and 15 on uint16", MaskRule.landsatQaBits(14, 15), DataType.UINT16, cirrusConfidenceHigh,
                        0, 65535),
                Arguments.of("QA bits 0-4 on int8", MaskRule.landsatQaBits(0, 1, 2, 3, 4), DataType.INT8, fillAndClouds, -128,
                        127));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void masksExactlyThePixelsThePredicateExcludes(String name, MaskRule rule, DataType type, IntPredicate excluded, int lo,
            int hi) {
        double[] values = new double[WIDTH * HEIGHT];
        for (int i = 0; i < values.length; i++) {
            values[i] = lo + (long) (hi - lo) * i / (values.length - 1);
        }
        values[3] = 22280; // a real QA_PIXEL value (cloud), and a class no SCL has, where the type holds it
        values[5] = 9; // SCL cloud high probability; QA fill + cloud
        values[6] = 4; // SCL vegetation; QA clear of bits 0-1
        Raster raster = TestRasters.of(type, WIDTH, HEIGHT, values);
        MaskLayer layer = MaskLayer.whole(raster, 1, OptionalDouble.empty());
        byte[] valid = new byte[WIDTH * HEIGHT];
        MaskEvaluator evaluator = rule.newEvaluator();
        // evaluate twice to cover the evaluator's reuse of its table
        for (int pass = 0; pass < 2; pass++) {
            evaluator.evaluate(layer, 0, 0, WIDTH, HEIGHT, valid);
            int excludedCount = 0;
            for (int i = 0; i < valid.length; i++) {
                int v = (int) raster.getDouble(0, i / WIDTH, i % WIDTH);
                assertThat(valid[i]).as("value %d", v).isEqualTo(excluded.test(v) ? (byte) 0 : (byte) 1);
                excludedCount += excluded.test(v) ? 1 : 0;
            }
            assertThat(excludedCount).isPositive().isLessThan(valid.length);
        }
    }

    @Test
    void evaluatesASubRectangleOfTheLayer() {
        Raster raster = TestRasters.of(DataType.UINT8, 4, 3, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        MaskLayer layer = new MaskLayer(raster, 10, 20, 100, 100, 2, OptionalDouble.of(0));
        byte[] valid = new byte[4];
        MaskRule.sclClasses(Set.of(5, 10)).newEvaluator().evaluate(layer, 11, 21, 2, 2, valid);
        // pixels (11,21)=5 (12,21)=6 (11,22)=9 (12,22)=10
        assertThat(valid).containsExactly(0, 1, 1, 0);
    }

    @Test
    void rejectsParametersOutsideTheirFields() {
        assertThatThrownBy(() -> MaskRule.sclClasses(Set.of(3, 256))).hasMessageContaining("SCL class must be in [0, 255], got 256");
        assertThatThrownBy(() -> MaskRule.landsatQaBits(16)).hasMessageContaining("bit must be in [0, 16), got 16");
        assertThatThrownBy(() -> MaskRule.landsatQaBits()).hasMessageContaining("at least one bit");
    }

    @Test
    void rulesAreValuesWithReadableDescriptions() {
        assertThat(MaskRule.sclClasses(Set.of(9, 3, 8))).isEqualTo(MaskRule.sclClasses(Set.of(3, 8, 9)))
                .hasToString("MaskRule.sclClasses(exclude [3, 8, 9])");
        assertThat(MaskRule.landsatQaBits(4, 0, 3)).isEqualTo(MaskRule.landsatQaBits(0, 3, 4))
                .hasToString("MaskRule.landsatQaBits([0, 3, 4])");
        assertThat(MaskRule.none().haloPixels()).isZero();
        assertThat(MaskRule.none().needsMaskLayer()).isFalse();
        assertThat(MaskRule.sclClasses(Set.of(3)).haloPixels()).isZero();
    }
}
