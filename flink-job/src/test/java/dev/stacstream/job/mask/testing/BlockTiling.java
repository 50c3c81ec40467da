package dev.stacstream.job.mask.testing;

import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.job.mask.BandLayer;
import dev.stacstream.job.mask.BandValues;
import dev.stacstream.job.mask.BlockInput;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.mask.MaskLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Cuts whole decoded levels into the blocks a job would read: windows of a fixed size after an optional
 * first column and row of different size (so block edges need not align with cells or mask pixels), each
 * with its bands cropped and the mask pixels under it plus a halo, clipped to the mask image.
 */
public final class BlockTiling {

    /** A whole band to cut. */
    public record Band(String name, Raster raster, BandValues values) {}

    /** A whole mask level to cut: {@code ratio} band pixels per mask pixel, same origin. */
    public record Mask(Raster raster, int ratio, OptionalDouble nodata) {}

    private BlockTiling() {}

    /**
     * Blocks of {@code blockWidth x blockHeight} covering the level, except that the first column of blocks is
     * {@code firstWidth} wide and the first row {@code firstHeight} high (0 for regular blocks).
     */
    public static List<BlockInput> tile(LevelGrid level, List<Band> bands, Mask mask, int halo, int blockWidth,
            int blockHeight, int firstWidth, int firstHeight) {
        List<BlockInput> blocks = new ArrayList<>();
        for (int[] rows : spans(level.height(), blockHeight, firstHeight)) {
            for (int[] cols : spans(level.width(), blockWidth, firstWidth)) {
                blocks.add(block(level, bands, mask, halo, new PixelWindow(cols[0], rows[0], cols[1] - cols[0], rows[1] - rows[0])));
            }
        }
        return blocks;
    }

    /** The whole level as one block. */
    public static BlockInput whole(LevelGrid level, List<Band> bands, Mask mask, int halo) {
        return block(level, bands, mask, halo, PixelWindow.full(level.width(), level.height()));
    }

    /** The block of one window. */
    public static BlockInput block(LevelGrid level, List<Band> bands, Mask mask, int halo, PixelWindow w) {
        List<BandLayer> layers = new ArrayList<>();
        for (Band band : bands) {
            layers.add(BandLayer.of(band.name(), TestRasters.crop(band.raster(), w.col(), w.row(), w.width(), w.height()),
                    band.values()));
        }
        BlockInput block = BlockInput.of(level, w, layers);
        if (mask == null) {
            return block;
        }
        int r = mask.ratio();
        int maskWidth = mask.raster().width();
        int maskHeight = mask.raster().height();
        int c0 = Math.max(0, w.col() / r - halo);
        int r0 = Math.max(0, w.row() / r - halo);
        int c1 = Math.min(maskWidth, (w.colEnd() - 1) / r + 1 + halo);
        int r1 = Math.min(maskHeight, (w.rowEnd() - 1) / r + 1 + halo);
        Raster cut = TestRasters.crop(mask.raster(), c0, r0, c1 - c0, r1 - r0);
        return block.withMask(new MaskLayer(cut, c0, r0, maskWidth, maskHeight, r, mask.nodata()));
    }

    private static List<int[]> spans(int length, int size, int first) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        if (first > 0) {
            spans.add(new int[] {0, Math.min(first, length)});
            start = first;
        }
        for (; start < length; start += size) {
            spans.add(new int[] {start, Math.min(start + size, length)});
        }
        return spans;
    }
}
