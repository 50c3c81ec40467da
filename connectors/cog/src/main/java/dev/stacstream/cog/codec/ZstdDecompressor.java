package dev.stacstream.cog.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Compression 50000: a Zstandard stream (one or more frames) per block, decoded with zstd-jni.
 *
 * <p>A stream that holds more than the block is accepted and cut to the block's size, as libtiff does;
 * that rare case goes through the streaming decoder, the common one decodes in one native call.
 */
final class ZstdDecompressor implements Decompressor {

    private static final String CODEC = "ZSTD";

    @Override
    public byte[] decompress(byte[] src, int offset, int length, BlockEncoding encoding) {
        Objects.checkFromIndexSize(offset, length, src.length);
        int needed = encoding.decodedBytes();
        byte[] out = new byte[needed];
        long produced;
        try {
            produced = Zstd.decompressByteArray(out, 0, needed, src, offset, length);
        } catch (ZstdException e) {
            if (e.getErrorCode() == Zstd.errDstSizeTooSmall()) {
                return decodePrefix(src, offset, length, encoding, out);
            }
            throw CodecException.corrupt(CODEC + " stream of " + length + " bytes is corrupt: " + e.getMessage(), e);
        }
        if (produced < needed) {
            throw ShortBlock.error(CODEC, length, (int) produced, encoding);
        }
        return out;
    }

    /** Decodes only the first {@code out.length} bytes of a stream that holds more. */
    private static byte[] decodePrefix(byte[] src, int offset, int length, BlockEncoding encoding, byte[] out) {
        try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(src, offset, length))) {
            int produced = in.readNBytes(out, 0, out.length);
            if (produced < out.length) {
                throw ShortBlock.error(CODEC, length, produced, encoding);
            }
            return out;
        } catch (IOException e) {
            throw CodecException.corrupt(CODEC + " stream of " + length + " bytes is corrupt: " + e.getMessage(), e);
        }
    }
}
