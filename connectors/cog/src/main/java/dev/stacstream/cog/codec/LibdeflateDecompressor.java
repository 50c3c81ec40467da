package dev.stacstream.cog.codec;

import java.util.Objects;

/**
 * Compression 8 and 32946 through libdeflate, GDAL's inflater: one whole-buffer call per block, about twice
 * as fast as zlib's streaming inflate on Sentinel-2 tiles ({@code TileDecodeBenchmark}).
 *
 * <p>Gives what {@link DeflateDecompressor} (the JDK's zlib) gives for every stream: the same bytes, and the
 * same exception and message for a stream that does not decode. libdeflate inflates a whole zlib stream
 * and checks its Adler-32, where zlib stops once the block is full; so the streams libdeflate refuses are
 * inflated again by zlib:
 * <ul>
 *   <li>{@code INSUFFICIENT_SPACE}, a stream that holds more than the block (a last strip written with a full
 *       strip's rows): zlib cuts it to the block, as libtiff does;
 *   <li>{@code BAD_DATA}: zlib either reports where the stream is corrupt, or accepts it, as it does a stream
 *       whose Adler-32 trailer is missing.
 * </ul>
 * A stream that decodes to fewer bytes than the block needs fails right away, with {@link ShortBlock}'s
 * message, as on the zlib path. Well-formed blocks pay nothing for this; malformed ones are decoded twice.
 *
 * <p>Thread-safe: each decoding thread gets its own {@link LibdeflateInflater} (thread-local, so the
 * registry's one instance serves every thread), freed by its cleaner once the thread is gone.
 */
final class LibdeflateDecompressor implements Decompressor {

    private static final String CODEC = "DEFLATE";

    private final LibdeflateLibrary library;
    private final ThreadLocal<LibdeflateInflater> inflaters;
    /** The reference decoder, for the streams libdeflate refuses. */
    private final Decompressor zlib;

    LibdeflateDecompressor(LibdeflateLibrary library) {
        this(library, new DeflateDecompressor());
    }

    /** @param zlib what decodes the streams libdeflate refuses: {@link DeflateDecompressor}, or a test's fake */
    LibdeflateDecompressor(LibdeflateLibrary library, Decompressor zlib) {
        this.library = library;
        this.zlib = zlib;
        this.inflaters = ThreadLocal.withInitial(() -> new LibdeflateInflater(library));
    }

    @Override
    public byte[] decompress(byte[] src, int offset, int length, BlockEncoding encoding) {
        return decompress(src, offset, length, encoding, null);
    }

    @Override
    public byte[] decompress(byte[] src, int offset, int length, BlockEncoding encoding, byte[] scratch) {
        Objects.checkFromIndexSize(offset, length, src.length);
        int needed = encoding.decodedBytes();
        byte[] out = scratch != null && scratch.length >= needed ? scratch : new byte[needed];
        LibdeflateInflater inflater = inflaters.get();
        int result = inflater.inflate(src, offset, length, out, needed);
        if (result != LibdeflateLibrary.SUCCESS) {
            return zlib.decompress(src, offset, length, encoding, out);
        }
        if (inflater.produced() < needed) {
            throw ShortBlock.error(CODEC, length, inflater.produced(), encoding);
        }
        return out;
    }

    @Override
    public String toString() {
        return "LibdeflateDecompressor[" + library.name() + "]";
    }
}
