package dev.stacstream.cog.codec;

import java.nio.ByteOrder;

/**
 * How one block (tile or strip) of an IFD is encoded: everything a {@link Decompressor} and the
 * {@link Predictors} need, and nothing about where the bytes came from.
 *
 * @param compression TIFF Compression tag value (1 none, 5 LZW, 7 JPEG, 8/32946 DEFLATE, 32773 PackBits, 50000 ZSTD)
 * @param width block width in pixels (tile width, or image width for strips)
 * @param rows rows in this block (tile height, or the rows of this strip, fewer for the last strip)
 * @param samples samples per pixel stored in this block (SamplesPerPixel when chunky, 1 when planar)
 * @param bitsPerSample bits of one sample (8, 16, 32 or 64)
 * @param photometric TIFF PhotometricInterpretation (2 RGB, 6 YCbCr, 1 MinIsBlack, ...)
 * @param jpegTables the JPEGTables tag (an abbreviated JPEG stream with DQT/DHT), or {@code null}
 * @param byteOrder the file's byte order
 */
public record BlockEncoding(
        int compression,
        int width,
        int rows,
        int samples,
        int bitsPerSample,
        int photometric,
        byte[] jpegTables,
        ByteOrder byteOrder) {

    /** Decoded size of this block in bytes: {@code width * rows * samples * bitsPerSample / 8}. */
    public int decodedBytes() {
        long n = (long) width * rows * samples * (bitsPerSample / 8);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("block of " + width + "x" + rows + "x" + samples
                    + " samples at " + bitsPerSample + " bits exceeds 2 GiB");
        }
        return (int) n;
    }

    /** Bytes in one row of this block. */
    public int rowBytes() {
        return width * samples * (bitsPerSample / 8);
    }

    /** Bytes of one sample: {@code bitsPerSample / 8}. */
    public int bytesPerSample() {
        return bitsPerSample / 8;
    }

    /** The block's shape for error messages: {@code "256x256 block of 3 x 8-bit samples (196608 bytes)"}. */
    public String describe() {
        return width + "x" + rows + " block of " + samples + " x " + bitsPerSample + "-bit samples ("
                + (long) width * rows * samples * (bitsPerSample / 8) + " bytes)";
    }
}
