package dev.stacstream.job.polygons;

import dev.stacstream.cog.geo.PixelSpan;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.job.mask.BandLayer;
import dev.stacstream.job.mask.GridCache;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.mask.MaskedBlock;
import dev.stacstream.job.mask.SampleNodata;
import dev.stacstream.job.plan.BlockTask;
import dev.stacstream.sinks.row.PixelBatch;
import dev.stacstream.sinks.row.PixelSource;
import java.io.Serializable;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the input polygons' pixels out of a decoded, masked work window: for every polygon with pixels in the
 * window, one {@link PixelPart} with each pixel's stable id, centre and band values (after scale/offset, {@code NaN}
 * where the mask or nodata invalidates them). Runs in the decode task, so no raster leaves it.
 *
 * <p>Keeps the polygons' pixels for the last few grids it saw. Not thread-safe: one per operator instance.
 */
public final class PolygonSampler implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int GRIDS_KEPT = 8;

    private final PolygonSet polygons;
    private transient GridCache<PolygonPixels> grids;

    public PolygonSampler(PolygonSet polygons) {
        this.polygons = polygons;
    }

    /**
     * Emits the parts of the polygons with pixels in {@code masked}'s window.
     *
     * @return the number of pixels emitted
     * @throws IllegalArgumentException when the grid's CRS cannot take the polygons, or its pixels have no stable id
     */
    public long sample(BlockTask task, LevelGrid grid, MaskedBlock masked, Consumer<PixelPart> out) {
        PolygonPixels pixels = pixels(grid);
        PixelLattice lattice = PixelLattice.of(grid);
        PixelWindow w = masked.window();
        List<BandLayer> bands = masked.block().bands();
        SampleNodata[] nodata = new SampleNodata[bands.size()];
        for (int b = 0; b < nodata.length; b++) {
            nodata[b] = bands.get(b).sampleNodata();
        }
        long emitted = 0;
        for (int p : pixels.polygonsIn(task.windows(), task.windowIndex())) {
            List<PixelSpan> spans = pixels.inside(p, w);
            if (spans.isEmpty()) {
                continue;
            }
            int n = 0;
            for (PixelSpan s : spans) {
                n += s.colEnd() - s.colStart();
            }
            long[] ids = new long[n];
            double[] xs = new double[n];
            double[] ys = new double[n];
            double[][] values = new double[bands.size()][n];
            int i = 0;
            for (PixelSpan s : spans) {
                for (int col = s.colStart(); col < s.colEnd(); col++, i++) {
                    ids[i] = lattice.id(col, s.row());
                    xs[i] = lattice.centreX(col, s.row());
                    ys[i] = lattice.centreY(col, s.row());
                    boolean kept = masked.maskKeeps(col, s.row());
                    for (int b = 0; b < bands.size(); b++) {
                        values[b][i] = kept ? bands.get(b).valueAt(s.row() - w.row(), col - w.col(), nodata[b])
                                : Double.NaN;
                    }
                }
            }
            BitSet windows = pixels.windows(p, task.windows());
            out.accept(new PixelPart(PixelBatch.of(polygons.id(p), task.collection(), "EPSG:" + grid.epsg(),
                    new PixelSource(task.itemId(), task.tile(), task.datetime()), ids, xs, ys, values),
                    windows.cardinality(), task.windowIndex()));
            emitted += n;
        }
        return emitted;
    }

    private PolygonPixels pixels(LevelGrid grid) {
        if (grids == null) {
            grids = new GridCache<>(GRIDS_KEPT, g -> PolygonPixels.of(polygons, g));
        }
        return grids.get(grid);
    }
}
