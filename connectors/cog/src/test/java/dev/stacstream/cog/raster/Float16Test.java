package dev.stacstream.cog.raster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Float16Test {

    @Test
    void everyHalfRoundTripsThroughFloat() {
        for (int h = 0; h <= 0xffff; h++) {
            float f = Float16.toFloat((short) h);
            short back = Float16.fromFloat(f);
            if (Float.isNaN(f)) {
                assertThat(Float.isNaN(Float16.toFloat(back))).as("NaN 0x%04x", h).isTrue();
            } else {
                assertThat(back & 0xffff).as("half 0x%04x (%s)", h, f).isEqualTo(h);
            }
        }
    }

    @ParameterizedTest(name = "0x{0} = {1}")
    @CsvSource({"3c00, 1.0", "c000, -2.0", "7bff, 65504.0", "0001, 5.9604645E-8", "0400, 6.1035156E-5",
        "7c00, Infinity", "fc00, -Infinity", "3555, 0.33325195"})
    void knownValues(String hex, float expected) {
        assertThat(Float16.toFloat((short) Integer.parseInt(hex, 16))).isEqualTo(expected);
    }

    @Test
    void roundsToNearestEvenAndOverflowsToInfinity() {
        assertThat(Float16.fromFloat(1.0f + 0x1p-11f)).isEqualTo((short) 0x3c00); // halfway, even stays
        assertThat(Float16.fromFloat(1.0f + 0x1p-11f + 0x1p-20f)).isEqualTo((short) 0x3c01);
        assertThat(Float16.fromFloat(70000f)).isEqualTo((short) 0x7c00);
    }
}
