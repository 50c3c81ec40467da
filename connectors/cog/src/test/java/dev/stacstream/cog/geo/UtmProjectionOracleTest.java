package dev.stacstream.cog.geo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.cog.testing.RasterioScript;
import dev.stacstream.cog.testing.PythonGdal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares {@link UtmProjection} with PROJ, reached through rasterio ({@code rasterio.warp.transform}) in the
 * Python interpreter the GDAL oracle uses ({@link PythonGdal#python()}). Skipped when that Python has no rasterio,
 * except on CI ({@code CI=true}), where it fails.
 */
class UtmProjectionOracleTest {

    /** Agreement required with PROJ, metres. */
    private static final double TOLERANCE_METRES = 1e-3;
    /** PROJ's projected point unprojected must give the input back within this, degrees (~1 mm). */
    private static final double INVERSE_TOLERANCE_DEGREES = 1e-8;

    /**
     * Reads lines {@code epsg lon lat} from the file argv[1] and writes {@code x y} lines (same order) to argv[2],
     * one {@code rasterio.warp.transform} call per EPSG code.
     */
    private static final String ORACLE = String.join("\n",
            "import sys",
            "import rasterio",
            "from rasterio.warp import transform",
            "rows = [line.split() for line in open(sys.argv[1]) if line.strip()]",
            "groups = {}",
            "for i, (epsg, lon, lat) in enumerate(rows):",
            "    groups.setdefault(epsg, []).append((i, float(lon), float(lat)))",
            "result = [None] * len(rows)",
            "for epsg, pts in groups.items():",
            "    xs, ys = transform('EPSG:4326', 'EPSG:' + epsg, [p[1] for p in pts], [p[2] for p in pts])",
            "    for p, x, y in zip(pts, xs, ys):",
            "        result[p[0]] = '%r %r' % (x, y)",
            "with open(sys.argv[2], 'w') as out:",
            "    out.write('\\n'.join(result) + '\\n')",
            "print('rasterio', rasterio.__version__, 'GDAL', rasterio.__gdal_version__)",
            "");

    private record Point(int epsg, double lon, double lat) {}

    @Test
    void agreesWithProjWithinAMillimetre(@TempDir Path dir) throws IOException, InterruptedException {
        List<Point> points = points();
        List<double[]> proj = transformWithProj(points, dir);

        double worst = 0;
        Point worstPoint = null;
        double worstInverse = 0;
        double[] xy = new double[2];
        double[] lonLat = new double[2];
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            LonLatProjection projection = LonLatProjection.forEpsg(p.epsg());
            projection.project(p.lon(), p.lat(), xy);
            double[] expected = proj.get(i);
            double error = Math.hypot(xy[0] - expected[0], xy[1] - expected[1]);
            if (error > worst) {
                worst = error;
                worstPoint = p;
            }
            projection.unproject(expected[0], expected[1], lonLat);
            worstInverse = Math.max(worstInverse, Math.max(Math.abs(lonLat[1] - p.lat()),
                    Math.abs(Math.IEEEremainder(lonLat[0] - p.lon(), 360))));
        }
        System.out.printf(Locale.ROOT, "UtmProjection vs PROJ over %d points: max %.3g m at %s; inverse max %.3g deg%n",
                points.size(), worst, worstPoint, worstInverse);
        assertThat(worst).as("largest distance from PROJ, metres, at %s", worstPoint).isLessThan(TOLERANCE_METRES);
        assertThat(worstInverse).as("largest error of unproject(PROJ's x/y), degrees")
                .isLessThan(INVERSE_TOLERANCE_DEGREES);
    }

    /**
     * Eight zones (north and south, both ends of the antimeridian): a grid of latitudes including 0, 84, -80 and
     * longitude offsets up to 9 degrees either side of the central meridian, plus random points within 10 degrees.
     */
    private static List<Point> points() {
        List<Point> points = new ArrayList<>();
        int[] north = {32601, 32618, 32633, 32660};
        int[] south = {32701, 32723, 32733, 32760};
        double[] northLats = {-1, 0, 1e-7, 4.5, 17.25, 33, 48.8, 60, 71.3, 80, 84};
        double[] southLats = {1, 0, -1e-7, -4.5, -17.25, -33, -48.8, -60, -71.3, -80};
        double[] offsets = {-9, -6, -3.2, -1, -1e-7, 0, 0.4, 2.9, 5.5, 9};
        Random random = new Random(20240611);
        for (int[] zones : new int[][] {north, south}) {
            for (int epsg : zones) {
                double central = 6.0 * (epsg % 100) - 183;
                double[] lats = epsg < 32700 ? northLats : southLats;
                for (double lat : lats) {
                    for (double offset : offsets) {
                        points.add(new Point(epsg, Math.IEEEremainder(central + offset, 360), lat));
                    }
                }
                for (int i = 0; i < 20; i++) {
                    double lat = epsg < 32700 ? -2 + 86 * random.nextDouble() : 2 - 82 * random.nextDouble();
                    points.add(new Point(epsg, Math.IEEEremainder(central - 10 + 20 * random.nextDouble(), 360), lat));
                }
            }
        }
        return points;
    }

    /** PROJ's x/y of each point, in order; skips (fails on CI) when the Python has no rasterio. */
    private static List<double[]> transformWithProj(List<Point> points, Path dir)
            throws IOException, InterruptedException {
        Path input = dir.resolve("points.txt");
        Path output = dir.resolve("projected.txt");
        StringBuilder lines = new StringBuilder();
        for (Point p : points) {
            lines.append(p.epsg()).append(' ').append(p.lon()).append(' ').append(p.lat()).append('\n');
        }
        Files.writeString(input, lines, StandardCharsets.UTF_8);

        RasterioScript.run("the PROJ oracle", ORACLE, input, output);

        List<String> rows = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(rows).as("rows written by the rasterio oracle").hasSize(points.size());
        List<double[]> result = new ArrayList<>(rows.size());
        for (String row : rows) {
            String[] xy = row.trim().split(" ");
            result.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return result;
    }
}
