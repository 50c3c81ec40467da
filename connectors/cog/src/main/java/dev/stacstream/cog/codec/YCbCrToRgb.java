package dev.stacstream.cog.codec;

/**
 * JFIF YCbCr to RGB conversion with libjpeg's fixed-point arithmetic ({@code jdcolor.c}), so decoded JPEG
 * tiles match what GDAL returns when libtiff decodes with {@code JPEGCOLORMODE_RGB}:
 * <pre>
 *   R = Y + 1.40200 * (Cr - 128)
 *   G = Y - 0.34414 * (Cb - 128) - 0.71414 * (Cr - 128)
 *   B = Y + 1.77200 * (Cb - 128)
 * </pre>
 * with 16 fractional bits, the red and blue terms rounded to the nearest integer, the green sum rounded
 * once, and every result clamped to [0, 255]. libjpeg precomputes these terms into 256-entry tables; the
 * arithmetic here is the same, just not tabulated.
 */
final class YCbCrToRgb {

    private static final int SCALE_BITS = 16;
    private static final int ONE_HALF = 1 << (SCALE_BITS - 1);
    private static final int CENTER = 128;
    private static final int MAX_SAMPLE = 255;
    private static final int CR_TO_R = fix(1.40200);
    private static final int CB_TO_B = fix(1.77200);
    private static final int CR_TO_G = fix(0.71414);
    private static final int CB_TO_G = fix(0.34414);
    private static final int CHANNELS = 3;

    private YCbCrToRgb() {
    }

    /** Converts {@code pixels} interleaved Y, Cb, Cr triplets starting at {@code offset} to R, G, B in place. */
    static void convertInPlace(byte[] data, int offset, int pixels) {
        int end = offset + pixels * CHANNELS;
        for (int i = offset; i < end; i += CHANNELS) {
            int y = data[i] & 0xFF;
            int cb = (data[i + 1] & 0xFF) - CENTER;
            int cr = (data[i + 2] & 0xFF) - CENTER;
            data[i] = clamp(y + ((CR_TO_R * cr + ONE_HALF) >> SCALE_BITS));
            data[i + 1] = clamp(y + ((-CB_TO_G * cb - CR_TO_G * cr + ONE_HALF) >> SCALE_BITS));
            data[i + 2] = clamp(y + ((CB_TO_B * cb + ONE_HALF) >> SCALE_BITS));
        }
    }

    private static byte clamp(int value) {
        return (byte) (value < 0 ? 0 : Math.min(value, MAX_SAMPLE));
    }

    /** libjpeg's FIX(x): x in 16.16 fixed point, rounded. */
    private static int fix(double x) {
        return (int) (x * (1 << SCALE_BITS) + 0.5);
    }
}
