package dev.stacstream.job.mask;

import java.util.ArrayList;
import java.util.List;

/**
 * Excludes mask pixels with any of a set of bits set: Landsat Collection 2 QA_PIXEL (bit 0 fill, 1 dilated
 * cloud, 2 cirrus, 3 cloud, 4 cloud shadow, 5 snow, ...; FORMATS.md "Mask layers").
 */
final class QaBitsRule extends PixelValueRule {

    /** QA_PIXEL is a 16-bit field. */
    static final int BITS = 16;

    private final int bitMask;

    private QaBitsRule(int bitMask) {
        this.bitMask = bitMask;
    }

    static QaBitsRule ofBits(int... bits) {
        if (bits == null || bits.length == 0) {
            throw new IllegalArgumentException("a QA bit rule needs at least one bit");
        }
        int mask = 0;
        for (int bit : bits) {
            if (bit < 0 || bit >= BITS) {
                throw new IllegalArgumentException("QA_PIXEL bit must be in [0, " + BITS + "), got " + bit);
            }
            mask |= 1 << bit;
        }
        return new QaBitsRule(mask);
    }

    /** The tested bits as a mask (bit i set when bit i excludes). */
    int bitMask() {
        return bitMask;
    }

    @Override
    boolean excludes(int value) {
        return (value & bitMask) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QaBitsRule r && bitMask == r.bitMask;
    }

    @Override
    public int hashCode() {
        return bitMask;
    }

    @Override
    public String toString() {
        List<Integer> bits = new ArrayList<>();
        for (int i = 0; i < BITS; i++) {
            if ((bitMask & (1 << i)) != 0) {
                bits.add(i);
            }
        }
        return "MaskRule.landsatQaBits(" + bits + ")";
    }
}
