package dev.stacstream.cog.geo;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The pixels of a grid that lie inside a polygon or multipolygon given in WGS 84 longitude/latitude, e.g. every
 * pixel of a Sentinel-2 COG inside a crop parcel. The selection is GDAL's: exactly the pixels that
 * {@code gdal_rasterize} and {@code rasterio.features.rasterize} burn with their default settings
 * ({@code ALL_TOUCHED=FALSE}, {@code MERGE_ALG=REPLACE}), so that statistics computed here agree pixel for pixel
 * with the ones users compute with GDAL-based tools. GDAL's rules ({@code GDALdllImageFilledPolygon} in
 * {@code alg/llrasterize.cpp} and its caller in {@code alg/gdalrasterize.cpp}), which this class reproduces:
 *
 * <ul>
 *   <li>Only the vertices are projected into the grid's CRS (with {@link LonLatProjection#forEpsg}); edges stay
 *       straight lines in that CRS. The vertices then go to continuous pixel coordinates (column, row) through the
 *       inverse of the GDAL geotransform, computed as GDAL's {@code GDALInvGeoTransform} does (exact reciprocals for
 *       a north-up transform, the adjugate over the determinant otherwise), so that even vertices exactly on pixel
 *       centres land where GDAL puts them.</li>
 *   <li>Row {@code r} is scanned along its centre line {@code y = r + 0.5}. An edge crosses that line when its
 *       lower end is at or above it and its upper end strictly beyond it ({@code yLow <= y < yHigh}), so a vertex
 *       on the line counts once where the ring passes through it and twice or not at all at a peak or valley.</li>
 *   <li>The crossings of all rings of one polygon are sorted and paired (even-odd rule, so holes are excluded).
 *       Each pair {@code (x0, x1)} selects the columns {@code floor(x0 + 0.5)} to {@code floor(x1 + 0.5) - 1}: the
 *       pixels whose centre {@code c + 0.5} lies in {@code (x0, x1]}. A centre exactly on a left boundary is
 *       outside, one exactly on a right boundary inside.</li>
 *   <li>GDAL orders every ring clockwise in the CRS before rasterizing and then additionally burns the pixels
 *       under each edge that lies exactly on a centre line and runs towards decreasing column (same rounding).
 *       On a north-up grid these are the southern horizontal edges, of exterior rings and holes alike; so a
 *       rectangle whose edges lie on centre lines includes both its top and its bottom row.</li>
 *   <li>The polygons of a multipolygon are rasterized one by one and the result is their union (GDAL does this
 *       in replace mode), so parts that touch or overlap stay inside.</li>
 * </ul>
 *
 * <p>The work is proportional to the number of edges times the number of rows the polygon spans; no pixel is tested
 * on its own. Rings with zero area in the CRS select nothing. Self-intersecting rings are rasterized with the same
 * even-odd rule but are not otherwise supported (GDAL's choice of ring orientation, which matters only for edges
 * exactly on centre lines, may differ for them).
 *
 * <p>Immutable, thread-safe and Serializable (to ship reference polygons to Flink operators).
 */
