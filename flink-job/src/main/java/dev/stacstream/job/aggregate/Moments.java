package dev.stacstream.job.aggregate;

import dev.stacstream.job.mask.BandValues;

/**
 * Turns one cell's accumulated moments into the stored statistics: the exact second moment of integer
 * sums, and the band's {@code value * scale + offset} applied to the summary instead of to every pixel
 * (the transform is affine, so the sum and the extremes map directly and m2 scales by {@code scale^2}; the mean,
 * {@code sum / n}, follows).
 */
final class Moments {

    private static final double TWO_TO_64 = 0x1p64;

    private Moments() {}

    /**
     * {@code sum((v - mean)^2)} of {@code n} integers from their exact sum and sum of squares, through the
     * 128-bit numerator {@code n * sumSq - sum^2} (no cancellation: the only rounding is the final division).
     */
    static double exactM2(long n, long sum, long sumSq) {
        long aHi = Math.multiplyHigh(n, sumSq);
        long aLo = n * sumSq;
        long bHi = Math.multiplyHigh(sum, sum);
        long bLo = sum * sum;
        long lo = aLo - bLo;
        long hi = aHi - bHi - (Long.compareUnsigned(aLo, bLo) < 0 ? 1 : 0);
        double numerator = hi * TWO_TO_64 + unsignedToDouble(lo);
        return numerator / n;
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    /** Stores cell {@code k}'s raw-sample summary into {@code out}, transformed by the band's scale and offset. */
    static void store(BlockAggregate.BandColumns out, int k, long n, double sum, double min, double max, double m2,
            BandValues values) {
        out.countValid[k] = n;
        if (n == 0) {
            return;
        }
        if (values.isIdentity()) {
            out.sum[k] = sum;
            out.min[k] = min;
            out.max[k] = max;
            out.m2[k] = m2;
            return;
        }
        double scale = values.scale();
        double offset = values.offset();
        double a = min * scale + offset;
        double b = max * scale + offset;
        out.sum[k] = sum * scale + n * offset;
        out.min[k] = Math.min(a, b);
        out.max[k] = Math.max(a, b);
        out.m2[k] = m2 * scale * scale;
    }
}
