package dev.stacstream.job.points;

import dev.stacstream.cog.geo.GeoTransforms;
import dev.stacstream.cog.geo.LonLatProjection;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.plan.WindowGrid;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The input points that fall on one pixel grid (the bands' level of an item): each point's pixel, the one whose
 * area contains it (GDAL's convention: pixel {@code (col, row)} covers {@code [col, col + 1) x [row, row + 1)} in
 * pixel coordinates). Points are projected from WGS 84 into the grid's CRS ({@link LonLatProjection}); a point
 * outside the grid is left out.
 *
 * <p>Kept sorted by row, then column, so that the points of a window are found by a binary search on its rows.
 * Immutable.
 */
public final class PointPixels {

    private final int[] points;
    private final int[] cols;
    private final int[] rows;

    private PointPixels(int[] points, int[] cols, int[] rows) {
        this.points = points;
        this.cols = cols;
        this.rows = rows;
    }

    /**
     * The points of {@code set} on {@code grid}.
     *
     * @throws IllegalArgumentException when the grid's CRS is unknown or not supported for point extraction
     */
    public static PointPixels of(PointSet set, LevelGrid grid) {
        if (grid.epsg() == 0) {
            throw new IllegalArgumentException("the image has no EPSG code, so the points cannot be placed on it");
        }
        LonLatProjection projection = LonLatProjection.forEpsg(grid.epsg());
        // The inverse as GDAL computes it, so that a point rounds to the pixel GDAL (and the polygon path) gives it.
        double[] inv = GeoTransforms.invert(grid.geoTransform());
        double[] xy = new double[2];
        int[] pts = new int[set.size()];
        int[] cs = new int[set.size()];
        int[] rs = new int[set.size()];
        int n = 0;
        for (int p = 0; p < set.size(); p++) {
            projection.project(set.lon(p), set.lat(p), xy);
            double col = Math.floor(inv[0] + xy[0] * inv[1] + xy[1] * inv[2]);
            double row = Math.floor(inv[3] + xy[0] * inv[4] + xy[1] * inv[5]);
            if (col >= 0 && col < grid.width() && row >= 0 && row < grid.height()) {
                pts[n] = p;
                cs[n] = (int) col;
                rs[n] = (int) row;
                n++;
            }
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> rs[a] != rs[b] ? Integer.compare(rs[a], rs[b]) : Integer.compare(cs[a], cs[b]));
        int[] points = new int[n];
        int[] cols = new int[n];
        int[] rows = new int[n];
        for (int k = 0; k < n; k++) {
            points[k] = pts[order[k]];
            cols[k] = cs[order[k]];
            rows[k] = rs[order[k]];
        }
        return new PointPixels(points, cols, rows);
    }

    /** Points on the grid. */
    public int count() {
        return points.length;
    }

    /** The {@code k}-th point's index in its {@link PointSet}. */
    public int point(int k) {
        return points[k];
    }

    public int col(int k) {
        return cols[k];
    }

    public int row(int k) {
        return rows[k];
    }

    /** The windows of {@code windows} that hold at least one point. */
    public BitSet windows(WindowGrid windows) {
        BitSet out = new BitSet(windows.count());
        for (int k = 0; k < points.length; k++) {
            out.set((rows[k] / windows.stepY()) * windows.columns() + cols[k] / windows.stepX());
        }
        return out;
    }

    /** The positions {@code k} of the points inside {@code window}, in row-then-column order. */
    public int[] inside(PixelWindow window) {
        int from = firstRowAtLeast(window.row());
        int to = firstRowAtLeast(window.rowEnd());
        int[] out = new int[to - from];
        int n = 0;
        for (int k = from; k < to; k++) {
            if (cols[k] >= window.col() && cols[k] < window.colEnd()) {
                out[n++] = k;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private int firstRowAtLeast(int row) {
        int lo = 0;
        int hi = rows.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rows[mid] < row) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
