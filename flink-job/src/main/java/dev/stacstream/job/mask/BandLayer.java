package dev.stacstream.job.mask;

import dev.stacstream.cog.raster.Raster;

/**
 * The decoded samples of one band over a block's window.
 *
 * @param name the band's name in outputs (the asset key, e.g. {@code red})
 * @param raster decoded samples whose width and height equal the window's
 * @param rasterBand which band of {@code raster} to use (0 for single-band assets)
 * @param values nodata and scale/offset of the band
 */
public record BandLayer(String name, Raster raster, int rasterBand, BandValues values) {

    public BandLayer {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("band name must not be blank");
        }
        if (raster == null || values == null) {
            throw new IllegalArgumentException("band " + name + " needs a raster and its values");
        }
        if (rasterBand < 0 || rasterBand >= raster.bands()) {
            throw new IllegalArgumentException("band " + name + ": raster band " + rasterBand + " does not exist in a raster of "
                    + raster.bands() + " band(s)");
        }
    }

    /** Band 0 of a single- or multi-band raster. */
    public static BandLayer of(String name, Raster raster, BandValues values) {
        return new BandLayer(name, raster, 0, values);
    }
}
