package dev.stacstream.job.mask;

import dev.stacstream.cog.plan.PixelWindow;
import java.util.List;
import java.util.Optional;

/**
 * The pixels of one work window of one item at the chosen level: every needed band decoded over the window,
 * the window's place in the level's pixel grid, and optionally the mask layer (on the same or a coarser grid,
 * with any halo its rule needs). Immutable; the rasters are shared, not copied.
 */
public final class BlockInput {

    private final LevelGrid level;
    private final PixelWindow window;
    private final List<BandLayer> bands;
    private final MaskLayer mask;

    private BlockInput(LevelGrid level, PixelWindow window, List<BandLayer> bands, MaskLayer mask) {
        this.level = level;
        this.window = window;
        this.bands = bands;
        this.mask = mask;
    }

    /**
     * A block without a mask layer.
     *
     * @param level the bands' level grid
     * @param window the block's pixels in that grid; inside the level
     * @param bands one or more bands, each with a raster of the window's size
     */
    public static BlockInput of(LevelGrid level, PixelWindow window, List<BandLayer> bands) {
        if (level == null || window == null || bands == null) {
            throw new IllegalArgumentException("a block needs a level grid, a window and bands");
        }
        if (!window.fitsIn(level.width(), level.height())) {
            throw new IllegalArgumentException("window " + window + " is outside the level of " + level.width() + "x"
                    + level.height());
        }
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("block at " + window + " has no bands");
        }
        for (BandLayer band : bands) {
            if (band.raster().width() != window.width() || band.raster().height() != window.height()) {
                throw new IllegalArgumentException("band " + band.name() + " has " + band.raster().width() + "x"
                        + band.raster().height() + " pixels but the window " + window + " is " + window.width() + "x"
                        + window.height());
            }
        }
        return new BlockInput(level, window, List.copyOf(bands), null);
    }

    /**
     * This block with a mask layer. The mask level must reach past the band level's far edges
     * ({@code maskLevelWidth * ratio >= levelWidth}, same for heights) so that every band pixel has a mask pixel.
     */
    public BlockInput withMask(MaskLayer maskLayer) {
        if (maskLayer == null) {
            throw new IllegalArgumentException("mask layer must not be null; use a block without a mask instead");
        }
        long coveredWidth = (long) maskLayer.levelWidth() * maskLayer.ratio();
        long coveredHeight = (long) maskLayer.levelHeight() * maskLayer.ratio();
        if (coveredWidth < level.width() || coveredHeight < level.height()) {
            throw new IllegalArgumentException("mask level of " + maskLayer.levelWidth() + "x" + maskLayer.levelHeight()
                    + " at ratio " + maskLayer.ratio() + " covers " + coveredWidth + "x" + coveredHeight
                    + " band pixels, less than the band level of " + level.width() + "x" + level.height());
        }
        return new BlockInput(level, window, bands, maskLayer);
    }

    public LevelGrid level() {
        return level;
    }

    public PixelWindow window() {
        return window;
    }

    public List<BandLayer> bands() {
        return bands;
    }

    public BandLayer band(int index) {
        return bands.get(index);
    }

    public Optional<MaskLayer> mask() {
        return Optional.ofNullable(mask);
    }

    /** Pixels per band in the window. */
    public long pixels() {
        return (long) window.width() * window.height();
    }

    @Override
    public String toString() {
        return "BlockInput[" + window + " of " + level.width() + "x" + level.height() + ", " + bands.size() + " band(s)"
                + (mask == null ? "" : ", " + mask) + "]";
    }
}
