package dev.stacstream.cog.codec;

import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Compression 8 and 32946: a zlib stream (RFC 1950) per block, inflated by the JDK's {@link Inflater} (the
 * system zlib). The reference behaviour for DEFLATE: {@link LibdeflateDecompressor} gives the same bytes and
 * errors, and falls back to this class for the streams libdeflate refuses.
 *
 * <p>This is the hot path of Sentinel-2 and most COGs, so it inflates straight into the output array
 * with one {@link Inflater} per thread, reset between blocks (each new Inflater allocates and later frees
 * native zlib state and a 32 KiB window, a noticeable cost per small tile). It stops as soon as the block
 * is full, as libtiff's zlib path does: a stream that holds more than the block is cut to it, and a stream
 * whose Adler-32 trailer is missing is accepted. zlib does check a trailer that is there, while finishing the
 * call that fills the block, and reports a wrong one as corrupt.
 */
final class DeflateDecompressor implements Decompressor {

    private static final String CODEC = "DEFLATE";

    // Called from every decoding thread; each gets its own Inflater. The Inflater's native memory is
    // released by its cleaner once the thread (and with it this ThreadLocal value) is gone.
    private final ThreadLocal<Inflater> inflaters = ThreadLocal.withInitial(Inflater::new);

    @Override
    public byte[] decompress(byte[] src, int offset, int length, BlockEncoding encoding) {
        return decompress(src, offset, length, encoding, null);
    }

    @Override
    public byte[] decompress(byte[] src, int offset, int length, BlockEncoding encoding, byte[] scratch) {
        Objects.checkFromIndexSize(offset, length, src.length);
        int needed = encoding.decodedBytes();
        byte[] out = scratch != null && scratch.length >= needed ? scratch : new byte[needed];
        Inflater inflater = inflaters.get();
        inflater.setInput(src, offset, length);
        int produced = 0;
        try {
            while (produced < needed) {
                int n = inflater.inflate(out, produced, needed - produced);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                produced += n;
            }
        } catch (DataFormatException e) {
            throw CodecException.corrupt(CODEC + " stream of " + length + " bytes is corrupt after "
                    + produced + " of " + needed + " decoded bytes: " + e.getMessage(), e);
        } finally {
            // Ready for the next block, and without a reference to the caller's input array while parked.
            inflater.reset();
        }
        if (produced < needed) {
            throw ShortBlock.error(CODEC, length, produced, encoding);
        }
        return out;
    }
}
