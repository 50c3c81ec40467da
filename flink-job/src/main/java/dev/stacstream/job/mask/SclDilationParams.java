package dev.stacstream.job.mask;

import java.io.Serializable;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Parameters of the openEO SCL dilation rule (FORMATS.md section 6), in pixels of the SCL grid.
 *
 * <p>binaryMask1 is 0 where the class is in {@code mask1Classes} and 1 elsewhere (nodata, and pixels outside
 * the image, count as 1); binaryMask2 is 1 where the class is in {@code mask2Classes} and 0 elsewhere (nodata
 * and outside the image count as 0). Each is optionally eroded by a circle of {@code erosionKernelSize},
 * convolved with a normalised Gaussian of {@code kernelNSize} (sigma = size / 6) and thresholded (0.057 and
 * 0.025); a pixel is masked where either result is. A kernel size of 0 or less disables that convolution and
 * uses the binary mask as it is (without erosion), as openEO does.
 *
 * @param mask1Classes the classes of binaryMask1's zeros (default 2, 4, 5, 6, 7)
 * @param mask2Classes the classes of binaryMask2's ones (default 3, 8, 9, 10, 11)
 * @param kernel1Size odd Gaussian window for binaryMask1 (default 17), or {@code <= 0} for none
 * @param kernel2Size odd Gaussian window for binaryMask2 (default 201), or {@code <= 0} for none
 * @param erosionKernelSize odd circle window (radius size / 2) eroding both binary masks, or {@code <= 0}
 *     for none (the default)
 */
public record SclDilationParams(Set<Integer> mask1Classes, Set<Integer> mask2Classes, int kernel1Size, int kernel2Size,
        int erosionKernelSize) implements Serializable {

    public static final int DEFAULT_KERNEL1_SIZE = 17;
    public static final int DEFAULT_KERNEL2_SIZE = 201;
    public static final int DEFAULT_EROSION_KERNEL_SIZE = 0;
    public static final Set<Integer> DEFAULT_MASK1_CLASSES = Set.of(2, 4, 5, 6, 7);
    public static final Set<Integer> DEFAULT_MASK2_CLASSES = Set.of(3, 8, 9, 10, 11);

    public SclDilationParams {
        mask1Classes = checkedClasses("mask1", mask1Classes);
        mask2Classes = checkedClasses("mask2", mask2Classes);
        checkSize("kernel1", kernel1Size);
        checkSize("kernel2", kernel2Size);
        checkSize("erosion kernel", erosionKernelSize);
    }

    /** openEO's defaults: classes [2,4,5,6,7] and [3,8,9,10,11], kernels 17 and 201, no erosion. */
    public static SclDilationParams defaults() {
        return new SclDilationParams(DEFAULT_MASK1_CLASSES, DEFAULT_MASK2_CLASSES, DEFAULT_KERNEL1_SIZE,
                DEFAULT_KERNEL2_SIZE, DEFAULT_EROSION_KERNEL_SIZE);
    }

    public SclDilationParams withKernelSizes(int kernel1, int kernel2) {
        return new SclDilationParams(mask1Classes, mask2Classes, kernel1, kernel2, erosionKernelSize);
    }

    public SclDilationParams withErosionKernelSize(int size) {
        return new SclDilationParams(mask1Classes, mask2Classes, kernel1Size, kernel2Size, size);
    }

    public SclDilationParams withClasses(Set<Integer> mask1, Set<Integer> mask2) {
        return new SclDilationParams(mask1, mask2, kernel1Size, kernel2Size, erosionKernelSize);
    }

    /** Radius of the erosion circle in pixels (0 when erosion is off). */
    public int erosionRadius() {
        return erosionKernelSize > 0 ? erosionKernelSize / 2 : 0;
    }

    /**
     * SCL pixels beyond a block that the rule reads on each side: the larger of the enabled kernels' half
     * widths plus the erosion radius ({@code kernel2Size / 2} = 100 with the defaults).
     */
    public int haloPixels() {
        int halo = 0;
        for (int size : new int[] {kernel1Size, kernel2Size}) {
            if (size > 0) {
                halo = Math.max(halo, size / 2 + erosionRadius());
            }
        }
        return halo;
    }

    private static SortedSet<Integer> checkedClasses(String name, Set<Integer> classes) {
        if (classes == null) {
            throw new IllegalArgumentException(name + " classes must not be null");
        }
        for (Integer c : classes) {
            if (c == null || c < 0 || c > SclClassRule.MAX_CLASS) {
                throw new IllegalArgumentException(name + " class must be in [0, " + SclClassRule.MAX_CLASS + "], got " + c
                        + " in " + classes);
            }
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(classes));
    }

    private static void checkSize(String name, int size) {
        if (size > 0 && size % 2 == 0) {
            throw new IllegalArgumentException(name + " size must be odd (a kernel has a centre pixel) or <= 0 to disable it, got "
                    + size);
        }
    }
}
