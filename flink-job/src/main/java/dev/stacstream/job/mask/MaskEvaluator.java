package dev.stacstream.job.mask;

/**
 * The working form of a {@link MaskRule}: evaluates the rule on mask pixels, reusing scratch buffers
 * between calls. Not thread-safe: create one per thread with {@link MaskRule#newEvaluator()}.
 */
public interface MaskEvaluator {

    /**
     * Evaluates the rule for the mask-level pixels {@code [col, col + width) x [row, row + height)}, which lie
     * in the image, writing {@code 1} (valid) or {@code 0} (masked) row-major into {@code valid[0, width*height)}.
     *
     * @param layer holds those pixels and, clipped to the image, {@link MaskRule#haloPixels()} more on each side
     */
    void evaluate(MaskLayer layer, int col, int row, int width, int height, byte[] valid);
}
