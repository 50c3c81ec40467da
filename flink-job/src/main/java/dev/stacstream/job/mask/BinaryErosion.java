package dev.stacstream.job.mask;

/**
 * Binary erosion by a filled circle, the dilation rule's optional first step: a pixel stays 1 only if every
 * pixel within {@code radius} of it (Euclidean, {@code dx^2 + dy^2 <= radius^2}, GeoTrellis' centred
 * {@code Kernel.circle(2r+1, _, r)}) is 1. Equivalent to openEO's "invert, convolve with the circle, > 0.5 gives
 * 0", but in integer arithmetic, so it is exact wherever it is evaluated.
 *
 * <p>Works on a row-major grid of {@code stride} columns; each row of the circle is a run
 * {@code [x - a(dy), x + a(dy)]} checked through per-row prefix counts of zeros. Not thread-safe (scratch).
 */
final class BinaryErosion {

    private final int radius;
    /** Half width of the circle's row at {@code dy}, indexed by {@code dy + radius}. */
    private final int[] halfWidths;
    private int[] zeroPrefix = new int[0];

    BinaryErosion(int radius) {
        if (radius <= 0) {
            throw new IllegalArgumentException("erosion radius must be > 0, got " + radius);
        }
        this.radius = radius;
        this.halfWidths = new int[2 * radius + 1];
        for (int dy = -radius; dy <= radius; dy++) {
            int a = 0;
            while ((a + 1) * (a + 1) + dy * dy <= radius * radius) {
                a++;
            }
            halfWidths[dy + radius] = a;
        }
    }

    int radius() {
        return radius;
    }

    /**
     * Writes the erosion of {@code src} into {@code dst} for the grid cells {@code [x0, x1) x [y0, y1)}; {@code src}
     * must be defined on that rectangle grown by the radius, which must lie in the grid.
     */
    void erode(byte[] src, int stride, int x0, int y0, int x1, int y1, byte[] dst) {
        int py0 = y0 - radius;
        int py1 = y1 + radius;
        int prefixStride = stride + 1;
        int needed = (py1 - py0) * prefixStride;
        if (zeroPrefix.length < needed) {
            zeroPrefix = new int[needed];
        }
        for (int y = py0; y < py1; y++) {
            int p = (y - py0) * prefixStride;
            int s = y * stride;
            zeroPrefix[p] = 0;
            for (int x = 0; x < stride; x++) {
                zeroPrefix[p + x + 1] = zeroPrefix[p + x] + (src[s + x] == 0 ? 1 : 0);
            }
        }
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                dst[y * stride + x] = allOnes(x, y - py0, prefixStride) ? (byte) 1 : (byte) 0;
            }
        }
    }

    private boolean allOnes(int x, int prefixRow, int prefixStride) {
        for (int i = 0; i < halfWidths.length; i++) {
            int a = halfWidths[i];
            int p = (prefixRow + i - radius) * prefixStride;
            if (zeroPrefix[p + x + a + 1] - zeroPrefix[p + x - a] != 0) {
                return false;
            }
        }
        return true;
    }
}
