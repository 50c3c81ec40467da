package dev.stacstream.job.polygons;

import dev.stacstream.cog.geo.PixelSpan;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.plan.WindowGrid;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input polygons on one pixel grid (the bands' level of an item): for each polygon, the pixels whose centre it
 * contains ({@link dev.stacstream.cog.geo.PolygonRasterizer}, GDAL's rule), as row spans; and from them, the work
 * windows each polygon needs. The plan stage and the decode stage both derive the windows from here, so the number
 * of windows a polygon's pixels come from is known where they are put back together. Not thread-safe (it indexes
 * the polygons by window on first use): one per operator instance.
 */
public final class PolygonPixels {

    private final List<List<PixelSpan>> spans;
    /** Per window grid seen, per window, the polygons with pixels in it: so a window looks at its polygons only. */
    private final Map<WindowGrid, int[][]> byWindow = new HashMap<>();

    private PolygonPixels(List<List<PixelSpan>> spans) {
        this.spans = spans;
    }

    /**
     * The polygons of {@code set} on {@code grid}.
     *
     * @throws IllegalArgumentException when the grid's CRS is unknown or not supported
     */
    public static PolygonPixels of(PolygonSet set, LevelGrid grid) {
        if (grid.epsg() == 0) {
            throw new IllegalArgumentException("the image has no EPSG code, so the polygons cannot be placed on it");
        }
        List<List<PixelSpan>> spans = new ArrayList<>(set.size());
        for (int p = 0; p < set.size(); p++) {
            spans.add(set.shape(p).spans(grid.epsg(), grid.geoTransform(), grid.width(), grid.height()));
        }
        return new PolygonPixels(spans);
    }

    /** Polygon {@code polygon}'s pixels on the grid, row by row. */
    public List<PixelSpan> spans(int polygon) {
        return spans.get(polygon);
    }

    /** The windows of {@code windows} that hold at least one pixel of polygon {@code polygon}. */
    public BitSet windows(int polygon, WindowGrid windows) {
        BitSet out = new BitSet(windows.count());
        for (PixelSpan s : spans.get(polygon)) {
            int windowRow = s.row() / windows.stepY();
            int first = s.colStart() / windows.stepX();
            int last = (s.colEnd() - 1) / windows.stepX();
            out.set(windowRow * windows.columns() + first, windowRow * windows.columns() + last + 1);
        }
        return out;
    }

    /** The polygons with pixels in window {@code window} of {@code windows}, ascending. */
    public int[] polygonsIn(WindowGrid windows, int window) {
        return byWindow.computeIfAbsent(windows, this::index)[window];
    }

    private int[][] index(WindowGrid windows) {
        List<List<Integer>> lists = new ArrayList<>(windows.count());
        for (int w = 0; w < windows.count(); w++) {
            lists.add(new ArrayList<>());
        }
        for (int p = 0; p < spans.size(); p++) {
            BitSet touched = windows(p, windows);
            for (int w = touched.nextSetBit(0); w >= 0; w = touched.nextSetBit(w + 1)) {
                lists.get(w).add(p);
            }
        }
        int[][] out = new int[windows.count()][];
        for (int w = 0; w < out.length; w++) {
            out[w] = lists.get(w).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** The windows that hold a pixel of any polygon. */
    public BitSet windows(WindowGrid windows) {
        BitSet out = new BitSet(windows.count());
        for (int p = 0; p < spans.size(); p++) {
            out.or(windows(p, windows));
        }
        return out;
    }

    /** Polygon {@code polygon}'s spans clipped to {@code window}, in level pixel coordinates. */
    public List<PixelSpan> inside(int polygon, PixelWindow window) {
        List<PixelSpan> out = new ArrayList<>();
        for (PixelSpan s : spans.get(polygon)) {
            if (s.row() < window.row() || s.row() >= window.rowEnd()) {
                continue;
            }
            int from = Math.max(s.colStart(), window.col());
            int to = Math.min(s.colEnd(), window.colEnd());
            if (from < to) {
                out.add(new PixelSpan(s.row(), from, to));
            }
        }
        return out;
    }
}
