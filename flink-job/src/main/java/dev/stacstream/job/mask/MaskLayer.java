package dev.stacstream.job.mask;

import dev.stacstream.cog.raster.Raster;
import java.util.OptionalDouble;

/**
 * The decoded mask asset (Sentinel-2 SCL, Landsat QA_PIXEL, ...) around one block: a rectangle of the mask
 * level's pixel grid, which may be coarser than the bands' grid by an integer {@link #ratio()} and shares its
 * origin, so band pixel {@code (c, r)} lies in mask pixel {@code (c / ratio, r / ratio)} (nearest neighbour).
 *
 * <p>The rectangle holds only pixels inside the mask image: {@code [col, col + width) x [row, row + height)}
 * with the raster's size. It must cover the mask pixels under the block's window plus, clipped to the image,
 * the halo its {@link MaskRule} needs ({@link MaskRule#haloPixels()}); neighbourhood rules treat pixels
 * outside the image as nodata.
 */
public final class MaskLayer {

    private final Raster raster;
    private final int col;
    private final int row;
    private final int levelWidth;
    private final int levelHeight;
    private final int ratio;
    private final OptionalDouble nodata;

    /**
     * Band pixels per mask pixel along each axis, from the two pixel widths: a whole number of at least 1, since
     * the mask is read on its own grid and mapped onto the bands by nearest neighbour (SCL at 20 m under 10 m
     * bands: 2).
     *
     * @throws IllegalArgumentException when the mask pixel is finer than the band pixel or not a whole multiple of it
     */
    public static int ratio(double maskPixelWidth, double bandPixelWidth) {
        double ratio = Math.abs(maskPixelWidth / bandPixelWidth);
        long r = Math.round(ratio);
        if (r < 1 || r > Integer.MAX_VALUE || Math.abs(ratio - r) > 1e-9) {
            throw new IllegalArgumentException("mask pixel size " + Math.abs(maskPixelWidth)
                    + " is not a whole multiple of the band pixel size " + Math.abs(bandPixelWidth));
        }
        return (int) r;
    }

    /**
     * @param raster the decoded mask pixels (band 0 is used); an integer type of at most 32 bits except uint32
     * @param col column of the raster's first pixel in the mask level
     * @param row row of the raster's first pixel in the mask level
     * @param levelWidth width of the mask level, to tell the image edge from a missing halo
     * @param levelHeight height of the mask level
     * @param ratio band pixels per mask pixel along each axis (1 when the grids are the same, 2 for SCL at
     *     20 m under 10 m bands)
     * @param nodata the mask's nodata value (SCL: 0), if any
     */
    public MaskLayer(Raster raster, int col, int row, int levelWidth, int levelHeight, int ratio, OptionalDouble nodata) {
        if (raster == null || nodata == null) {
            throw new IllegalArgumentException("mask layer needs a raster and an OptionalDouble nodata");
        }
        if (!SampleRows.fitsInt(raster.dataType())) {
            throw new IllegalArgumentException("mask samples must be 8-, 16- or 32-bit signed integers or 8/16-bit unsigned, got "
                    + raster.dataType().numpyName());
        }
        if (ratio < 1) {
            throw new IllegalArgumentException("mask ratio (band pixels per mask pixel) must be >= 1, got " + ratio);
        }
        if (col < 0 || row < 0 || col + raster.width() > levelWidth || row + raster.height() > levelHeight) {
            throw new IllegalArgumentException("mask raster at cols [" + col + ", " + (col + raster.width()) + ") rows [" + row
                    + ", " + (row + raster.height()) + ") is outside the mask level of " + levelWidth + "x" + levelHeight);
        }
        this.raster = raster;
        this.col = col;
        this.row = row;
        this.levelWidth = levelWidth;
        this.levelHeight = levelHeight;
        this.ratio = ratio;
        this.nodata = nodata;
    }

    /** A mask layer holding a whole mask level. */
    public static MaskLayer whole(Raster raster, int ratio, OptionalDouble nodata) {
        return new MaskLayer(raster, 0, 0, raster.width(), raster.height(), ratio, nodata);
    }

    public Raster raster() {
        return raster;
    }

    /** Column of the raster's first pixel in the mask level. */
    public int col() {
        return col;
    }

    /** Row of the raster's first pixel in the mask level. */
    public int row() {
        return row;
    }

    public int colEnd() {
        return col + raster.width();
    }

    public int rowEnd() {
        return row + raster.height();
    }

    public int levelWidth() {
        return levelWidth;
    }

    public int levelHeight() {
        return levelHeight;
    }

    /** Band pixels per mask pixel along each axis. */
    public int ratio() {
        return ratio;
    }

    public OptionalDouble nodata() {
        return nodata;
    }

    /** Whether {@code value} equals the nodata value (an integer nodata; a fractional one matches nothing). */
    public boolean isNodata(int value) {
        return nodata.isPresent() && value == nodata.getAsDouble();
    }

    /** Whether the mask pixel {@code (maskCol, maskRow)} of the level lies in the image. */
    public boolean inImage(int maskCol, int maskRow) {
        return maskCol >= 0 && maskRow >= 0 && maskCol < levelWidth && maskRow < levelHeight;
    }

    /** Whether this layer holds every in-image pixel of the mask-grid rectangle {@code [c0, c1) x [r0, r1)}. */
    public boolean covers(int c0, int r0, int c1, int r1) {
        int needC0 = Math.max(c0, 0);
        int needR0 = Math.max(r0, 0);
        int needC1 = Math.min(c1, levelWidth);
        int needR1 = Math.min(r1, levelHeight);
        return needC0 >= needC1 || needR0 >= needR1
                || (needC0 >= col && needR0 >= row && needC1 <= colEnd() && needR1 <= rowEnd());
    }

    /**
     * Decodes mask pixels {@code [maskCol, maskCol + count)} of mask-level row {@code maskRow}, all inside this
     * layer, into {@code out[0, count)}.
     */
    public void readRow(int maskRow, int maskCol, int count, int[] out) {
        SampleRows.toInt(raster, 0, maskRow - row, maskCol - col, count, out);
    }

    @Override
    public String toString() {
        return "MaskLayer[cols [" + col + ", " + colEnd() + ") rows [" + row + ", " + rowEnd() + ") of " + levelWidth + "x"
                + levelHeight + ", ratio " + ratio + ", " + raster.dataType().numpyName() + "]";
    }
}
