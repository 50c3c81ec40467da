package dev.stacstream.cog.codec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Compression 1: the block is stored as raw samples. Bytes past the block's size are ignored (some writers
 * pad strips); fewer bytes than the block needs are corrupt.
 */
final class UncompressedDecompressor implements Decompressor {

    @Override
    public byte[] decompress(byte[] src, int offset, int length, BlockEncoding encoding) {
        Objects.checkFromIndexSize(offset, length, src.length);
        int needed = encoding.decodedBytes();
        if (length < needed) {
            throw CodecException.corrupt(String.format(Locale.ROOT,
                    "uncompressed block has %d bytes, but the %s needs %d",
                    length, encoding.describe(), needed));
        }
        // A copy, not the caller's buffer: predictors and byte swapping then work in place on it.
        return Arrays.copyOfRange(src, offset, offset + needed);
    }
}
