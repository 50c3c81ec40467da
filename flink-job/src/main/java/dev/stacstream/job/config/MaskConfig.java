package dev.stacstream.job.config;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The {@code mask.*} section: which pixels are invalid besides nodata. Nodata (from {@code raster:bands} or the
 * TIFF) is always invalid; on top of it a pipeline uses no mask, a class mask (Sentinel-2 SCL: listed classes are
 * invalid, optionally dilated) or a bit mask (Landsat QA_PIXEL: a pixel with any listed bit set is invalid).
 */
public sealed interface MaskConfig extends Serializable {

    /** The asset holding the mask layer, which the planner reads besides the bands; empty for {@link NoMask}. */
    Optional<String> maskAsset();

    /** Only nodata is invalid. */
    record NoMask() implements MaskConfig {
        private static final long serialVersionUID = 1L;

        @Override
        public Optional<String> maskAsset() {
            return Optional.empty();
        }
    }

    /**
     * Pixels whose class in {@code asset} (e.g. {@code scl}) is in {@code excludedClasses} are invalid. The mask
     * asset may be on a coarser grid than the bands (SCL 20 m under 10 m bands); it is mapped onto each band's
     * grid by nearest neighbour.
     *
     * @param asset the mask asset key (or {@code eo:bands} common name)
     * @param excludedClasses the invalid class values, ascending and distinct, each in {@code [0, 65535]}
     * @param dilation the optional dilation rule; {@link SclDilation#disabled()} when not configured
     */
    record ClassMask(String asset, List<Integer> excludedClasses, SclDilation dilation) implements MaskConfig {
        private static final long serialVersionUID = 1L;
        /** Class layers are 8- or 16-bit unsigned integers. */
        public static final int MAX_CLASS_VALUE = 0xFFFF;

        public ClassMask {
            requireAsset(asset);
            excludedClasses = List.copyOf(new TreeSet<>(Objects.requireNonNull(excludedClasses, "classes")));
            for (int value : excludedClasses) {
                if (value < 0 || value > MAX_CLASS_VALUE) {
                    throw new IllegalArgumentException("class " + value + " is outside [0, " + MAX_CLASS_VALUE + "]");
                }
            }
            Objects.requireNonNull(dilation, "dilation");
        }

        @Override
        public Optional<String> maskAsset() {
            return Optional.of(asset);
        }
    }

    /**
     * Pixels of the bit-field {@code asset} (e.g. Landsat {@code qa_pixel}) with any of {@code excludedBits} set
     * are invalid; {@code [0, 1, 2, 3, 4]} excludes fill, dilated cloud, cirrus, cloud and cloud shadow.
     *
     * @param asset the mask asset key
     * @param excludedBits bit indices (0 = least significant), ascending and distinct, each in {@code [0, 31]}
     */
    record BitMask(String asset, List<Integer> excludedBits) implements MaskConfig {
        private static final long serialVersionUID = 1L;
        /** Bit-field layers are at most 32-bit unsigned integers. */
        public static final int MAX_BIT_INDEX = 31;

        public BitMask {
            requireAsset(asset);
            excludedBits = List.copyOf(new TreeSet<>(Objects.requireNonNull(excludedBits, "bits")));
            if (excludedBits.isEmpty()) {
                throw new IllegalArgumentException("at least one bit is needed");
            }
            for (int bit : excludedBits) {
                if (bit < 0 || bit > MAX_BIT_INDEX) {
                    throw new IllegalArgumentException("bit " + bit + " is outside [0, " + MAX_BIT_INDEX + "]");
                }
            }
        }

        /** The excluded bits as one mask: a pixel is invalid when {@code (value & bitMask()) != 0}. */
        public long bitMask() {
            long mask = 0;
            for (int bit : excludedBits) {
                mask |= 1L << bit;
            }
            return mask;
        }

        @Override
        public Optional<String> maskAsset() {
            return Optional.of(asset);
        }
    }

    private static void requireAsset(String asset) {
        if (asset == null || asset.isBlank()) {
            throw new IllegalArgumentException("the mask asset is empty");
        }
    }
}
