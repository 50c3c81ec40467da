package dev.stacstream.job.mask;

import dev.stacstream.cog.raster.DataType;
import dev.stacstream.cog.raster.Float16;

/**
 * A band's nodata value prepared for comparison with decoded samples, in the two forms the per-pixel loops
 * use: an {@code int} for 8- and 16-bit integer bands and a {@code double} for the rest (see
 * {@link BandValues} for the matching rules).
 */
public final class SampleNodata {

    /** Equals no 8- or 16-bit sample: used when the band has no (representable) nodata. */
    public static final int NO_INT_NODATA = Integer.MIN_VALUE;

    private final int intValue;
    private final double doubleValue;

    private SampleNodata(int intValue, double doubleValue) {
        this.intValue = intValue;
        this.doubleValue = doubleValue;
    }

    /** The nodata of {@code values} for samples of {@code type}. */
    public static SampleNodata of(BandValues values, DataType type) {
        if (values.nodata().isEmpty()) {
            return new SampleNodata(NO_INT_NODATA, Double.NaN);
        }
        double nodata = values.nodata().getAsDouble();
        double asSample = switch (type) {
            case FLOAT16 -> Float16.toFloat(Float16.fromFloat((float) nodata));
            case FLOAT32 -> (float) nodata;
            default -> nodata;
        };
        int asInt = NO_INT_NODATA;
        if (SampleRows.isSmallInteger(type) && nodata == Math.rint(nodata) && inRange(nodata, type)) {
            asInt = (int) nodata;
        }
        return new SampleNodata(asInt, asSample);
    }

    private static boolean inRange(double v, DataType type) {
        return switch (type) {
            case UINT8 -> v >= 0 && v <= 0xff;
            case INT8 -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
            case UINT16 -> v >= 0 && v <= 0xffff;
            case INT16 -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
            default -> false;
        };
    }

    /** The nodata as an 8/16-bit sample, or {@link #NO_INT_NODATA}, which no such sample equals. */
    public int intValue() {
        return intValue;
    }

    /** The nodata as a decoded double sample, or NaN when there is none. */
    public double doubleValue() {
        return doubleValue;
    }

    /** Whether a sample decoded as a double is invalid: NaN or equal to the nodata value. */
    public boolean isNodata(double sample) {
        return sample != sample || sample == doubleValue;
    }
}
