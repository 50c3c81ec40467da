package dev.stacstream.cog.geo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.cog.testing.RasterioScript;
import dev.stacstream.cog.testing.PythonGdal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares {@link PolygonRasterizer} with GDAL's rasterizer, reached through {@code rasterio.features.rasterize}
 * ({@code all_touched=False}, the default) in the Python interpreter the GDAL oracle uses
 * ({@link PythonGdal#python()}): every case must select exactly the same pixels. Skipped when that Python has no
 * rasterio, except on CI ({@code CI=true}), where it fails.
 *
 * <p>The polygons are random, from a fixed seed, and written as GeoJSON in lon/lat. Python projects only their
 * vertices into the grid's CRS with PROJ ({@code rasterio.warp.transform}), as GDAL does, and rasterizes each case
 * into its own array. Four sets:
 *
 * <ul>
 *   <li>40 polygons on a 200 x 200 grid of 10 m pixels in UTM 33N: star-shaped with 5-30 vertices in both ring
 *       orientations, with one or two holes, multipolygons whose parts overlap, thin slivers; many cross the grid
 *       border. Vertices are at arbitrary positions, never on pixel centre lines.</li>
 *   <li>40 polygons on an 80 x 80 EPSG:4326 grid of 2^-10 degree pixels whose vertices lie on a quarter-pixel
 *       lattice, so every coordinate is exact and many vertices and edges lie exactly on pixel centres and centre
 *       lines: this pins down GDAL's tie rules (inclusive side, vertices on scanlines, horizontal edges).</li>
 *   <li>10 polygons on a rotated UTM grid (pixel axes turned by atan(6 / 8)).</li>
 *   <li>6 polygons on a UTM 33S grid.</li>
 * </ul>
 */
class PolygonRasterizerOracleTest {

    private static final long SEED = 20240612L;

    private static final int UTM_33N = 32633;
    private static final int UTM_33S = 32733;
    private static final double[] UTM_GRID = {500000, 10, 0, 5900000, 0, -10};
    private static final double[] ROTATED_GRID = {500000, 8, 6, 5900000, 6, -8};
    private static final double[] SOUTH_GRID = {300000, 10, 0, 6200000, 0, -10};
    private static final int UTM_SIZE = 200;
    private static final double PIXEL_DEGREES = 0x1p-10;
    private static final double[] EXACT_GRID = {13, PIXEL_DEGREES, 0, 52, 0, -PIXEL_DEGREES};
    private static final int EXACT_SIZE = 80;
    /** Lattice of the exact set's vertices, pixels. */
    private static final double LATTICE = 0.25;

    /**
     * Reads the cases (a JSON list) from argv[1]; writes one line {@code case row colStart colEnd} per run of
     * selected pixels to argv[2].
     */
    private static final String ORACLE = String.join("\n",
            "import json, sys",
            "import numpy",
            "import rasterio",
            "from rasterio.features import rasterize",
            "from rasterio.transform import Affine",
            "from rasterio.warp import transform",
            "def project(rings, epsg):",
            "    if epsg == 4326:",
            "        return rings",
            "    result = []",
            "    for ring in rings:",
            "        xs, ys = transform('EPSG:4326', 'EPSG:%d' % epsg, [p[0] for p in ring], [p[1] for p in ring])",
            "        result.append([[x, y] for x, y in zip(xs, ys)])",
            "    return result",
            "cases = json.load(open(sys.argv[1]))",
            "with open(sys.argv[2], 'w') as out:",
            "    for i, case in enumerate(cases):",
            "        polygons = [project(p, case['epsg']) for p in case['polygons']]",
            "        if len(polygons) == 1:",
            "            geometry = {'type': 'Polygon', 'coordinates': polygons[0]}",
            "        else:",
            "            geometry = {'type': 'MultiPolygon', 'coordinates': polygons}",
            "        mask = rasterize([(geometry, 1)], out_shape=(case['height'], case['width']),",
            "                         transform=Affine.from_gdal(*case['geotransform']), all_touched=False,",
            "                         fill=0, dtype='uint8')",
            "        for r in range(mask.shape[0]):",
            "            edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], mask[r], [0]))))",
            "            for start, end in zip(edges[0::2], edges[1::2]):",
            "                out.write('%d %d %d %d\\n' % (i, r, start, end))",
            "print('rasterio', rasterio.__version__, 'GDAL', rasterio.__gdal_version__)",
            "");

    /** One rasterization: lon/lat polygons ({@code [polygon][ring][vertex] = {lon, lat}}, rings closed) on a grid. */
    private record Case(String name, int epsg, double[] geoTransform, int width, int height,
            double[][][][] polygons) {}

    @Test
    void selectsExactlyThePixelsGdalSelects(@TempDir Path dir) throws IOException, InterruptedException {
        List<Case> cases = cases();
        List<List<PixelSpan>> expected = rasterizeWithGdal(cases, dir);

        List<String> mismatches = new ArrayList<>();
        List<String> outOfBounds = new ArrayList<>();
        long pixels = 0;
        int nonEmpty = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            PolygonRasterizer rasterizer = PolygonRasterizer.ofLonLat(c.polygons());
            List<PixelSpan> spans = rasterizer.spans(c.epsg(), c.geoTransform(), c.width(), c.height());
            if (!spans.equals(expected.get(i))) {
                mismatches.add(c.name() + ": " + difference(spans, expected.get(i)));
            }
            String escaped = outsideBounds(spans,
                    rasterizer.pixelBounds(c.epsg(), c.geoTransform(), c.width(), c.height()));
            if (escaped != null) {
                outOfBounds.add(c.name() + ": " + escaped);
            }
            for (PixelSpan span : spans) {
                pixels += span.length();
            }
            nonEmpty += spans.isEmpty() ? 0 : 1;
        }
        System.out.printf(Locale.ROOT, "PolygonRasterizer vs GDAL: %d cases (%d selecting pixels), %d pixels, "
                + "%d cases differ%n", cases.size(), nonEmpty, pixels, mismatches.size());
        assertThat(mismatches).as("cases where the pixels differ from GDAL's").isEmpty();
        assertThat(outOfBounds).as("cases with spans outside their pixelBounds").isEmpty();
        assertThat(nonEmpty).as("cases that select pixels").isGreaterThan(cases.size() * 3 / 4);
        assertThat(pixels).as("pixels compared").isGreaterThan(50_000);
    }

    /** A span outside pixelBounds (which must hold every span, and be null only when there are none), or null. */
    private static String outsideBounds(List<PixelSpan> spans, int[] bounds) {
        for (PixelSpan span : spans) {
            if (bounds == null || span.row() < bounds[1] || span.row() >= bounds[3] || span.colStart() < bounds[0]
                    || span.colEnd() > bounds[2]) {
                return span + " is outside pixelBounds " + Arrays.toString(bounds);
            }
        }
        return null;
    }

    /** The pixels only one side selects, for the failure message. */
    private static String difference(List<PixelSpan> actual, List<PixelSpan> expected) {
        TreeSet<Long> onlyJava = pixelSet(actual);
        TreeSet<Long> onlyGdal = pixelSet(expected);
        TreeSet<Long> common = new TreeSet<>(onlyJava);
        common.retainAll(onlyGdal);
        onlyJava.removeAll(common);
        onlyGdal.removeAll(common);
        return onlyJava.size() + " pixels only here " + describe(onlyJava) + ", " + onlyGdal.size()
                + " only in GDAL " + describe(onlyGdal);
    }

    private static TreeSet<Long> pixelSet(List<PixelSpan> spans) {
        TreeSet<Long> pixels = new TreeSet<>();
        for (PixelSpan span : spans) {
            for (int col = span.colStart(); col < span.colEnd(); col++) {
                pixels.add((long) span.row() << 32 | col);
            }
        }
        return pixels;
    }

    private static String describe(TreeSet<Long> pixels) {
        StringBuilder text = new StringBuilder("[");
        int shown = 0;
        for (long pixel : pixels) {
            if (shown++ == 8) {
                text.append(" ...");
                break;
            }
            text.append(shown > 1 ? ", " : "").append("(row ").append(pixel >>> 32).append(", col ")
                    .append((int) pixel).append(')');
        }
        return text.append(']').toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Cases

    private static List<Case> cases() {
        Random random = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            cases.add(utmCase("utm-" + i, UTM_33N, UTM_GRID, randomPolygons(random, i % 8)));
        }
        for (int i = 0; i < 40; i++) {
            cases.add(exactCase("exact-" + i, latticePolygons(random, i % 8)));
        }
        for (int i = 0; i < 10; i++) {
            cases.add(utmCase("rotated-" + i, UTM_33N, ROTATED_GRID, randomPolygons(random, i % 6)));
        }
        for (int i = 0; i < 6; i++) {
            cases.add(utmCase("south-" + i, UTM_33S, SOUTH_GRID, randomPolygons(random, i)));
        }
        return cases;
    }

    /**
     * Polygons in pixel coordinates ({@code [polygon][ring][vertex] = {col, row}}, rings open) with vertices at
     * arbitrary positions. Kinds 0-3 plain stars, 4 a star with a hole, 5 one with two holes, 6 a multipolygon of
     * two or three stars that mostly overlap, 7 a thin sliver.
     */
    private static double[][][][] randomPolygons(Random random, int kind) {
        double cx = -20 + 240 * random.nextDouble();
        double cy = -20 + 240 * random.nextDouble();
        switch (kind) {
            case 4: {
                double radius = 10 + 50 * random.nextDouble();
                return new double[][][][] {{
                    orient(random, star(random, cx, cy, radius, 5 + random.nextInt(26), 0.6)),
                    orient(random, star(random, cx, cy, 0.33 * radius, 3 + random.nextInt(10), 0.3))}};
            }
            case 5: {
                double radius = 20 + 50 * random.nextDouble();
                return new double[][][][] {{
                    orient(random, star(random, cx, cy, radius, 5 + random.nextInt(26), 0.6)),
                    orient(random, star(random, cx - 0.2 * radius, cy, 0.1 * radius, 3 + random.nextInt(8), 0.5)),
                    orient(random, star(random, cx + 0.2 * radius, cy, 0.1 * radius, 3 + random.nextInt(8), 0.5))}};
            }
            case 6: {
                int parts = 2 + random.nextInt(2);
                double[][][][] polygons = new double[parts][][][];
                for (int p = 0; p < parts; p++) {
                    double radius = 5 + 25 * random.nextDouble();
                    polygons[p] = new double[][][] {orient(random, star(random, cx + 20 * random.nextDouble(),
                            cy + 20 * random.nextDouble(), radius, 5 + random.nextInt(26), 0.6))};
                }
                return polygons;
            }
            case 7: {
                double angle = 2 * Math.PI * random.nextDouble();
                double length = 20 + 100 * random.nextDouble();
                double width = 0.1 + 0.7 * random.nextDouble();
                double dx = Math.cos(angle);
                double dy = Math.sin(angle);
                double ox = -dy * width;
                double oy = dx * width;
                double ex = cx + length * dx;
                double ey = cy + length * dy;
                return new double[][][][] {{orient(random,
                        new double[][] {{cx, cy}, {ex, ey}, {ex + ox, ey + oy}, {cx + ox, cy + oy}})}};
            }
            default:
                return new double[][][][] {{orient(random,
                        star(random, cx, cy, 2 + 40 * random.nextDouble(), 5 + random.nextInt(26), 0.6))}};
        }
    }

    /**
     * Polygons in pixel coordinates of the exact grid with every vertex on the quarter-pixel lattice: kinds 0-3
     * snapped stars, 4 a rectangle, 5 a rectangle with a rectangular hole, 6 two rectangles that share an edge or
     * overlap, 7 a diamond with its vertices on pixel centres.
     */
    private static double[][][][] latticePolygons(Random random, int kind) {
        switch (kind) {
            case 4:
                return new double[][][][] {{orient(random, rectangle(random, -5, 85, 2, 40))}};
            case 5: {
                double[][] outer = rectangle(random, 5, 40, 8, 40);
                double x0 = outer[0][0];
                double y0 = outer[0][1];
                double x1 = outer[2][0];
                double y1 = outer[2][1];
                double hx0 = x0 + 1 + lattice(random, 0, (x1 - x0) / 3);
                double hy0 = y0 + 1 + lattice(random, 0, (y1 - y0) / 3);
                double hx1 = hx0 + 1 + lattice(random, 0, (x1 - hx0) - 2);
                double hy1 = hy0 + 1 + lattice(random, 0, (y1 - hy0) - 2);
                return new double[][][][] {{orient(random, outer),
                    orient(random, new double[][] {{hx0, hy0}, {hx1, hy0}, {hx1, hy1}, {hx0, hy1}})}};
            }
            case 6: {
                double[][] first = rectangle(random, 0, 60, 2, 20);
                double x1 = first[2][0];
                double y0 = first[0][1];
                double y1 = first[2][1];
                double shift = random.nextBoolean() ? 0 : lattice(random, 0.25, 3); // shared edge or overlap
                double[][] second = {{x1 - shift, y0 + 1}, {x1 + 6.5, y0 + 1}, {x1 + 6.5, y1 + 2.5},
                    {x1 - shift, y1 + 2.5}};
                return new double[][][][] {{orient(random, first)}, {orient(random, second)}};
            }
            case 7: {
                double cx = 5.5 + random.nextInt(70);
                double cy = 5.5 + random.nextInt(70);
                double rx = 1 + random.nextInt(15);
                double ry = 1 + random.nextInt(15);
                return new double[][][][] {{orient(random,
                        new double[][] {{cx, cy - ry}, {cx + rx, cy}, {cx, cy + ry}, {cx - rx, cy}})}};
            }
            default: {
                while (true) {
                    double[][] ring = star(random, 5 + 70 * random.nextDouble(), 5 + 70 * random.nextDouble(),
                            3 + 30 * random.nextDouble(), 5 + random.nextInt(16), 0.6);
                    for (double[] vertex : ring) {
                        vertex[0] = Math.round(vertex[0] / LATTICE) * LATTICE;
                        vertex[1] = Math.round(vertex[1] / LATTICE) * LATTICE;
                    }
                    if (isSimple(ring)) {
                        return new double[][][][] {{orient(random, ring)}};
                    }
                }
            }
        }
    }

    /**
     * A star-shaped ring around (cx, cy): n vertices at increasing angles (one per sector of 2pi / n, in its middle
     * half, so that consecutive vertices are less than 0.6 pi apart) and radii between {@code minFraction * radius}
     * and {@code radius}. A ring of radius below 0.35 times the outer minimum lies inside (0.6 cos(0.3 pi) > 0.35).
     */
    private static double[][] star(Random random, double cx, double cy, double radius, int n, double minFraction) {
        double[][] ring = new double[n][];
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * (i + 0.25 + 0.5 * random.nextDouble()) / n;
            double r = radius * (minFraction + (1 - minFraction) * random.nextDouble());
            ring[i] = new double[] {cx + r * Math.cos(angle), cy + r * Math.sin(angle)};
        }
        return ring;
    }

    /** An axis-aligned lattice rectangle with corners in [min, max) and sides of minSide..maxSide pixels. */
    private static double[][] rectangle(Random random, double min, double max, double minSide, double maxSide) {
        double x0 = lattice(random, min, max - maxSide);
        double y0 = lattice(random, min, max - maxSide);
        double x1 = x0 + lattice(random, minSide, maxSide);
        double y1 = y0 + lattice(random, minSide, maxSide);
        return new double[][] {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    }

    /** A random lattice value in [min, max), mostly on the centre lines (k + 0.5) and pixel edges (k). */
    private static double lattice(Random random, double min, double max) {
        double value = min + (max - min) * random.nextDouble();
        double step = random.nextInt(3) == 0 ? LATTICE : 0.5;
        return Math.floor(value / step) * step;
    }

    /** The ring as it is, or reversed: GeoJSON orientation is not relied on. */
    private static double[][] orient(Random random, double[][] ring) {
        if (random.nextBoolean()) {
            return ring;
        }
        double[][] reversed = new double[ring.length][];
        for (int i = 0; i < ring.length; i++) {
            reversed[i] = ring[ring.length - 1 - i];
        }
        return reversed;
    }

    /**
     * Whether a lattice ring is simple: no two non-adjacent edges meet, no adjacent ones fold back, no repeated
     * vertex. Exact for lattice coordinates (the products are exact in double). A non-simple ring is rejected
     * because GDAL's choice of its orientation (which decides the horizontal edges it burns) is not specified.
     */
    private static boolean isSimple(double[][] ring) {
        int n = ring.length;
        for (int i = 0; i < n; i++) {
            double[] a = ring[i];
            double[] b = ring[(i + 1) % n];
            double[] c = ring[(i + 2) % n];
            if (a[0] == b[0] && a[1] == b[1]) {
                return false;
            }
            if (cross(a, b, c) == 0 && (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) <= 0) {
                return false;
            }
            for (int j = i + 2; j < n; j++) {
                if (i == 0 && j == n - 1) {
                    continue;
                }
                if (segmentsMeet(a, b, ring[j], ring[(j + 1) % n])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    private static boolean segmentsMeet(double[] p, double[] q, double[] r, double[] s) {
        double d1 = cross(r, s, p);
        double d2 = cross(r, s, q);
        double d3 = cross(p, q, r);
        double d4 = cross(p, q, s);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
            return true;
        }
        return (d1 == 0 && onSegment(r, s, p)) || (d2 == 0 && onSegment(r, s, q))
                || (d3 == 0 && onSegment(p, q, r)) || (d4 == 0 && onSegment(p, q, s));
    }

    private static boolean onSegment(double[] a, double[] b, double[] p) {
        return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1]
                && p[1] <= Math.max(a[1], b[1]);
    }

    /** A case on a UTM grid: pixel positions through the geotransform to UTM, then to lon/lat. */
    private static Case utmCase(String name, int epsg, double[] geoTransform, double[][][][] pixelPolygons) {
        LonLatProjection projection = LonLatProjection.forEpsg(epsg);
        return new Case(name, epsg, geoTransform, UTM_SIZE, UTM_SIZE, toLonLat(pixelPolygons, (col, row, out) ->
                projection.unproject(geoTransform[0] + col * geoTransform[1] + row * geoTransform[2],
                        geoTransform[3] + col * geoTransform[4] + row * geoTransform[5], out)));
    }

    /** A case on the exact EPSG:4326 grid: lon = 13 + col / 1024, lat = 52 - row / 1024, both exact. */
    private static Case exactCase(String name, double[][][][] pixelPolygons) {
        return new Case(name, LonLatProjection.WGS84, EXACT_GRID, EXACT_SIZE, EXACT_SIZE,
                toLonLat(pixelPolygons, (col, row, out) -> {
                    out[0] = EXACT_GRID[0] + col * PIXEL_DEGREES;
                    out[1] = EXACT_GRID[3] - row * PIXEL_DEGREES;
                }));
    }

    private interface PixelToLonLat {
        void apply(double col, double row, double[] out);
    }

    /** The polygons in lon/lat with closed rings (as GeoJSON has them). */
    private static double[][][][] toLonLat(double[][][][] pixelPolygons, PixelToLonLat toLonLat) {
        double[][][][] result = new double[pixelPolygons.length][][][];
        for (int p = 0; p < pixelPolygons.length; p++) {
            result[p] = new double[pixelPolygons[p].length][][];
            for (int r = 0; r < pixelPolygons[p].length; r++) {
                double[][] ring = pixelPolygons[p][r];
                double[][] lonLat = new double[ring.length + 1][];
                for (int i = 0; i < ring.length; i++) {
                    lonLat[i] = new double[2];
                    toLonLat.apply(ring[i][0], ring[i][1], lonLat[i]);
                }
                lonLat[ring.length] = lonLat[0].clone();
                result[p][r] = lonLat;
            }
        }
        return result;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Oracle

    /** GDAL's selection for each case, as canonical spans; skips (fails on CI) when the Python has no rasterio. */
    private static List<List<PixelSpan>> rasterizeWithGdal(List<Case> cases, Path dir)
            throws IOException, InterruptedException {
        Path input = dir.resolve("cases.json");
        Path output = dir.resolve("runs.txt");
        Files.writeString(input, json(cases), StandardCharsets.UTF_8);

        String messages = RasterioScript.run("the GDAL rasterize oracle", ORACLE, input, output);
        System.out.println("PolygonRasterizer oracle: " + messages);

        Map<Integer, List<PixelSpan>> byCase = new HashMap<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.trim().split(" ");
            byCase.computeIfAbsent(Integer.parseInt(fields[0]), k -> new ArrayList<>()).add(new PixelSpan(
                    Integer.parseInt(fields[1]), Integer.parseInt(fields[2]), Integer.parseInt(fields[3])));
        }
        List<List<PixelSpan>> result = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            result.add(byCase.getOrDefault(i, List.of()));
        }
        return result;
    }

    /** The cases as a JSON list; {@link Double#toString} gives text that reads back exactly. */
    private static String json(List<Case> cases) {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            json.append(i == 0 ? "" : ",\n").append("{\"name\": \"").append(c.name()).append("\", \"epsg\": ")
                    .append(c.epsg()).append(", \"width\": ").append(c.width()).append(", \"height\": ")
                    .append(c.height()).append(", \"geotransform\": ");
            array(json, c.geoTransform());
            json.append(", \"polygons\": [");
            for (int p = 0; p < c.polygons().length; p++) {
                json.append(p == 0 ? "[" : ", [");
                for (int r = 0; r < c.polygons()[p].length; r++) {
                    json.append(r == 0 ? "[" : ", [");
                    double[][] ring = c.polygons()[p][r];
                    for (int v = 0; v < ring.length; v++) {
                        json.append(v == 0 ? "" : ", ");
                        array(json, ring[v]);
                    }
                    json.append(']');
                }
                json.append(']');
            }
            json.append("]}");
        }
        return json.append("\n]\n").toString();
    }

    private static void array(StringBuilder json, double[] values) {
        json.append('[');
        for (int i = 0; i < values.length; i++) {
            json.append(i == 0 ? "" : ", ").append(values[i]);
        }
        json.append(']');
    }
}
