package dev.stacstream.cog.codec;

/**
 * Decodes one block's compressed bytes into its raw samples, in the file's byte order and with any
 * predictor still applied (predictors are undone afterwards by {@link Predictors}). JPEG is the exception
 * that produces final 8-bit samples (YCbCr converted to RGB as GDAL does).
 *
 * <p>Implementations are stateless and thread-safe, or hold per-thread scratch state internally.
 */
public interface Decompressor {

    /**
     * @param src the block's bytes exactly as stored in the file
     * @param offset start of the block in {@code src}
     * @param length number of bytes of the block
     * @param encoding how the block is encoded; {@link BlockEncoding#decodedBytes()} is the size to produce
     * @return exactly {@code encoding.decodedBytes()} bytes, in a new array the caller owns
     * @throws CodecException when the stream is corrupt or decodes to fewer bytes than the block needs
     */
    byte[] decompress(byte[] src, int offset, int length, BlockEncoding encoding);

    /**
     * Decodes like {@link #decompress(byte[], int, int, BlockEncoding)}, into {@code scratch} when it holds at
     * least {@code encoding.decodedBytes()} bytes, so that a caller decoding block after block allocates nothing.
     * The block is then in {@code scratch[0, decodedBytes)}; the bytes after it are left as they were. Codecs that
     * cannot decode into a given array (the default) return a new one, as does every codec when {@code scratch}
     * is {@code null} or too short.
     *
     * @param scratch an array whose contents the caller no longer needs, or {@code null}
     * @return {@code scratch} or a new array, holding the block in its first {@code encoding.decodedBytes()} bytes
     * @throws CodecException as {@link #decompress(byte[], int, int, BlockEncoding)}; {@code scratch} may then
     *     hold part of the block
     */
    default byte[] decompress(byte[] src, int offset, int length, BlockEncoding encoding, byte[] scratch) {
        return decompress(src, offset, length, encoding);
    }
}
