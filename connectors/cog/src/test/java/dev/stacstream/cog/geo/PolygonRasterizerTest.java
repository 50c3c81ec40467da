package dev.stacstream.cog.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-made cases with known answers. Most lie on a 50 x 50 grid of 10 m pixels in EPSG:32633 (UTM 33N); their
 * vertices are written in pixel coordinates (column, row) of that grid, taken to UTM by the geotransform and to
 * lon/lat with {@link UtmProjection#unproject}, and chosen at least 0.1 pixel away from every pixel centre line so
 * that the nanometres of the projection round trip cannot decide anything. The tie rules (centres exactly on edges)
 * are tested on an EPSG:4326 grid with power-of-two pixel sizes, where every coordinate is exact.
 * {@link PolygonRasterizerOracleTest} compares with GDAL itself.
 */
class PolygonRasterizerTest {

    private static final int UTM_33N = 32633;
    private static final double[] GRID = {500000, 10, 0, 5900000, 0, -10};
    private static final int SIZE = 50;
    /** A rotated grid of 10 m pixels (axes turned by atan(6 / 8)), same origin. */
    private static final double[] ROTATED_GRID = {500000, 8, 6, 5900000, 6, -8};

    /** Exact lon/lat grid: 2^-10 degree pixels, so lon = 13 + col / 1024 and lat = 52 - row / 1024 exactly. */
    private static final double PIXEL_DEGREES = 0x1p-10;
    private static final double[] EXACT_GRID = {13, PIXEL_DEGREES, 0, 52, 0, -PIXEL_DEGREES};

    @Test
    void squareSelectsThePixelsWhoseCentreIsInside() {
        // Columns 10.2..15.8 hold the centres 10.5..15.5, rows 20.2..24.8 the centres 20.5..24.5.
        PolygonRasterizer square = polygon(utmRing(GRID, 10.2, 20.2, 15.8, 20.2, 15.8, 24.8, 10.2, 24.8));

        assertThat(square.spans(UTM_33N, GRID, SIZE, SIZE)).containsExactlyElementsOf(rows(20, 24, 10, 16));
        assertThat(square.pixelBounds(UTM_33N, GRID, SIZE, SIZE)).containsExactly(10, 20, 16, 25);
    }

    @Test
    void ringOrientationAndClosingVertexDoNotMatter() {
        double[][] ring = utmRing(GRID, 10.2, 20.2, 15.8, 20.2, 15.8, 24.8, 10.2, 24.8);
        double[][] reversed = reverse(ring);
        double[][] open = Arrays.copyOf(ring, ring.length - 1);

        List<PixelSpan> expected = rows(20, 24, 10, 16);
        assertThat(polygon(reversed).spans(UTM_33N, GRID, SIZE, SIZE)).isEqualTo(expected);
        assertThat(polygon(open).spans(UTM_33N, GRID, SIZE, SIZE)).isEqualTo(expected);
    }

    @Test
    void holesAreExcludedWhateverTheirOrientation() {
        double[][] outer = utmRing(GRID, 5.3, 5.3, 20.7, 5.3, 20.7, 20.7, 5.3, 20.7);
        double[][] hole = utmRing(GRID, 10.2, 10.2, 14.8, 10.2, 14.8, 14.8, 10.2, 14.8);
        List<PixelSpan> expected = new ArrayList<>();
        for (int row = 5; row <= 20; row++) {
            if (row >= 10 && row <= 14) {
                expected.add(new PixelSpan(row, 5, 10));
                expected.add(new PixelSpan(row, 15, 21));
            } else {
                expected.add(new PixelSpan(row, 5, 21));
            }
        }

        assertThat(polygon(outer, hole).spans(UTM_33N, GRID, SIZE, SIZE)).isEqualTo(expected);
        assertThat(polygon(outer, reverse(hole)).spans(UTM_33N, GRID, SIZE, SIZE)).isEqualTo(expected);
        assertThat(polygon(outer, hole).pixelBounds(UTM_33N, GRID, SIZE, SIZE)).containsExactly(5, 5, 21, 21);
    }

    @Test
    void multipolygonOfTwoDisjointSquares() {
        PolygonRasterizer two = PolygonRasterizer.ofLonLat(new double[][][][] {
            {utmRing(GRID, 2.2, 3.3, 4.7, 3.3, 4.7, 5.8, 2.2, 5.8)},
            {utmRing(GRID, 30.1, 40.4, 33.9, 40.4, 33.9, 41.6, 30.1, 41.6)}});

        List<PixelSpan> expected = new ArrayList<>(rows(3, 5, 2, 5));
        expected.addAll(rows(40, 41, 30, 34));
        assertThat(two.spans(UTM_33N, GRID, SIZE, SIZE)).isEqualTo(expected);
        assertThat(two.pixelBounds(UTM_33N, GRID, SIZE, SIZE)).containsExactly(2, 3, 34, 42);
    }

    @Test
    void overlappingAndTouchingPartsOfAMultipolygonAreTheirUnion() {
        // Even-odd across the parts would cut the overlap (columns 12-15) out; GDAL burns each part on its own.
        PolygonRasterizer overlapping = PolygonRasterizer.ofLonLat(new double[][][][] {
            {utmRing(GRID, 8.2, 8.2, 15.8, 8.2, 15.8, 12.8, 8.2, 12.8)},
            {utmRing(GRID, 12.2, 10.2, 20.8, 10.2, 20.8, 15.8, 12.2, 15.8)}});
        List<PixelSpan> expected = new ArrayList<>(rows(8, 9, 8, 16));
        expected.addAll(rows(10, 12, 8, 21));
        expected.addAll(rows(13, 15, 12, 21));
        assertThat(overlapping.spans(UTM_33N, GRID, SIZE, SIZE)).isEqualTo(expected);

        // Parts side by side (shared edge at column 6.2): their runs merge into one span per row.
        double[][] left = utmRing(GRID, 2.2, 2.2, 6.2, 2.2, 6.2, 4.6, 2.2, 4.6);
        double[][] right = utmRing(GRID, 6.2, 2.2, 9.4, 2.2, 9.4, 4.6, 6.2, 4.6);
        PolygonRasterizer touching = PolygonRasterizer.ofLonLat(new double[][][][] {{left}, {right}});
        assertThat(touching.spans(UTM_33N, GRID, SIZE, SIZE)).isEqualTo(rows(2, 4, 2, 9));
    }

    @Test
    void polygonPartlyOutsideIsClipped() {
        // Centres of columns -6..2 and rows 47..59 are inside; the grid keeps columns 0-2 of rows 47-49.
        PolygonRasterizer corner = polygon(utmRing(GRID, -5.7, 47.3, 3.2, 47.3, 3.2, 60, -5.7, 60));

        assertThat(corner.spans(UTM_33N, GRID, SIZE, SIZE)).isEqualTo(rows(47, 49, 0, 3));
        assertThat(corner.pixelBounds(UTM_33N, GRID, SIZE, SIZE)).containsExactly(0, 47, 4, 50);

        PolygonRasterizer covering = polygon(utmRing(GRID, -100.3, -80.1, 170.6, -80.1, 170.6, 190.2, -100.3,
                190.2));
        assertThat(covering.spans(UTM_33N, GRID, SIZE, SIZE)).isEqualTo(rows(0, SIZE - 1, 0, SIZE));
        assertThat(covering.pixelBounds(UTM_33N, GRID, SIZE, SIZE)).containsExactly(0, 0, SIZE, SIZE);
    }

    @Test
    void polygonWhollyOutsideSelectsNothing() {
        PolygonRasterizer east = polygon(utmRing(GRID, 60.2, 10.2, 70.8, 10.2, 70.8, 20.8, 60.2, 20.8));
        PolygonRasterizer north = polygon(utmRing(GRID, 10.2, -20.2, 20.8, -20.2, 20.8, -0.1, 10.2, -0.1));
        PolygonRasterizer farAway = polygon(utmRing(GRID, 3000.2, 10.2, 3010.7, 10.2, 3005.5, 20.9));

        for (PolygonRasterizer outside : List.of(east, north, farAway)) {
            assertThat(outside.spans(UTM_33N, GRID, SIZE, SIZE)).as("%s", outside).isEmpty();
            assertThat(outside.pixelBounds(UTM_33N, GRID, SIZE, SIZE)).as("%s", outside).isNull();
        }
    }

    @Test
    void triangleFollowsItsHypotenuse() {
        // Right angle at (10.2, 10.2), hypotenuse col + row = 31.3: centre (c + .5, r + .5) inside iff c >= 10,
        // r >= 10 and c + r <= 30.
        PolygonRasterizer triangle = polygon(utmRing(GRID, 10.2, 10.2, 21.1, 10.2, 10.2, 21.1));
        List<PixelSpan> expected = new ArrayList<>();
        for (int row = 10; row <= 20; row++) {
            expected.add(new PixelSpan(row, 10, 31 - row));
        }

        List<PixelSpan> spans = triangle.spans(UTM_33N, GRID, SIZE, SIZE);
        assertThat(spans).isEqualTo(expected);
        assertThat(pixels(spans)).isEqualTo(centresInside(GRID, SIZE, 10.2, 10.2, 21.1, 10.2, 10.2, 21.1));
    }

    @Test
    void rotatedGeotransformIsInvertedInFull() {
        // The same square in pixel coordinates as in the first test, placed through the rotated transform.
        PolygonRasterizer square = polygon(utmRing(ROTATED_GRID, 10.2, 20.2, 15.8, 20.2, 15.8, 24.8, 10.2, 24.8));
        assertThat(square.spans(UTM_33N, ROTATED_GRID, SIZE, SIZE)).isEqualTo(rows(20, 24, 10, 16));
        assertThat(square.pixelBounds(UTM_33N, ROTATED_GRID, SIZE, SIZE)).containsExactly(10, 20, 16, 25);
        // On the unrotated grid the same ground area is a tilted square: different pixels.
        assertThat(square.spans(UTM_33N, GRID, SIZE, SIZE)).isNotEqualTo(rows(20, 24, 10, 16));

        // A triangle at an angle on the rotated grid, against a per-pixel test of the centres.
        double[] triangle = {3.3, 4.1, 41.7, 12.6, 17.2, 46.9};
        PolygonRasterizer tilted = polygon(utmRing(ROTATED_GRID, triangle));
        assertThat(pixels(tilted.spans(UTM_33N, ROTATED_GRID, SIZE, SIZE)))
                .isEqualTo(centresInside(ROTATED_GRID, SIZE, triangle)).hasSizeGreaterThan(500);
    }

    @Test
    void thinPolygonsSelectFewerPixelsThanRowsOrNone() {
        // 0.2 pixel wide, vertical, over the centre line of column 10: one pixel per row.
        PolygonRasterizer onCentres = polygon(utmRing(GRID, 10.4, 5.2, 10.6, 5.2, 10.6, 30.8, 10.4, 30.8));
        assertThat(onCentres.spans(UTM_33N, GRID, SIZE, SIZE)).isEqualTo(rows(5, 30, 10, 11));

        // Between the centres of columns 10 and 11: nothing, though it spans 26 rows.
        PolygonRasterizer between = polygon(utmRing(GRID, 10.6, 5.2, 10.9, 5.2, 10.9, 30.8, 10.6, 30.8));
        assertThat(between.spans(UTM_33N, GRID, SIZE, SIZE)).isEmpty();
        assertThat(between.pixelBounds(UTM_33N, GRID, SIZE, SIZE)).containsExactly(10, 5, 11, 31);

        // A diagonal sliver 0.3 pixel wide across 30 rows meets few centres.
        double[] sliver = {5.1, 5.3, 5.4, 5.3, 25.4, 35.1, 25.1, 35.1};
        List<PixelSpan> spans = polygon(utmRing(GRID, sliver)).spans(UTM_33N, GRID, SIZE, SIZE);
        assertThat(pixels(spans)).isEqualTo(centresInside(GRID, SIZE, sliver));
        assertThat(spans).isNotEmpty().hasSizeLessThan(30);
    }

    @Test
    void zeroAreaRingsSelectNothing() {
        double[][] point = utmRing(GRID, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5);
        double[][] backAndForth = {lonLat(GRID, 3.3, 7.5), lonLat(GRID, 20.7, 7.5), lonLat(GRID, 3.3, 7.5)};
        double[][] twoVertices = {lonLat(GRID, 3.3, 7.2), lonLat(GRID, 20.7, 9.9)};

        for (double[][] ring : List.of(point, backAndForth, twoVertices, new double[0][])) {
            PolygonRasterizer degenerate = polygon(ring);
            assertThat(degenerate.spans(UTM_33N, GRID, SIZE, SIZE)).isEmpty();
            assertThat(degenerate.pixelBounds(UTM_33N, GRID, SIZE, SIZE)).isNull();
        }
        assertThat(PolygonRasterizer.ofLonLat(new double[0][][][]).spans(UTM_33N, GRID, SIZE, SIZE)).isEmpty();
        assertThat(PolygonRasterizer.ofLonLat(new double[][][][] {{}}).spans(UTM_33N, GRID, SIZE, SIZE)).isEmpty();
    }

    /**
     * GDAL's tie rules, with every coordinate exact: a centre on a left edge is outside and on a right edge inside;
     * a centre on the top edge is inside (half-open crossing rule), and so is one on the bottom edge, which GDAL burns
     * as a horizontal edge of the (reoriented clockwise) ring. Observed with rasterio 1.3.5 / GDAL 3.6.2 and checked
     * on many more shapes by the oracle test.
     */
    @Test
    void centresExactlyOnEdgesFollowGdal() {
        // Edges on the centre lines of columns 2 and 6 and rows 3 and 7.
        double[][] rectangle = exactRing(2.5, 3.5, 6.5, 3.5, 6.5, 7.5, 2.5, 7.5);
        assertThat(polygon(rectangle).spans(LonLatProjection.WGS84, EXACT_GRID, 10, 10)).isEqualTo(rows(3, 7, 3, 7));
        assertThat(polygon(reverse(rectangle)).spans(LonLatProjection.WGS84, EXACT_GRID, 10, 10))
                .isEqualTo(rows(3, 7, 3, 7));

        // A hole with edges on centre lines: its top row and right column are cut out, its bottom row and left
        // column stay (the mirror image of the rule for the exterior).
        double[][] outer = exactRing(0.5, 0.5, 9.5, 0.5, 9.5, 9.5, 0.5, 9.5);
        double[][] hole = exactRing(4.5, 4.5, 5.5, 4.5, 5.5, 6.5, 4.5, 6.5);
        List<PixelSpan> expected = new ArrayList<>(rows(0, 3, 1, 10));
        expected.addAll(List.of(new PixelSpan(4, 1, 5), new PixelSpan(4, 6, 10), new PixelSpan(5, 1, 5),
                new PixelSpan(5, 6, 10)));
        expected.addAll(rows(6, 9, 1, 10));
        assertThat(polygon(outer, hole).spans(LonLatProjection.WGS84, EXACT_GRID, 10, 10)).isEqualTo(expected);

        // Vertices on pixel centres: the top and bottom ones (peaks of the ring) are not selected, the left one
        // (where the ring passes through the centre line) is outside and the right one inside.
        double[][] diamond = exactRing(5.5, 1.5, 8.5, 4.5, 5.5, 7.5, 2.5, 4.5);
        assertThat(polygon(diamond).spans(LonLatProjection.WGS84, EXACT_GRID, 10, 10)).containsExactly(
                new PixelSpan(2, 5, 7), new PixelSpan(3, 4, 8), new PixelSpan(4, 3, 9), new PixelSpan(5, 4, 8),
                new PixelSpan(6, 5, 7));
    }

    @Test
    void spansOfAGridWithoutPixelsAreEmpty() {
        PolygonRasterizer square = polygon(utmRing(GRID, 10.2, 20.2, 15.8, 20.2, 15.8, 24.8, 10.2, 24.8));
        assertThat(square.spans(UTM_33N, GRID, 0, 0)).isEmpty();
        assertThat(square.pixelBounds(UTM_33N, GRID, 0, SIZE)).isNull();
    }

    @Test
    void unsupportedCrsIsRejected() {
        PolygonRasterizer square = polygon(utmRing(GRID, 10.2, 20.2, 15.8, 20.2, 15.8, 24.8, 10.2, 24.8));
        assertThatThrownBy(() -> square.spans(3857, GRID, SIZE, SIZE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EPSG:3857 is not supported");
        assertThatThrownBy(() -> square.pixelBounds(0, GRID, SIZE, SIZE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EPSG:0 is not supported");
    }

    @Test
    void invalidGridsAreRejected() {
        PolygonRasterizer square = polygon(utmRing(GRID, 10.2, 20.2, 15.8, 20.2, 15.8, 24.8, 10.2, 24.8));
        assertThatThrownBy(() -> square.spans(UTM_33N, new double[] {500000, 10, 0, 5900000, 0}, SIZE, SIZE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("six coefficients");
        assertThatThrownBy(() -> square.spans(UTM_33N, null, SIZE, SIZE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("six coefficients");
        assertThatThrownBy(() -> square.spans(UTM_33N, new double[] {500000, 10, 20, 5900000, 5, 10}, SIZE, SIZE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not invertible");
        assertThatThrownBy(() -> square.spans(UTM_33N, new double[] {500000, 0, 0, 5900000, 0, -10}, SIZE, SIZE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not invertible");
        assertThatThrownBy(() -> square.spans(UTM_33N, new double[] {500000, Double.NaN, 0, 5900000, 0, -10},
                SIZE, SIZE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
        assertThatThrownBy(() -> square.pixelBounds(UTM_33N, GRID, -1, SIZE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void invalidPolygonsAreRejected() {
        assertThatThrownBy(() -> PolygonRasterizer.ofLonLat(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> PolygonRasterizer.ofLonLat(new double[][][][] {{{{15, 53}, {15.1, 91}, {15, 53.1}}}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vertex 1 of ring 0 of polygon 0")
                .hasMessageContaining("latitude 91");
        assertThatThrownBy(() -> PolygonRasterizer.ofLonLat(new double[][][][] {{}, {{{15, 53}, {15.1}}}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vertex 1 of ring 0 of polygon 1");
        assertThatThrownBy(() -> PolygonRasterizer.ofLonLat(new double[][][][] {{{{Double.NaN, 53}}}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longitude NaN");
        assertThatThrownBy(() -> PolygonRasterizer.ofLonLat(new double[][][][] {{{{15, 53}}, null}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ring 1 of polygon 0 is null");
    }

    @Test
    void inputArraysAreCopied() {
        double[][] ring = utmRing(GRID, 10.2, 20.2, 15.8, 20.2, 15.8, 24.8, 10.2, 24.8);
        double[][][][] polygons = {{ring}};
        PolygonRasterizer square = PolygonRasterizer.ofLonLat(polygons);
        ring[2][0] += 1; // far to the east
        assertThat(square.spans(UTM_33N, GRID, SIZE, SIZE)).isEqualTo(rows(20, 24, 10, 16));
        assertThat(square).hasToString("PolygonRasterizer[1 polygons, 1 rings, 4 vertices]");
    }

    @Test
    void serializationKeepsThePolygon() throws IOException, ClassNotFoundException {
        PolygonRasterizer original = polygon(utmRing(GRID, 5.3, 5.3, 20.7, 5.3, 20.7, 20.7, 5.3, 20.7),
                utmRing(GRID, 10.2, 10.2, 14.8, 10.2, 14.8, 14.8, 10.2, 14.8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        PolygonRasterizer copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (PolygonRasterizer) in.readObject();
        }
        assertThat(copy.spans(UTM_33N, GRID, SIZE, SIZE)).isEqualTo(original.spans(UTM_33N, GRID, SIZE, SIZE));
    }

    @Test
    void pixelSpanIsValidated() {
        assertThat(new PixelSpan(3, 4, 9).length()).isEqualTo(5);
        assertThatThrownBy(() -> new PixelSpan(3, 4, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("columns [4, 4)");
        assertThatThrownBy(() -> new PixelSpan(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PixelSpan(0, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static PolygonRasterizer polygon(double[][]... rings) {
        return PolygonRasterizer.ofLonLat(new double[][][][] {rings});
    }

    /** One span {@code [colStart, colEnd)} in each row {@code firstRow..lastRow}. */
    private static List<PixelSpan> rows(int firstRow, int lastRow, int colStart, int colEnd) {
        List<PixelSpan> spans = new ArrayList<>();
        for (int row = firstRow; row <= lastRow; row++) {
            spans.add(new PixelSpan(row, colStart, colEnd));
        }
        return spans;
    }

    /** The lon/lat of pixel position (col, row) of a UTM 33N grid. */
    private static double[] lonLat(double[] geoTransform, double col, double row) {
        double[] lonLat = new double[2];
        LonLatProjection.forEpsg(UTM_33N).unproject(geoTransform[0] + col * geoTransform[1] + row * geoTransform[2],
                geoTransform[3] + col * geoTransform[4] + row * geoTransform[5], lonLat);
        return lonLat;
    }

    /** A closed lon/lat ring through the pixel positions {@code col0, row0, col1, row1, ...} of a UTM 33N grid. */
    private static double[][] utmRing(double[] geoTransform, double... colRow) {
        int n = colRow.length / 2;
        double[][] ring = new double[n + 1][];
        for (int i = 0; i < n; i++) {
            ring[i] = lonLat(geoTransform, colRow[2 * i], colRow[2 * i + 1]);
        }
        ring[n] = ring[0].clone();
        return ring;
    }

    /** A closed lon/lat ring through pixel positions of {@link #EXACT_GRID}, exact in binary. */
    private static double[][] exactRing(double... colRow) {
        int n = colRow.length / 2;
        double[][] ring = new double[n + 1][];
        for (int i = 0; i < n; i++) {
            ring[i] = new double[] {EXACT_GRID[0] + colRow[2 * i] * PIXEL_DEGREES,
                EXACT_GRID[3] - colRow[2 * i + 1] * PIXEL_DEGREES};
        }
        ring[n] = ring[0].clone();
        return ring;
    }

    private static double[][] reverse(double[][] ring) {
        double[][] reversed = new double[ring.length][];
        for (int i = 0; i < ring.length; i++) {
            reversed[i] = ring[ring.length - 1 - i];
        }
        return reversed;
    }

    /** The pixels of the spans as {@code row * 100000 + col}, sorted. */
    private static List<Long> pixels(List<PixelSpan> spans) {
        List<Long> pixels = new ArrayList<>();
        for (PixelSpan span : spans) {
            for (int col = span.colStart(); col < span.colEnd(); col++) {
                pixels.add(span.row() * 100000L + col);
            }
        }
        return pixels;
    }

    /**
     * The reference: each pixel centre of a {@code size x size} grid tested on its own against a polygon given in
     * pixel coordinates (crossing-number test, in the ground coordinates of the grid so that a rotated transform is
     * exercised too). Valid only where no centre lies on an edge.
     */
    private static List<Long> centresInside(double[] geoTransform, int size, double... colRow) {
        int n = colRow.length / 2;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = geoTransform[0] + colRow[2 * i] * geoTransform[1] + colRow[2 * i + 1] * geoTransform[2];
            ys[i] = geoTransform[3] + colRow[2 * i] * geoTransform[4] + colRow[2 * i + 1] * geoTransform[5];
        }
        List<Long> pixels = new ArrayList<>();
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                double x = geoTransform[0] + (col + 0.5) * geoTransform[1] + (row + 0.5) * geoTransform[2];
                double y = geoTransform[3] + (col + 0.5) * geoTransform[4] + (row + 0.5) * geoTransform[5];
                boolean inside = false;
                for (int i = 0, j = n - 1; i < n; j = i++) {
                    if ((ys[i] > y) != (ys[j] > y)
                            && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                        inside = !inside;
                    }
                }
                if (inside) {
                    pixels.add(row * 100000L + col);
                }
            }
        }
        return pixels;
    }
}
