package dev.stacstream.cog.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HalfFloatTest {

    @ParameterizedTest(name = "half 0x{0} = {1}")
    @CsvSource({
        "3c00, 1.0",
        "c000, -2.0",
        "3555, 0.333251953125",
        "7bff, 65504.0",
        "fbff, -65504.0",
        "0400, 6.103515625E-5",      // smallest normal, 2^-14
        "03ff, 6.097555160522461E-5", // largest subnormal, 1023 * 2^-24
        "0001, 5.960464477539063E-8", // smallest subnormal, 2^-24
        "0000, 0.0",
        "7c00, Infinity",
        "fc00, -Infinity",
    })
    void widensExactly(String hex, double expected) {
        assertThat((double) HalfFloat.toFloat(Integer.parseInt(hex, 16))).isEqualTo(expected);
    }

    @Test
    void keepsTheSignOfZeroAndRecognisesNaN() {
        assertThat(Float.floatToRawIntBits(HalfFloat.toFloat(0x8000))).isEqualTo(Float.floatToRawIntBits(-0.0f));
        assertThat(HalfFloat.toFloat(0x7e00)).isNaN();
        assertThat(HalfFloat.toFloat(0xfd01)).isNaN();
    }

    @Test
    void widensPixelsSampleBySample() {
        byte[] half = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x3c00).putShort((short) 0xc000).array();

        Pixels widened = HalfFloat.widen(new Pixels("float16", 1, 2, 1, half));

        ByteBuffer out = ByteBuffer.wrap(widened.data()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(widened.dtype()).isEqualTo("float32");
        assertThat(out.getFloat(0)).isEqualTo(1.0f);
        assertThat(out.getFloat(4)).isEqualTo(-2.0f);
    }

    @Test
    void refusesOtherTypes() {
        assertThatThrownBy(() -> HalfFloat.widen(new Pixels("uint16", 1, 1, 1, new byte[2])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uint16");
    }
}
