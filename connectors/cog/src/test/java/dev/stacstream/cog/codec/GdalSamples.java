package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Puts a decoded block in the form GDAL's raw ENVI output has (little-endian; float16 widened to
 * float32, as GDAL presents half floats) and compares the two.
 */
final class GdalSamples {

    private static final int HALF_EXPONENT_MASK = 0x1F;
    private static final int HALF_MANTISSA_BITS = 10;
    private static final int FLOAT_MANTISSA_BITS = 23;
    /** float32 exponent bias minus float16 exponent bias. */
    private static final int EXPONENT_REBIAS = 127 - 15;

    private GdalSamples() {
    }

    /** The decoded block (after predictor undo, in the file's byte order) as GDAL returns those samples. */
    static byte[] asGdalReturnsThem(byte[] block, BlockEncoding enc, boolean halfFloat) {
        ByteBuffer in = ByteBuffer.wrap(block).order(enc.byteOrder());
        int bytes = enc.bytesPerSample();
        int count = block.length / bytes;
        ByteBuffer out = ByteBuffer.allocate(halfFloat ? count * Float.BYTES : block.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            switch (bytes) {
                case 1 -> out.put(in.get(i));
                case 2 -> {
                    short value = in.getShort(i * 2);
                    if (halfFloat) {
                        out.putFloat(halfToFloat(value));
                    } else {
                        out.putShort(value);
                    }
                }
                case 4 -> out.putInt(in.getInt(i * 4));
                case 8 -> out.putLong(in.getLong(i * 8));
                default -> throw new IllegalArgumentException(bytes + "-byte samples");
            }
        }
        return out.array();
    }

    /** Exact comparison, or for 8-bit samples a per-sample tolerance (JPEG decoders may round differently). */
    static void assertMatches(byte[] actual, byte[] expected, int tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        if (tolerance == 0) {
            assertThat(actual).isEqualTo(expected);
            return;
        }
        int worst = 0;
        int worstAt = -1;
        for (int i = 0; i < actual.length; i++) {
            int diff = Math.abs((actual[i] & 0xFF) - (expected[i] & 0xFF));
            if (diff > worst) {
                worst = diff;
                worstAt = i;
            }
        }
        assertThat(worst).as("largest sample difference (at sample %d)", worstAt).isLessThanOrEqualTo(tolerance);
    }

    /** IEEE 754 binary16 to binary32; every half float is exactly representable. */
    static float halfToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> HALF_MANTISSA_BITS) & HALF_EXPONENT_MASK;
        int mantissa = bits & ((1 << HALF_MANTISSA_BITS) - 1);
        int shift = FLOAT_MANTISSA_BITS - HALF_MANTISSA_BITS;
        if (exponent == HALF_EXPONENT_MASK) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << shift));
        }
        if (exponent == 0) {
            float subnormal = mantissa * 0x1p-24f;
            return sign != 0 ? -subnormal : subnormal;
        }
        return Float.intBitsToFloat(sign | ((exponent + EXPONENT_REBIAS) << FLOAT_MANTISSA_BITS) | (mantissa << shift));
    }
}
