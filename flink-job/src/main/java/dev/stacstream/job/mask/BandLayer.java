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

    /** The band's nodata as its samples are decoded: make it once per window, not per pixel. */
    public SampleNodata sampleNodata() {
        return SampleNodata.of(values, raster.dataType());
    }

    /**
     * The value of window pixel {@code (col, row)} in band units ({@code sample * scale + offset}), or {@code NaN}
     * when the sample is nodata or NaN ({@code nodata} is {@link #sampleNodata()}). The mask is not consulted. One
     * pixel at a time, for point and polygon extraction; the aggregation kernels read whole rows.
     */
    public double valueAt(int row, int col, SampleNodata nodata) {
        double sample = raster.getDouble(rasterBand, row, col);
        return nodata.isNodata(sample) ? Double.NaN : sample * values.scale() + values.offset();
    }

    /** Band 0 of a single- or multi-band raster. */
    public static BandLayer of(String name, Raster raster, BandValues values) {
        return new BandLayer(name, raster, 0, values);
    }
}
