package dev.stacstream.job.plan;

import dev.stacstream.job.mask.LevelGrid;
import java.io.Serializable;
import java.util.BitSet;
import java.util.List;

/**
 * Which of an item's work windows to plan: all of them for grid statistics, only those holding an input point for
 * point extraction.
 */
public interface WindowSelection extends Serializable {

    /** Every window. */
    WindowSelection ALL = AllWindows.INSTANCE;

    /**
     * The windows of {@code windows} to plan, as a set of window indices.
     *
     * @param grid the bands' level: size, geotransform and CRS
     * @throws IllegalArgumentException when the selection cannot be made on this grid (e.g. an unsupported CRS)
     */
    BitSet select(LevelGrid grid, WindowGrid windows);

    /** The windows any of {@code selections} selects. */
    static WindowSelection union(WindowSelection... selections) {
        return new Union(List.of(selections));
    }

    /** The union of several selections (point and polygon extraction together). */
    record Union(List<WindowSelection> parts) implements WindowSelection {
        private static final long serialVersionUID = 1L;

        @Override
        public BitSet select(LevelGrid grid, WindowGrid windows) {
            BitSet out = new BitSet(windows.count());
            for (WindowSelection part : parts) {
                out.or(part.select(grid, windows));
            }
            return out;
        }
    }

    /** The selection of every window (a singleton, so that it serializes as itself). */
    enum AllWindows implements WindowSelection {
        INSTANCE;

        @Override
        public BitSet select(LevelGrid grid, WindowGrid windows) {
            BitSet all = new BitSet(windows.count());
            all.set(0, windows.count());
            return all;
        }
    }
}
