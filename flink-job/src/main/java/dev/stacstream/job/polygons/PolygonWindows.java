package dev.stacstream.job.polygons;

import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.plan.WindowGrid;
import dev.stacstream.job.plan.WindowSelection;
import java.util.BitSet;

/** Plans only the work windows that hold a pixel of an input polygon. */
public final class PolygonWindows implements WindowSelection {

    private static final long serialVersionUID = 1L;

    private final PolygonSet polygons;

    public PolygonWindows(PolygonSet polygons) {
        this.polygons = polygons;
    }

    @Override
    public BitSet select(LevelGrid grid, WindowGrid windows) {
        PixelLattice.of(grid); // a grid without stable pixel ids fails its item once, here, not each window later
        return PolygonPixels.of(polygons, grid).windows(windows);
    }
}
