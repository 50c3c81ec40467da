package dev.stacstream.cog.codec;

import java.util.Locale;

/**
 * Undoes the TIFF Predictor tag on a decompressed block, in place, leaving the samples in the file's byte
 * order (the reader swaps big-endian files to native order afterwards, in one pass for every predictor).
 *
 * <ul>
 *   <li>1: none.
 *   <li>2: horizontal differencing (TIFF 6.0 section 14) on the sample bit patterns, integer or float:
 *       see {@link HorizontalDifferencing}.
 *   <li>3: the floating-point predictor of Adobe's Technical Note 3, as libtiff decodes it:
 *       see {@link FloatingPointPredictor}.
 * </ul>
 * Both work row by row: a strip or tile row never depends on the row above.
 */
public final class Predictors {

    public static final int NONE = 1;
    public static final int HORIZONTAL = 2;
    public static final int FLOATING_POINT = 3;

    private Predictors() {
    }

    /**
     * @param predictor the TIFF Predictor tag value (1 when the tag is absent)
     * @param data the block as returned by {@link Decompressor#decompress}; modified in place
     * @param encoding the block's shape, sample size and byte order
     * @throws CodecException (unsupported) for another predictor, or a sample size the predictor does not define
     */
    public static void undo(int predictor, byte[] data, BlockEncoding encoding) {
        if (predictor == NONE) {
            return;
        }
        if (data.length < encoding.decodedBytes()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "block data of %d bytes is shorter than the %s", data.length, encoding.describe()));
        }
        switch (predictor) {
            case HORIZONTAL -> HorizontalDifferencing.undo(data, encoding);
            case FLOATING_POINT -> FloatingPointPredictor.undo(data, encoding);
            default -> throw CodecException.unsupported("predictor " + predictor + " is not supported (only 1, 2 and 3)");
        }
    }
}
