package dev.stacstream.job.mask;

import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.Raster;

/**
 * A block with its mask evaluated: the {@link BlockInput} plus, when a rule applies, one validity flag per
 * mask pixel under the window (on the mask's own grid; band pixel {@code (c, r)} of the level takes the flag
 * of mask pixel {@code (c / ratio, r / ratio)}). Band nodata is not folded in: it is per band, and the
 * aggregation checks it in the same pass ({@link #validity(int)} folds it in for other consumers).
 *
 * <p>The mask flags are on the mask grid so that masking costs one table lookup per mask pixel
 * ({@code 1 / ratio^2} per band pixel) and the band pixels are touched once, by the aggregation.
 */
public final class MaskedBlock {

    private final BlockInput block;
    private final byte[] maskValid;
    private final int maskCol;
    private final int maskRow;
    private final int maskWidth;
    private final int maskHeight;
    private final int ratio;

    MaskedBlock(BlockInput block, byte[] maskValid, int maskCol, int maskRow, int maskWidth, int maskHeight, int ratio) {
        this.block = block;
        this.maskValid = maskValid;
        this.maskCol = maskCol;
        this.maskRow = maskRow;
        this.maskWidth = maskWidth;
        this.maskHeight = maskHeight;
        this.ratio = ratio;
    }

    /** A block no mask layer applies to: only nodata invalidates. */
    static MaskedBlock unmasked(BlockInput block) {
        PixelWindow w = block.window();
        return new MaskedBlock(block, null, w.col(), w.row(), w.width(), w.height(), 1);
    }

    public BlockInput block() {
        return block;
    }

    public PixelWindow window() {
        return block.window();
    }

    /** Whether a mask rule applied; if not, {@link #maskValidity()} is {@code null}. */
    public boolean hasMask() {
        return maskValid != null;
    }

    /**
     * The mask flags ({@code 1} valid, {@code 0} masked), row-major over {@link #maskWidth()} x {@link #maskHeight()}
     * mask pixels starting at ({@link #maskCol()}, {@link #maskRow()}) of the mask level. The array is shared:
     * read it, do not change it.
     */
    public byte[] maskValidity() {
        return maskValid;
    }

    public int maskCol() {
        return maskCol;
    }

    public int maskRow() {
        return maskRow;
    }

    public int maskWidth() {
        return maskWidth;
    }

    public int maskHeight() {
        return maskHeight;
    }

    /** Band pixels per mask pixel along each axis (1 without a mask). */
    public int ratio() {
        return ratio;
    }

    /** Whether the mask keeps level pixel {@code (col, row)}, which must be in the window (nodata aside). */
    public boolean maskKeeps(int col, int row) {
        if (maskValid == null) {
            return true;
        }
        return maskValid[(row / ratio - maskRow) * maskWidth + (col / ratio - maskCol)] != 0;
    }

    /** The full validity of band {@code band} over the window: kept by the mask and not nodata (nor NaN). */
    public ValidityMask validity(int band) {
        BandLayer layer = block.band(band);
        Raster raster = layer.raster();
        PixelWindow w = block.window();
        SampleNodata nodata = SampleNodata.of(layer.values(), raster.dataType());
        ValidityMask out = new ValidityMask(w.width(), w.height());
        double[] samples = new double[w.width()];
        for (int r = 0; r < w.height(); r++) {
            SampleRows.toDouble(raster, layer.rasterBand(), r, 0, w.width(), samples);
            for (int c = 0; c < w.width(); c++) {
                if (!nodata.isNodata(samples[c]) && maskKeeps(w.col() + c, w.row() + r)) {
                    out.setValid(c, r);
                }
            }
        }
        return out;
    }
}
