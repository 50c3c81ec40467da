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
     * @return exactly {@code encoding.decodedBytes()} bytes
     * @throws CodecException when the stream is corrupt or decodes to fewer bytes than the block needs
     */
    byte[] decompress(byte[] src, int offset, int length, BlockEncoding encoding);
}
