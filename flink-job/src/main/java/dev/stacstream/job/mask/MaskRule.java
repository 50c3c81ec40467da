package dev.stacstream.job.mask;

import java.io.Serializable;
import java.util.Set;

/**
 * Which pixels a mask asset invalidates. Rules are small immutable serializable values built by the static
 * factories below; their per-thread working form is a {@link MaskEvaluator}. Band nodata is not part of a
 * rule: it is always applied, per band (see {@link BandValues}).
 *
 * <ul>
 *   <li>{@link #none()}: no mask asset; only nodata masks.
 *   <li>{@link #sclClasses(Set)}: Sentinel-2 SCL classes to exclude ({@link #DEFAULT_SCL_EXCLUDED} by default).
 *   <li>{@link #sclDilation(SclDilationParams)}: the openEO SCL dilation rule (FORMATS.md section 6), which
 *       needs a halo of {@link #haloPixels()} mask pixels around each block.
 *   <li>{@link #landsatQaBits(int...)}: Landsat Collection 2 QA_PIXEL bits, any of which excludes a pixel.
 * </ul>
 */
public interface MaskRule extends Serializable {

    /** SCL classes excluded unless configured: no data, saturated, cloud shadow, cloud medium/high, cirrus. */
    Set<Integer> DEFAULT_SCL_EXCLUDED = Set.of(0, 1, 3, 8, 9, 10);

    /**
     * Mask pixels beyond a block's own mask pixels, on each side, that evaluating this rule reads (0 for
     * per-pixel rules). The planner reads the mask window grown by this many pixels, clipped to the image.
     */
    int haloPixels();

    /** Whether the rule reads a mask layer ({@code false} only for {@link #none()}). */
    default boolean needsMaskLayer() {
        return true;
    }

    /** A fresh evaluator for one thread. */
    MaskEvaluator newEvaluator();

    /** No mask asset: every in-window pixel is valid unless it is nodata. */
    static MaskRule none() {
        return NoMaskRule.INSTANCE;
    }

    /** Excludes pixels whose SCL class is in {@code excluded} (values 0 to 255). */
    static MaskRule sclClasses(Set<Integer> excluded) {
        return new SclClassRule(excluded);
    }

    /** The SCL dilation rule of FORMATS.md section 6 with the given parameters. */
    static MaskRule sclDilation(SclDilationParams params) {
        return new SclDilationRule(params);
    }

    /** Excludes pixels whose QA_PIXEL value has any of {@code bits} (0 to 15) set, e.g. 0-4 for fill and clouds. */
    static MaskRule landsatQaBits(int... bits) {
        return QaBitsRule.ofBits(bits);
    }
}
