package dev.stacstream.job.plan;

import dev.stacstream.job.mask.MaskLayer;

import dev.stacstream.cog.tiff.ImageLayout;

/**
 * Chooses how many of the bands' blocks one work window spans.
 *
 * <p>A window is the unit of read and decode, and each window decodes every mask block under its footprint. When
 * one mask block covers several band blocks (the 20 m SCL in 1024-pixel tiles covers 2 x 2 tiles of a 10 m band),
 * a window per band block would fetch and decode each mask block once per band block under it: four inflates and
 * predictor undos of the same SCL tile. So along each axis a window spans the least common multiple of the band
 * block and of the mask block measured in band pixels: the windows then tile both block grids (when the two grids
 * share their origin, as Sentinel-2's and Landsat's do), and each mask block is decoded once, apart from the strips
 * other windows need as the mask rule's halo. For the usual equal block sizes that is {@code ratio x ratio} band
 * blocks, {@code ratio} being the mask's pixel size over the bands'; without a mask, or with a mask whose blocks
 * cover no more than one band block, it is one band block.
 *
 * <p>A window side stays within {@link #MAX_WINDOW_SIDE} band pixels (unless a single band block is larger), which
 * bounds the decoded pixels a window holds; when the multiple would exceed it, the window takes as many whole band
 * blocks as fit, and a mask block straddling two windows is decoded by both.
 */
final class WindowSizing {

    /**
     * Largest window side, in band pixels, unless one band block is larger: 2048 x 2048 uint16 samples are 8 MiB per
     * band, decoded once per window.
     */
    static final int MAX_WINDOW_SIDE = 2048;

    private WindowSizing() {}

    /** One window per block of the bands' level. */
    static WindowGrid oneBlockEach(ImageLayout bands) {
        return new WindowGrid(bands.width(), bands.height(), bands.blockWidth(), bands.blockHeight());
    }

    /**
     * Windows aligned with a mask's blocks.
     *
     * @param bands the bands' level
     * @param mask the mask level read with them
     * @param bandPixelsPerMaskPixel the mask's pixel size over the bands' ({@link MaskLayer#ratio}: 2 for a 20 m mask
     *     under 10 m bands)
     */
    static WindowGrid alignedWithMask(ImageLayout bands, ImageLayout mask, int bandPixelsPerMaskPixel) {
        long ratio = bandPixelsPerMaskPixel;
        return new WindowGrid(bands.width(), bands.height(), step(bands.blockWidth(), mask.blockWidth() * ratio),
                step(bands.blockHeight(), mask.blockHeight() * ratio));
    }

    /**
     * The window side along one axis.
     *
     * @param bandBlock the bands' block side, in band pixels
     * @param maskBlock the mask's block side, in band pixels
     * @return the least common multiple of the two when it is at most {@link #MAX_WINDOW_SIDE} (or {@code bandBlock}),
     *     else the largest multiple of {@code bandBlock} within {@link #MAX_WINDOW_SIDE}, and never less than
     *     {@code bandBlock}
     */
    static int step(int bandBlock, long maskBlock) {
        if (bandBlock < 1 || maskBlock < 1) {
            throw new IllegalArgumentException("block sides must be >= 1 pixel, got band " + bandBlock + " mask " + maskBlock);
        }
        long bandBlocks = bandBlock / gcd(bandBlock, maskBlock);
        long multiple = bandBlocks > Long.MAX_VALUE / maskBlock ? Long.MAX_VALUE : bandBlocks * maskBlock;
        if (multiple <= Math.max(MAX_WINDOW_SIDE, bandBlock)) {
            return (int) multiple;
        }
        return Math.max(1, MAX_WINDOW_SIDE / bandBlock) * bandBlock;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
