package dev.stacstream.job.mask;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Excludes mask pixels whose Sentinel-2 SCL class is in a set. The rule sees raw classes: SCL nodata is
 * class 0, excluded only if listed (the default set lists it).
 */
final class SclClassRule extends PixelValueRule {

    /** The largest class an 8-bit SCL can hold. */
    static final int MAX_CLASS = 255;

    private final SortedSet<Integer> excluded;

    SclClassRule(Set<Integer> excluded) {
        if (excluded == null) {
            throw new IllegalArgumentException("excluded SCL classes must not be null");
        }
        for (Integer c : excluded) {
            if (c == null || c < 0 || c > MAX_CLASS) {
                throw new IllegalArgumentException("SCL class must be in [0, " + MAX_CLASS + "], got " + c + " in " + excluded);
            }
        }
        this.excluded = Collections.unmodifiableSortedSet(new TreeSet<>(excluded));
    }

    /** The excluded classes, ascending. */
    SortedSet<Integer> excluded() {
        return excluded;
    }

    @Override
    boolean excludes(int value) {
        return excluded.contains(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SclClassRule r && excluded.equals(r.excluded);
    }

    @Override
    public int hashCode() {
        return Objects.hash(SclClassRule.class, excluded);
    }

    @Override
    public String toString() {
        return "MaskRule.sclClasses(exclude " + excluded + ")";
    }
}
