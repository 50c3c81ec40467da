package dev.stacstream.job.config;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The optional SCL dilation rule ({@code mask.dilation.*}), the openEO {@code mask_scl_dilation} algorithm
 * specified bit-exactly in FORMATS.md §6: a pixel is masked when a Gaussian-smoothed indicator of
 * {@code mask1Values} (the classes to keep, inverted) or of {@code mask2Values} (the classes to spread) exceeds
 * its threshold. Kernel sizes are in pixels of the mask asset's grid; a size of 0 switches that kernel off (the
 * reference semantics). The defaults are the openEO back-end's.
 *
 * @param enabled whether the rule applies (in addition to the class exclusion of {@link MaskConfig.ClassMask})
 * @param mask1Values classes whose absence, smoothed by kernel 1, masks a pixel
 * @param mask2Values classes whose presence, smoothed by kernel 2, masks a pixel
 * @param kernel1Size width of the Gaussian kernel 1, pixels
 * @param kernel2Size width of the Gaussian kernel 2, pixels
 * @param erosionKernelSize width of the circular erosion applied to both indicators first, pixels
 */
public record SclDilation(boolean enabled, List<Integer> mask1Values, List<Integer> mask2Values, int kernel1Size,
        int kernel2Size, int erosionKernelSize) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SclDilation {
        mask1Values = List.copyOf(Objects.requireNonNull(mask1Values, "mask1 values"));
        mask2Values = List.copyOf(Objects.requireNonNull(mask2Values, "mask2 values"));
        requireNonNegative("kernel1 size", kernel1Size);
        requireNonNegative("kernel2 size", kernel2Size);
        requireNonNegative("erosion kernel size", erosionKernelSize);
    }

    /** The rule switched off, with the default parameters (what a file without {@code mask.dilation} gets). */
    public static SclDilation disabled() {
        return PipelineOptions.defaultDilation();
    }

    /**
     * How many pixels of the mask grid a block needs beyond each of its edges so that the dilated mask inside it
     * is exact: half of the widest kernel, plus half of the erosion kernel applied before it; 0 when disabled.
     */
    public int haloPixels() {
        if (!enabled) {
            return 0;
        }
        return Math.max(kernel1Size / 2, kernel2Size / 2) + erosionKernelSize / 2;
    }

    private static void requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("the " + name + " must be >= 0 (0 switches it off), got " + value);
        }
    }
}
