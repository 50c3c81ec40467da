package dev.stacstream.cog.raster;

/** IEEE 754 half-precision conversions (Java 17 has no {@code Float.float16ToFloat}). */
public final class Float16 {

    private static final int EXPONENT_MASK = 0x1f;
    private static final int MANTISSA_BITS = 10;
    private static final int MANTISSA_MASK = 0x3ff;
    private static final int EXPONENT_BIAS_DELTA = 127 - 15;

    private Float16() {}

    /** The float value of the half-precision bit pattern {@code bits} (exact: every half is a float). */
    public static float toFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h >>> 15) << 31;
        int exponent = (h >>> MANTISSA_BITS) & EXPONENT_MASK;
        int mantissa = h & MANTISSA_MASK;
        if (exponent == EXPONENT_MASK) {
            // Inf or NaN: keep the payload in the top mantissa bits, as a float widening does.
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            if (mantissa == 0) {
                return Float.intBitsToFloat(sign);
            }
            // Subnormal half: value = mantissa * 2^-24, exactly representable as a normal float.
            float value = mantissa * 0x1p-24f;
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exponent + EXPONENT_BIAS_DELTA) << 23) | (mantissa << 13));
    }

    /** The half-precision bit pattern nearest to {@code value} (round half to even; overflow to infinity). */
    public static short fromFloat(float value) {
        int f = Float.floatToRawIntBits(value);
        int sign = (f >>> 16) & 0x8000;
        int exponent = ((f >>> 23) & 0xff) - EXPONENT_BIAS_DELTA;
        int mantissa = f & 0x7fffff;
        if (((f >>> 23) & 0xff) == 0xff) {
            return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 | (mantissa >>> 13) : 0));
        }
        if (exponent >= EXPONENT_MASK) {
            return (short) (sign | 0x7c00);
        }
        if (exponent <= 0) {
            if (exponent < -MANTISSA_BITS) {
                return (short) sign;
            }
            mantissa |= 0x800000;
            int shift = 14 - exponent;
            int half = mantissa >>> shift;
            int rest = mantissa & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (rest > halfway || (rest == halfway && (half & 1) != 0)) {
                half++;
            }
            return (short) (sign | half);
        }
        int half = (exponent << MANTISSA_BITS) | (mantissa >>> 13);
        int rest = mantissa & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) != 0)) {
            half++;
        }
        return (short) (sign | half);
    }
}
