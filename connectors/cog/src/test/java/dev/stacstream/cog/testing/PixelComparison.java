package dev.stacstream.cog.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;

/**
 * Compares the reader's pixels with GDAL's and, when they differ, says exactly where and by how much.
 *
 * <p>Integers must be bit-identical, except that JPEG samples may differ by {@link #JPEG_TOLERANCE}
 * levels (two correct IDCT and upsampling implementations need not agree to the last bit). Floats are
 * compared by bit pattern, except that any NaN equals any NaN (payloads are not portable across the
 * half-to-float widening GDAL applies). float16 samples from the reader are widened to float32 first,
 * because GDAL 3.6 returns 16-bit float TIFFs as float32.
 */
public final class PixelComparison {

    /** Levels by which one 8-bit JPEG sample may differ between two decoders. */
    public static final int JPEG_TOLERANCE = 2;
    /** Bit-identical. */
    public static final int EXACT = 0;

    private PixelComparison() {}

    /** The tolerance for a file whose GDAL compression name is {@code compression} ("JPEG", "YCbCr JPEG", ...). */
    public static int toleranceFor(String compression) {
        return compression.toUpperCase(Locale.ROOT).contains("JPEG") ? JPEG_TOLERANCE : EXACT;
    }

    /**
     * Throws an {@link AssertionError} naming {@code what}, the number of differing samples and the first
     * one (band, row, column, both values) unless {@code ours} matches {@code gdal}.
     */
    public static void assertMatches(String what, Pixels ours, Pixels gdal, int tolerance) {
        if (ours.bands() != gdal.bands() || ours.width() != gdal.width() || ours.height() != gdal.height()) {
            throw new AssertionError(what + ": shape (bands, rows, cols) ours " + ours.shape() + " vs GDAL " + gdal.shape());
        }
        Pixels comparable = ours.dtype().equals("float16") && gdal.dtype().equals("float32") ? HalfFloat.widen(ours) : ours;
        if (!comparable.dtype().equals(gdal.dtype())) {
            throw new AssertionError(what + ": dtype ours " + ours.dtype() + " vs GDAL " + gdal.dtype());
        }
        if (Arrays.equals(comparable.data(), gdal.data())) {
            return;
        }
        SampleView a = new SampleView(comparable);
        SampleView b = new SampleView(gdal);
        long differing = 0;
        int first = -1;
        for (int i = 0; i < a.count(); i++) {
            if (!a.matches(b, i, tolerance)) {
                differing++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (differing == 0) {
            return;
        }
        int plane = gdal.width() * gdal.height();
        int band = first / plane;
        int row = first % plane / gdal.width();
        int col = first % gdal.width();
        throw new AssertionError(String.format(Locale.ROOT,
                "%s: %d of %d %s samples differ (tolerance %d); first at band %d row %d col %d: ours %s vs GDAL %s",
                what, differing, a.count(), gdal.dtype(), tolerance, band, row, col, a.text(first), b.text(first)));
    }

    /** Typed, indexed access to little-endian samples. */
    private static final class SampleView {
        private final Pixels pixels;
        private final ByteBuffer buffer;
        private final int bytes;

        SampleView(Pixels pixels) {
            this.pixels = pixels;
            this.buffer = ByteBuffer.wrap(pixels.data()).order(ByteOrder.LITTLE_ENDIAN);
            this.bytes = pixels.sampleBytes();
        }

        int count() {
            return pixels.samples();
        }

        boolean matches(SampleView other, int i, int tolerance) {
            switch (pixels.dtype()) {
                case "float32": {
                    float x = buffer.getFloat(i * bytes);
                    float y = other.buffer.getFloat(i * bytes);
                    return Float.floatToRawIntBits(x) == Float.floatToRawIntBits(y) || (Float.isNaN(x) && Float.isNaN(y));
                }
                case "float64": {
                    double x = buffer.getDouble(i * bytes);
                    double y = other.buffer.getDouble(i * bytes);
                    return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y) || (Double.isNaN(x) && Double.isNaN(y));
                }
                default: {
                    long x = integer(i);
                    long y = other.integer(i);
                    return x == y || (tolerance > 0 && Math.abs(x - y) <= tolerance && bytes < Long.BYTES);
                }
            }
        }

        /** The sample as a long: sign-extended for signed types, zero-extended for unsigned (uint64 keeps its bits). */
        long integer(int i) {
            int at = i * bytes;
            boolean signed = pixels.dtype().startsWith("int");
            return switch (bytes) {
                case Byte.BYTES -> signed ? buffer.get(at) : buffer.get(at) & 0xffL;
                case Short.BYTES -> signed ? buffer.getShort(at) : buffer.getShort(at) & 0xffffL;
                case Integer.BYTES -> signed ? buffer.getInt(at) : buffer.getInt(at) & 0xffff_ffffL;
                default -> buffer.getLong(at);
            };
        }

        String text(int i) {
            int at = i * bytes;
            return switch (pixels.dtype()) {
                case "float32" -> {
                    float v = buffer.getFloat(at);
                    yield v + String.format(Locale.ROOT, " (0x%08x)", Float.floatToRawIntBits(v));
                }
                case "float64" -> {
                    double v = buffer.getDouble(at);
                    yield v + String.format(Locale.ROOT, " (0x%016x)", Double.doubleToRawLongBits(v));
                }
                case "uint64" -> Long.toUnsignedString(buffer.getLong(at));
                default -> Long.toString(integer(i));
            };
        }
    }
}
