package dev.stacstream.job.points;

import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.plan.WindowGrid;
import dev.stacstream.job.plan.WindowSelection;
import java.util.BitSet;

/** Plans only the work windows that hold at least one input point: point extraction reads nothing else. */
public final class PointWindows implements WindowSelection {

    private static final long serialVersionUID = 1L;

    private final PointSet points;

    public PointWindows(PointSet points) {
        this.points = points;
    }

    @Override
    public BitSet select(LevelGrid grid, WindowGrid windows) {
        return PointPixels.of(points, grid).windows(windows);
    }

    @Override
    public String toString() {
        return "PointWindows{" + points + "}";
    }
}
