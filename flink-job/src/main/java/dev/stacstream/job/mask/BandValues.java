package dev.stacstream.job.mask;

import java.util.OptionalDouble;

/**
 * How the samples of one band are read, from the item's {@code raster:bands} entry or the TIFF: the nodata
 * value (samples equal to it are never valid) and the linear transform {@code value * scale + offset} applied
 * before statistics.
 *
 * <p>Nodata matching: an integer band matches samples equal to the nodata value when that value is an
 * integer in the type's range (otherwise no sample can equal it); a floating-point band compares after
 * rounding the nodata value to the band's precision (so a float32 band matches a nodata value written as a
 * decimal, as GDAL does). NaN samples of floating-point bands are never valid, whatever the nodata value.
 *
 * @param nodata the nodata value, if any
 * @param scale multiplier applied to valid samples; finite and non-zero
 * @param offset added after scaling; finite
 */
public record BandValues(OptionalDouble nodata, double scale, double offset) {

    private static final BandValues RAW = new BandValues(OptionalDouble.empty(), 1, 0);

    public BandValues {
        if (nodata == null) {
            throw new IllegalArgumentException("nodata must be an OptionalDouble, got null");
        }
        if (!Double.isFinite(scale) || scale == 0) {
            throw new IllegalArgumentException("scale must be finite and non-zero, got " + scale);
        }
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("offset must be finite, got " + offset);
        }
    }

    /** No nodata, no transform. */
    public static BandValues raw() {
        return RAW;
    }

    /** Samples equal to {@code nodata} are invalid; no transform. */
    public static BandValues withNodata(double nodata) {
        return new BandValues(OptionalDouble.of(nodata), 1, 0);
    }

    /** This band's nodata with {@code value * scale + offset} applied before statistics. */
    public BandValues withScaleOffset(double scale, double offset) {
        return new BandValues(nodata, scale, offset);
    }

    /** Whether the transform is the identity. */
    public boolean isIdentity() {
        return scale == 1 && offset == 0;
    }
}
