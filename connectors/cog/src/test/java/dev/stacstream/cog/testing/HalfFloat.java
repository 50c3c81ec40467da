package dev.stacstream.cog.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Widens IEEE half-precision samples to float32, the type GDAL 3.6 returns for 16-bit float TIFFs.
 *
 * <p>Deliberately written arithmetically ({@code mantissa * 2^exponent}) rather than by bit shuffling, so
 * that it checks the reader's own conversion instead of repeating it. Every half value is exactly a
 * float; NaN payloads are not kept (comparisons treat all NaNs as equal).
 */
public final class HalfFloat {

    private static final int SIGN_BIT = 0x8000;
    private static final int EXPONENT_SHIFT = 10;
    private static final int EXPONENT_MASK = 0x1f;
    private static final int MANTISSA_MASK = 0x3ff;
    private static final int IMPLICIT_ONE = 0x400;
    /** A subnormal half is {@code mantissa * 2^-24}. */
    private static final int SUBNORMAL_SCALE = -24;
    /** A normal half is {@code (1024 + mantissa) * 2^(exponent - 15 - 10)}. */
    private static final int NORMAL_SCALE_OFFSET = -25;

    private HalfFloat() {}

    /** The value of a half-precision bit pattern (low 16 bits of {@code bits}). */
    public static float toFloat(int bits) {
        float sign = (bits & SIGN_BIT) != 0 ? -1f : 1f;
        int exponent = (bits >>> EXPONENT_SHIFT) & EXPONENT_MASK;
        int mantissa = bits & MANTISSA_MASK;
        if (exponent == EXPONENT_MASK) {
            return mantissa == 0 ? sign * Float.POSITIVE_INFINITY : Float.NaN;
        }
        if (exponent == 0) {
            return sign * Math.scalb((float) mantissa, SUBNORMAL_SCALE);
        }
        return sign * Math.scalb((float) (IMPLICIT_ONE | mantissa), exponent + NORMAL_SCALE_OFFSET);
    }

    /** The same samples as float32. */
    public static Pixels widen(Pixels half) {
        if (!half.dtype().equals("float16")) {
            throw new IllegalArgumentException("expected float16 samples, got " + half.dtype());
        }
        ByteBuffer in = ByteBuffer.wrap(half.data()).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(half.samples() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        while (in.hasRemaining()) {
            out.putFloat(toFloat(in.getShort() & 0xffff));
        }
        return new Pixels("float32", half.bands(), half.width(), half.height(), out.array());
    }
}
