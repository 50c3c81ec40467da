package dev.stacstream.job.mask;

/**
 * The 1-D factor of the dilation rule's normalised Gaussian kernel: {@code g[i] = exp(-(i - s/2)^2 / (2 sigma^2))}
 * with {@code sigma = s / 6}, divided by its sum, so that {@code outer(g, g)} is the 2-D kernel of size
 * {@code s x s} summing to 1 (GeoTrellis' {@code Kernel.gaussian(s, s / 6.0, amplitude)} normalised: the amplitude
 * cancels out).
 *
 * <p>This is the double-valued kernel of GeoTrellis 3.8 and later, which factorises exactly and so can be applied
 * separably. GeoTrellis 3.6, which openEO used at the commit FORMATS.md cites, truncated
 * {@code 10000 * exp(...)} to an integer before normalising; that kernel is not separable, and on the corpus
 * Sentinel-2 scene its mask differs from this one's on at most 4 of 301,401 SCL pixels (kernels 17/201, 9/39 and
 * 17/77, checked with scipy).
 */
final class GaussianWeights {

    /** The kernel size covers three sigmas on each side of the centre. */
    private static final double SIZE_PER_SIGMA = 6.0;

    private GaussianWeights() {}

    /** The normalised weights of an odd {@code size}. */
    static double[] of(int size) {
        if (size <= 0 || size % 2 == 0) {
            throw new IllegalArgumentException("Gaussian kernel size must be odd and positive, got " + size);
        }
        double sigma = size / SIZE_PER_SIGMA;
        double denominator = 2.0 * sigma * sigma;
        int centre = size / 2;
        double[] g = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            int d = i - centre;
            g[i] = Math.exp(-(d * d) / denominator);
            sum += g[i];
        }
        for (int i = 0; i < size; i++) {
            g[i] /= sum;
        }
        return g;
    }

    /** The sum of {@code g} added in index order, as the convolution adds a run of ones. */
    static double orderedSum(double[] g) {
        double s = 0;
        for (double w : g) {
            s += w;
        }
        return s;
    }
}