public final class PolygonRasterizer implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final double MAX_LATITUDE = 90;

    /** {@code rings[p][r]}: ring {@code r} of polygon {@code p} as {lon0, lat0, lon1, lat1, ...}, not closed. */
    private final double[][][] rings;
    private final int ringCount;
    private final int vertexCount;

    private PolygonRasterizer(double[][][] rings, int ringCount, int vertexCount) {
        this.rings = rings;
        this.ringCount = ringCount;
        this.vertexCount = vertexCount;
    }

    /**
     * A polygon or multipolygon in WGS 84 lon/lat: {@code polygons[p][ring][vertex] = {lon, lat}}; ring 0 of each
     * polygon is the exterior, the others holes (GeoJSON order; rings closed or not, in either orientation). A
     * vertex may carry a third coordinate (altitude, as GeoJSON allows), which is ignored. A polygon without rings
     * or a ring with fewer than three distinct vertices selects nothing.
     *
     * @throws IllegalArgumentException when an array is {@code null}, a vertex has fewer than two coordinates, a
     *     coordinate is not finite or a latitude is outside -90..90
     */
    public static PolygonRasterizer ofLonLat(double[][][][] polygons) {
        if (polygons == null) {
            throw new IllegalArgumentException("polygons is null");
        }
        double[][][] copy = new double[polygons.length][][];
        int ringCount = 0;
        int vertexCount = 0;
        for (int p = 0; p < polygons.length; p++) {
            double[][][] polygon = polygons[p];
            if (polygon == null) {
                throw new IllegalArgumentException("polygon " + p + " is null");
            }
            copy[p] = new double[polygon.length][];
            for (int r = 0; r < polygon.length; r++) {
                copy[p][r] = ring(polygon[r], p, r);
                ringCount++;
                vertexCount += copy[p][r].length / 2;
            }
        }
        return new PolygonRasterizer(copy, ringCount, vertexCount);
    }

    /** One ring as {lon0, lat0, lon1, lat1, ...}, validated, the closing vertex (equal to the first) dropped. */
    private static double[] ring(double[][] vertices, int polygon, int ring) {
        String where = "ring " + ring + " of polygon " + polygon;
        if (vertices == null) {
            throw new IllegalArgumentException(where + " is null");
        }
        int n = vertices.length;
        double[] lonLat = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double[] vertex = vertices[i];
            if (vertex == null || vertex.length < 2) {
                throw new IllegalArgumentException("vertex " + i + " of " + where + " is "
                        + Arrays.toString(vertex) + ": need {longitude, latitude}");
            }
            double lon = vertex[0];
            double lat = vertex[1];
            if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lat) > MAX_LATITUDE) {
                throw new IllegalArgumentException("vertex " + i + " of " + where + " is not a WGS 84 position: "
                        + "longitude " + lon + ", latitude " + lat + " (need finite values, latitude in -90..90)");
            }
            lonLat[2 * i] = lon;
            lonLat[2 * i + 1] = lat;
        }
        if (n >= 2 && lonLat[0] == lonLat[2 * n - 2] && lonLat[1] == lonLat[2 * n - 1]) {
            lonLat = Arrays.copyOf(lonLat, 2 * n - 2);
        }
        return lonLat;
    }

    /**
     * The pixels of a grid whose centre lies inside the polygon (by GDAL's rules, see the class comment), row by
     * row: rows ascending, the spans of a row ascending, disjoint and not adjacent (touching runs are merged),
     * clipped to {@code [0, width) x [0, height)}. The polygon is projected into the grid's CRS with
     * {@link LonLatProjection#forEpsg}.
     *
     * @param epsg the grid's CRS
     * @param geoTransform the grid's GDAL geotransform (origin x, pixel width, row rotation, origin y, column
     *     rotation, pixel height); it may be rotated, the full affine transform is inverted
     * @param width columns of the grid
     * @param height rows of the grid
     * @return an unmodifiable list, empty when no pixel centre is inside
     * @throws IllegalArgumentException for an unsupported CRS, a geotransform that is not six finite coefficients
     *     of an invertible transform, a negative size, or a vertex that does not project to a finite position
     */
    public List<PixelSpan> spans(int epsg, double[] geoTransform, int width, int height) {
        Grid grid = Grid.of(epsg, geoTransform, width, height);
        List<Shape> shapes = shapes(grid);
        int firstRow = Integer.MAX_VALUE;
        int lastRow = -1;
        int maxEdges = 0;
        int totalEdges = 0;
        for (Shape shape : shapes) {
            firstRow = Math.min(firstRow, shape.firstRow);
            lastRow = Math.max(lastRow, shape.lastRow);
            maxEdges = Math.max(maxEdges, shape.edges);
            totalEdges += shape.edges;
        }
        if (firstRow > lastRow) {
            return List.of();
        }
        // Per shape and row, the runs number at most its edges: crossings / 2 plus the horizontal edges.
        double[] crossings = new double[maxEdges];
        long[] runs = new long[totalEdges];
        List<PixelSpan> spans = new ArrayList<>();
        for (int row = firstRow; row <= lastRow; row++) {
            double centre = row + 0.5;
            int count = 0;
            for (Shape shape : shapes) {
                if (row >= shape.firstRow && row <= shape.lastRow) {
                    count = shape.runs(centre, width, crossings, runs, count);
                }
            }
            merge(row, runs, count, spans);
        }
        return Collections.unmodifiableList(spans);
    }

    /**
     * The pixel-space bounding box of the polygon on that grid, clipped: {@code {colMin, rowMin, colMaxExclusive,
     * rowMaxExclusive}}, the pixels that the bounding box of the projected polygon overlaps; or {@code null} when it
     * misses the grid. Every span of {@link #spans} with the same arguments lies inside it (so {@code null} means no
     * spans), but the box may hold pixels that are not selected. Cheap: for choosing which work windows to read.
     *
     * @return a new array, or {@code null}
     * @throws IllegalArgumentException as {@link #spans}
     */
    public int[] pixelBounds(int epsg, double[] geoTransform, int width, int height) {
        Grid grid = Grid.of(epsg, geoTransform, width, height);
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Shape shape : shapes(grid)) {
            minX = Math.min(minX, shape.minX);
            minY = Math.min(minY, shape.minY);
            maxX = Math.max(maxX, shape.maxX);
            maxY = Math.max(maxY, shape.maxY);
        }
        // Clamp in double before the cast: a polygon far off the grid has pixel coordinates beyond int.
        double colMin = Math.max(0, Math.floor(minX));
        double rowMin = Math.max(0, Math.floor(minY));
        double colMax = Math.min(width, Math.ceil(maxX));
        double rowMax = Math.min(height, Math.ceil(maxY));
        if (!(colMin < colMax && rowMin < rowMax)) {
            return null;
        }
        return new int[] {(int) colMin, (int) rowMin, (int) colMax, (int) rowMax};
    }

    /** Sorts the runs of one row, merges overlapping and touching ones and appends them as spans. */
    private static void merge(int row, long[] runs, int count, List<PixelSpan> spans) {
        if (count == 0) {
            return;
        }
        Arrays.sort(runs, 0, count);
        int start = runStart(runs[0]);
        int end = runEnd(runs[0]);
        for (int i = 1; i < count; i++) {
            int nextStart = runStart(runs[i]);
            int nextEnd = runEnd(runs[i]);
            if (nextStart <= end) {
                end = Math.max(end, nextEnd);
            } else {
                spans.add(new PixelSpan(row, start, end));
                start = nextStart;
                end = nextEnd;
            }
        }
        spans.add(new PixelSpan(row, start, end));
    }

    /**
     * Appends the run of columns whose centre lies in {@code (x0, x1]}, that is {@code floor(x0 + 0.5)} to
     * {@code floor(x1 + 0.5)} exclusive as GDAL rounds, clipped to {@code [0, width)}; nothing when empty. A run is
     * encoded as {@code start << 32 | end} so that sorting the longs sorts the runs by start.
     */
    private static int addRun(long[] runs, int count, double x0, double x1, int width) {
        double start = Math.max(0, Math.floor(x0 + 0.5));
        double end = Math.min(width, Math.floor(x1 + 0.5));
        if (start >= end) {
            return count;
        }
        runs[count] = (long) start << 32 | (long) end;
        return count + 1;
    }

    private static int runStart(long run) {
        return (int) (run >>> 32);
    }

    private static int runEnd(long run) {
        return (int) run;
    }

    /** Every polygon with at least one ring of non-zero area, projected onto the grid. */
    private List<Shape> shapes(Grid grid) {
        List<Shape> shapes = new ArrayList<>(rings.length);
        double[] xy = new double[2];
        for (int p = 0; p < rings.length; p++) {
            List<double[]> xs = new ArrayList<>(rings[p].length);
            List<double[]> ys = new ArrayList<>(rings[p].length);
            for (int r = 0; r < rings[p].length; r++) {
                double[] lonLat = rings[p][r];
                int n = lonLat.length / 2;
                double[] crsX = new double[n];
                double[] crsY = new double[n];
                for (int i = 0; i < n; i++) {
                    grid.projection.project(lonLat[2 * i], lonLat[2 * i + 1], xy);
                    if (!Double.isFinite(xy[0]) || !Double.isFinite(xy[1])) {
                        throw new IllegalArgumentException("vertex " + i + " of ring " + r + " of polygon " + p
                                + " (longitude " + lonLat[2 * i] + ", latitude " + lonLat[2 * i + 1]
                                + ") has no finite position in EPSG:" + grid.projection.epsg());
                    }
                    crsX[i] = xy[0];
                    crsY[i] = xy[1];
                }
                double twiceArea = twiceSignedArea(crsX, crsY);
                if (twiceArea == 0) {
                    continue; // fewer than three distinct vertices or all on one line: no inside
                }
                // GDAL orders each ring clockwise in the CRS (y up, negative area), which decides which horizontal
                // edges on a centre line it burns in addition.
                boolean reverse = twiceArea > 0;
                double[] x = new double[n];
                double[] y = new double[n];
                double[] inv = grid.inverse;
                for (int k = 0; k < n; k++) {
                    int i = reverse ? n - 1 - k : k;
                    x[k] = inv[0] + crsX[i] * inv[1] + crsY[i] * inv[2];
                    y[k] = inv[3] + crsX[i] * inv[4] + crsY[i] * inv[5];
                }
                xs.add(x);
                ys.add(y);
            }
            if (!xs.isEmpty()) {
                shapes.add(new Shape(xs.toArray(new double[0][]), ys.toArray(new double[0][]), grid.height));
            }
        }
        return shapes;
    }

    /** Twice the signed area of a ring (positive when counter-clockwise with y up), relative to vertex 0. */
    private static double twiceSignedArea(double[] x, double[] y) {
        int n = x.length;
        if (n < 3) {
            return 0;
        }
        double sum = 0;
        for (int i = 1; i + 1 < n; i++) {
            sum += (x[i] - x[0]) * (y[i + 1] - y[0]) - (x[i + 1] - x[0]) * (y[i] - y[0]);
        }
        return sum;
    }

    @Override
    public String toString() {
        return "PolygonRasterizer[" + rings.length + " polygons, " + ringCount + " rings, " + vertexCount
                + " vertices]";
    }

    /** A grid: the projection into its CRS, the inverse of its geotransform and its size. */
    private static final class Grid {

        final LonLatProjection projection;
        final double[] inverse;
        final int height;

        private Grid(LonLatProjection projection, double[] inverse, int height) {
            this.projection = projection;
            this.inverse = inverse;
            this.height = height;
        }

        static Grid of(int epsg, double[] geoTransform, int width, int height) {
            if (width < 0 || height < 0) {
                throw new IllegalArgumentException("grid size " + width + " x " + height + " is negative");
            }
            LonLatProjection projection = LonLatProjection.forEpsg(epsg);
            return new Grid(projection, GeoTransforms.invert(geoTransform), height);
        }

        /**
         * The inverse geotransform, computed as GDAL's {@code GDALInvGeoTransform}: without rotation, the
         * reciprocals of the pixel sizes (exact for power-of-two sizes, and without the rounding of a determinant);
         * otherwise the adjugate divided by the determinant. Singular when the determinant is at most 1e-10 times
         * the square of the largest linear coefficient, as in GDAL.
         */
    }

    /** One polygon on the pixel grid: its rings of non-zero area in pixel coordinates, clockwise in the CRS. */
    private static final class Shape {

        final double[][] xs;
        final double[][] ys;
        final int edges;
        final double minX;
        final double minY;
        final double maxX;
        final double maxY;
        /** The rows, clipped to the grid, whose centre line can meet the polygon: last < first when none. */
        final int firstRow;
        final int lastRow;

        Shape(double[][] xs, double[][] ys, int height) {
            this.xs = xs;
            this.ys = ys;
            int edgeCount = 0;
            double x0 = Double.POSITIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY;
            double x1 = Double.NEGATIVE_INFINITY;
            double y1 = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < xs.length; r++) {
                edgeCount += xs[r].length;
                for (int i = 0; i < xs[r].length; i++) {
                    x0 = Math.min(x0, xs[r][i]);
                    x1 = Math.max(x1, xs[r][i]);
                    y0 = Math.min(y0, ys[r][i]);
                    y1 = Math.max(y1, ys[r][i]);
                }
            }
            this.edges = edgeCount;
            this.minX = x0;
            this.minY = y0;
            this.maxX = x1;
            this.maxY = y1;
            // Centre lines r + 0.5 within [minY, maxY] lie in these rows (a superset, as GDAL's own bounds).
            this.firstRow = (int) Math.max(0, Math.floor(y0));
            this.lastRow = (int) Math.min(height - 1, Math.floor(y1));
        }

        /**
         * Appends to {@code runs} (from index {@code count}) the runs this polygon selects on the centre line
         * {@code centre} of one row and returns the new count. {@code crossings} is scratch of at least
         * {@link #edges} elements.
         */
        int runs(double centre, int width, double[] crossings, long[] runs, int count) {
            int crossingCount = 0;
            for (int r = 0; r < xs.length; r++) {
                double[] x = xs[r];
                double[] y = ys[r];
                int n = x.length;
                for (int i = 0, previous = n - 1; i < n; previous = i++) {
                    double yA = y[previous];
                    double yB = y[i];
                    if ((yA < centre && yB < centre) || (yA > centre && yB > centre)) {
                        continue;
                    }
                    if (yA == yB) {
                        // On the centre line: GDAL burns it when it runs towards decreasing column.
                        if (x[previous] > x[i]) {
                            count = addRun(runs, count, x[i], x[previous], width);
                        }
                        continue;
                    }
                    double xLow;
                    double yLow;
                    double xHigh;
                    double yHigh;
                    if (yA < yB) {
                        xLow = x[previous];
                        yLow = yA;
                        xHigh = x[i];
                        yHigh = yB;
                    } else {
                        xLow = x[i];
                        yLow = yB;
                        xHigh = x[previous];
                        yHigh = yA;
                    }
                    // Half-open in y (yLow <= centre < yHigh): a vertex on the line counts once per passage.
                    // The interpolation is evaluated in GDAL's order so that ties round alike.
                    if (centre < yHigh) {
                        crossings[crossingCount++] = (centre - yLow) * (xHigh - xLow) / (yHigh - yLow) + xLow;
                    }
                }
            }
            Arrays.sort(crossings, 0, crossingCount);
            for (int k = 0; k + 1 < crossingCount; k += 2) {
                count = addRun(runs, count, crossings[k], crossings[k + 1], width);
            }
            return count;
        }
    }
}
