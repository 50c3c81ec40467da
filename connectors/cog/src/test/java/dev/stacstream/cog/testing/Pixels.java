package dev.stacstream.cog.testing;

import java.util.Arrays;
import java.util.Objects;

/**
 * Decoded samples of one window, as both the reader and the GDAL oracle hand them over: {@code bands x
 * height x width} samples of a numpy dtype, band-sequential and little-endian.
 *
 * @param dtype numpy dtype name ({@code uint8}, {@code int16}, {@code float16}, ...)
 * @param data {@code bands * height * width * bytes(dtype)} bytes; not copied, compare with {@link PixelComparison}
 */
public record Pixels(String dtype, int bands, int width, int height, byte[] data) {

    public Pixels {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(data, "data");
        long expected = (long) bands * width * height * sampleBytes(dtype);
        if (data.length != expected) {
            throw new IllegalArgumentException(bands + "x" + height + "x" + width + " " + dtype + " samples need "
                    + expected + " bytes, got " + data.length);
        }
    }

    /** Bytes per sample of a numpy dtype name. */
    public static int sampleBytes(String dtype) {
        return switch (dtype) {
            case "uint8", "int8" -> Byte.BYTES;
            case "uint16", "int16", "float16" -> Short.BYTES;
            case "uint32", "int32", "float32" -> Integer.BYTES;
            case "uint64", "int64", "float64" -> Long.BYTES;
            default -> throw new IllegalArgumentException("unknown dtype " + dtype);
        };
    }

    public int sampleBytes() {
        return sampleBytes(dtype);
    }

    public int samples() {
        return bands * width * height;
    }

    /** {@code bands x height x width}, as numpy prints a shape. */
    public String shape() {
        return "(" + bands + ", " + height + ", " + width + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pixels p && dtype.equals(p.dtype) && bands == p.bands && width == p.width
                && height == p.height && Arrays.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, bands, width, height, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "Pixels[" + dtype + " " + shape() + "]";
    }
}
