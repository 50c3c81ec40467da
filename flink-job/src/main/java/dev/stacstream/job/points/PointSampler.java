package dev.stacstream.job.points;

import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.job.mask.BandLayer;
import dev.stacstream.job.mask.GridCache;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.mask.MaskedBlock;
import dev.stacstream.job.mask.SampleNodata;
import dev.stacstream.job.plan.BlockTask;
import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the input points' pixels out of a decoded, masked work window: for every point inside the window and every
 * band, one {@link PointObservation} with the pixel's value after scale/offset, or {@code NaN} when the mask, the
 * band's nodata or a NaN sample invalidates it. Runs in the decode task, so no pixel leaves it.
 *
 * <p>Keeps the points' pixel positions for the last few grids it saw (an item's windows share one grid, and the
 * items of a tile share it too). Not thread-safe: one per operator instance.
 */
public final class PointSampler implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int GRIDS_KEPT = 8;

    private final PointSet points;
    private transient GridCache<PointPixels> grids;

    public PointSampler(PointSet points) {
        this.points = points;
    }

    /**
     * Emits the observations of the points inside {@code masked}'s window.
     *
     * @param grid the bands' level grid of the task
     * @return the number of valid observations emitted
     * @throws IllegalArgumentException when the grid's CRS cannot take the points
     */
    public int sample(BlockTask task, LevelGrid grid, MaskedBlock masked, Consumer<PointObservation> out) {
        PointPixels pixels = pixels(grid);
        PixelWindow w = masked.window();
        int[] inside = pixels.inside(w);
        List<BandLayer> bands = masked.block().bands();
        SampleNodata[] nodata = new SampleNodata[bands.size()];
        for (int b = 0; b < nodata.length; b++) {
            nodata[b] = bands.get(b).sampleNodata();
        }
        int valid = 0;
        for (int k : inside) {
            int point = pixels.point(k);
            int col = pixels.col(k);
            int row = pixels.row(k);
            boolean kept = masked.maskKeeps(col, row);
            for (int b = 0; b < nodata.length; b++) {
                BandLayer band = bands.get(b);
                double value = kept ? band.valueAt(row - w.row(), col - w.col(), nodata[b]) : Double.NaN;
                PointKey key = new PointKey(points.id(point), task.collection(), task.tile(), band.name(),
                        points.lon(point), points.lat(point));
                out.accept(new PointObservation(key, task.itemId(), task.datetime(), value));
                if (!Double.isNaN(value)) {
                    valid++;
                }
            }
        }
        return valid;
    }

    private PointPixels pixels(LevelGrid grid) {
        if (grids == null) {
            grids = new GridCache<>(GRIDS_KEPT, g -> PointPixels.of(points, g));
        }
        return grids.get(grid);
    }
}
