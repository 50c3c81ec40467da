package dev.stacstream.cog.layout;

import dev.stacstream.cog.tiff.ImageLayout;
import dev.stacstream.cog.tiff.TiffStructure;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the COG layout rules that matter for range reads (the checks of GDAL's
 * {@code validate_cloud_optimized_geotiff.py} and rio-cogeo): the full-resolution image and its overviews
 * are tiled, every IFD lies before the first block of image data, and overview data comes before
 * full-resolution data, smallest overview first.
 */
public final class CogLayoutValidator {

    /** Images larger than this in either dimension should have overviews. */
    static final int OVERVIEW_EXPECTED_ABOVE_PIXELS = 512;

    private CogLayoutValidator() {}

    /**
     * @param levels level 0 then the overviews, as {@code CogFile.levels()} orders them
     */
    public static CogLayoutReport validate(TiffStructure structure, List<ImageLayout> images, List<ImageLayout> levels) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        ImageLayout full = levels.get(0);
        if (!full.isTiled()) {
            errors.add("the full-resolution image is not tiled");
        }
        for (int i = 1; i < levels.size(); i++) {
            if (!levels.get(i).isTiled()) {
                errors.add("overview " + i + " (IFD " + levels.get(i).ifdIndex() + ") is not tiled");
            }
        }
        if (levels.size() == 1 && (full.width() > OVERVIEW_EXPECTED_ABOVE_PIXELS
                || full.height() > OVERVIEW_EXPECTED_ABOVE_PIXELS)) {
            warnings.add("no overviews on a " + full.width() + "x" + full.height() + " image");
        }
        long firstData = Long.MAX_VALUE;
        for (ImageLayout image : images) {
            firstData = Math.min(firstData, firstBlockOffset(image));
        }
        for (ImageLayout image : images) {
            if (image.ifd().offset() > firstData) {
                errors.add("IFD " + image.ifdIndex() + " (at byte " + image.ifd().offset()
                        + ") lies after the start of image data (byte " + firstData + ")");
            }
        }
        for (int i = levels.size() - 1; i > 0; i--) {
            long smaller = firstBlockOffset(levels.get(i));
            long larger = firstBlockOffset(levels.get(i - 1));
            if (smaller != Long.MAX_VALUE && larger != Long.MAX_VALUE && smaller > larger) {
                errors.add("the data of level " + i + " (byte " + smaller + ") comes after the data of level "
                        + (i - 1) + " (byte " + larger + "); COGs store the smallest overview first");
            }
        }
        if (full.isTiled() && structure.ghostMetadata().isEmpty()) {
            warnings.add("no GDAL structural metadata (ghost header); the block order is not declared");
        }
        return new CogLayoutReport(errors, warnings);
    }

    private static long firstBlockOffset(ImageLayout image) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < image.blockCount(); i++) {
            long offset = image.blockOffset(i);
            if (offset > 0 && image.blockByteCount(i) > 0) {
                min = Math.min(min, offset);
            }
        }
        return min;
    }
}
