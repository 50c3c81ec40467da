package dev.stacstream.job.mask;

import java.util.Arrays;

/**
 * Convolves a binary grid with the separable kernel {@code outer(g, g)} and marks the pixels whose value
 * exceeds a threshold: a horizontal pass over the rows the kernel reaches, then a vertical pass.
 *
 * <p>Exact at block edges: each output value is a sum over its stencil taken in one fixed order (kernel
 * index ascending in both passes; zero inputs add nothing and are skipped, which leaves the floating-point
 * sum unchanged), so it depends only on the binary values in the stencil. A block evaluated with enough halo
 * therefore gives bit-for-bit the values of the same pixels evaluated on the whole image. Not thread-safe.
 */
final class SeparableThreshold {

    private final double[] weights;
    private final double fullSum;
    private final int half;
    private final double threshold;
    private double[] rowSums = new double[0];
    private boolean[] rowHasOnes = new boolean[0];
    private double[] column = new double[0];
    private int[] ones = new int[0];

    /**
     * @param weights the normalised 1-D weights (odd length)
     * @param threshold pixels whose convolution is strictly greater than this are marked
     */
    SeparableThreshold(double[] weights, double threshold) {
        this.weights = weights.clone();
        this.fullSum = GaussianWeights.orderedSum(weights);
        this.half = weights.length / 2;
        this.threshold = threshold;
    }

    /** How far the kernel reaches from its centre, in pixels. */
    int half() {
        return half;
    }

    /**
     * Sets {@code valid[r * w + c] = 0} where the convolution of {@code src} at grid cell
     * {@code (margin + c, margin + r)} exceeds the threshold, for {@code c < w}, {@code r < h}.
     *
     * @param src binary grid of {@code stride} columns, defined at least {@link #half()} cells around the core
     * @param margin grid offset of the core's first row and column; at least {@link #half()}
     */
    void markAbove(byte[] src, int stride, int margin, int w, int h, byte[] valid) {
        int k = weights.length;
        int rows = h + 2 * half;
        ensureCapacity(rows, w, w + 2 * half);
        for (int t = 0; t < rows; t++) {
            rowHasOnes[t] = horizontal(src, (margin - half + t) * stride, margin, w, t * w);
        }
        for (int r = 0; r < h; r++) {
            Arrays.fill(column, 0, w, 0.0);
            for (int i = 0; i < k; i++) {
                if (!rowHasOnes[r + i]) {
                    continue;
                }
                double gi = weights[i];
                int t = (r + i) * w;
                for (int c = 0; c < w; c++) {
                    column[c] += gi * rowSums[t + c];
                }
            }
            int out = r * w;
            for (int c = 0; c < w; c++) {
                if (column[c] > threshold) {
                    valid[out + c] = 0;
                }
            }
        }
    }

    /** Horizontal pass of one grid row into {@code rowSums[out, out + w)}; returns whether the row has ones. */
    private boolean horizontal(byte[] src, int rowStart, int margin, int w, int out) {
        int from = margin - half;
        int to = margin + w + half;
        int n = 0;
        for (int x = from; x < to; x++) {
            if (src[rowStart + x] != 0) {
                ones[n++] = x;
            }
        }
        if (n == 0) {
            Arrays.fill(rowSums, out, out + w, 0.0);
            return false;
        }
        int k = weights.length;
        int lo = 0;
        int hi = 0;
        for (int c = 0; c < w; c++) {
            int left = margin + c - half;
            int right = margin + c + half;
            while (lo < n && ones[lo] < left) {
                lo++;
            }
            while (hi < n && ones[hi] <= right) {
                hi++;
            }
            int count = hi - lo;
            double s;
            if (count == 0) {
                s = 0.0;
            } else if (count == k) {
                s = fullSum; // the same ordered sum the loop below would take
            } else {
                s = 0.0;
                for (int j = lo; j < hi; j++) {
                    s += weights[ones[j] - left];
                }
            }
            rowSums[out + c] = s;
        }
        return true;
    }

    private void ensureCapacity(int rows, int w, int span) {
        if (rowSums.length < rows * w) {
            rowSums = new double[rows * w];
        }
        if (rowHasOnes.length < rows) {
            rowHasOnes = new boolean[rows];
        }
        if (column.length < w) {
            column = new double[w];
        }
        if (ones.length < span) {
            ones = new int[span];
        }
    }
}
