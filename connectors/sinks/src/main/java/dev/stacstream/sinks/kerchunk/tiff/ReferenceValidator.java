package dev.stacstream.sinks.kerchunk.tiff;

import dev.stacstream.cog.tiff.TiffTag;
import java.util.Optional;

/**
 * Decides whether one TIFF image can be expressed as kerchunk references to zarr v2 chunks, and if not, why: the
 * checks of tifffile's {@code write_fsspec} "Raises" list, worded as {@code docs/manifest-spec.md} §2.1 states them.
 * A pure function of the parsed header; it reads nothing.
 */
public final class ReferenceValidator {

    private static final String NOT_SUPPORTED = " not supported by the fsspec ReferenceFileSystem";
    private static final int JPEG_BITS = 8;

    private ReferenceValidator() {}

    /** Why {@code level} cannot be expressed as references, or empty when it can. */
    public static Optional<String> check(LevelLayout level) {
        if (!TiffCodecs.supportsCompression(level.compression())) {
            return Optional.of(String.format("compression %d (%s) is%s", level.compression(),
                    TiffCodecs.compressionName(level.compression()), NOT_SUPPORTED));
        }
        if (level.dataType() == null) {
            return Optional.of(String.format("%s-bit samples with SampleFormat %d are%s",
                    level.uniformBits() ? Integer.toString(level.bitsPerSample()) : "mixed", level.sampleFormat(),
                    NOT_SUPPORTED));
        }
        if (!TiffCodecs.supportsPredictor(level.predictor())) {
            return Optional.of(String.format("predictor %d is%s", level.predictor(), NOT_SUPPORTED));
        }
        if (TiffCodecs.isJpeg(level.compression()) && level.bitsPerSample() != JPEG_BITS) {
            return Optional.of(String.format("%d-bit JPEG is%s", level.bitsPerSample(), NOT_SUPPORTED));
        }
        if (level.photometric() == TiffTag.PHOTOMETRIC_YCBCR && !TiffCodecs.isJpeg(level.compression())) {
            return Optional.of("YCbCr subsampling without JPEG compression is" + NOT_SUPPORTED);
        }
        if (!level.tiled() && level.height() % level.blockHeight() != 0) {
            return Optional.of(String.format("incomplete chunks are%s: ImageLength %d is not a multiple of"
                    + " RowsPerStrip %d", NOT_SUPPORTED, level.height(), level.blockHeight()));
        }
        return Optional.empty();
    }
}
