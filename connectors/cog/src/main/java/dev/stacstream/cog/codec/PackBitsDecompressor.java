package dev.stacstream.cog.codec;

import java.util.Locale;
import java.util.Objects;

/**
 * Compression 32773: Apple PackBits run-length encoding (TIFF 6.0 section 9). A header byte {@code n} in
 * [0, 127] is followed by {@code n + 1} literal bytes, a header in [-127, -1] by one byte repeated
 * {@code 1 - n} times, and -128 is a no-op. Decoding stops once the block is full.
 */
final class PackBitsDecompressor implements Decompressor {

    private static final String CODEC = "PackBits";
    private static final int NO_OP = -128;

    @Override
    public byte[] decompress(byte[] src, int offset, int length, BlockEncoding encoding) {
        Objects.checkFromIndexSize(offset, length, src.length);
        int needed = encoding.decodedBytes();
        byte[] out = new byte[needed];
        int in = offset;
        int end = offset + length;
        int produced = 0;
        while (produced < needed && in < end) {
            int header = src[in++];
            if (header >= 0) {
                int count = Math.min(header + 1, needed - produced);
                if (in + count > end) {
                    throw CodecException.corrupt(String.format(Locale.ROOT,
                            "%s literal run of %d bytes at stream byte %d overruns the %d-byte stream",
                            CODEC, header + 1, in - 1 - offset, length));
                }
                System.arraycopy(src, in, out, produced, count);
                in += header + 1;
                produced += count;
            } else if (header != NO_OP) {
                if (in >= end) {
                    break;
                }
                int count = Math.min(1 - header, needed - produced);
                byte value = src[in++];
                for (int i = 0; i < count; i++) {
                    out[produced + i] = value;
                }
                produced += count;
            }
        }
        if (produced < needed) {
            throw ShortBlock.error(CODEC, length, produced, encoding);
        }
        return out;
    }
}
