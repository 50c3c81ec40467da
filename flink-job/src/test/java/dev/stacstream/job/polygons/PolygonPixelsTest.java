package dev.stacstream.job.polygons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.plan.WindowGrid;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which windows hold a polygon's pixels, the polygons of a window, and a polygon's pixels clipped to a window. */
class PolygonPixelsTest {

    /** WGS 84 grid of 0.001-degree pixels, 100 x 100, from (0, 0.1) down: pixel (c, r) covers lon c/1000. */
    private static final LevelGrid GRID = new LevelGrid(100, 100, new double[] {0, 0.001, 0, 0.1, 0, -0.001}, 4326);
    private static final WindowGrid WINDOWS = new WindowGrid(100, 100, 40, 40);

    private static String box(String id, double c0, double r0, double c1, double r1) {
        double w = c0 / 1000;
        double e = c1 / 1000;
        double n = 0.1 - r0 / 1000;
        double s = 0.1 - r1 / 1000;
        return "{\"type\": \"Feature\", \"id\": \"" + id + "\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\":"
                + " [[[" + w + ", " + s + "], [" + e + ", " + s + "], [" + e + ", " + n + "], [" + w + ", " + n + "], [" + w
                + ", " + s + "]]]}}";
    }

    @Test
    void windowsPolygonsAndClippedSpansAgree() {
        String json = "{\"type\": \"FeatureCollection\", \"features\": [" + box("A", 30.2, 10.2, 50.8, 20.8) + ", "
                + box("B", 85.2, 85.2, 90.8, 95.8) + ", " + box("C", 200.2, 0.2, 210.8, 5.8) + "]}";
        PolygonSet set = PolygonSet.parse("boxes", json.getBytes(StandardCharsets.UTF_8), null);
        PolygonPixels pixels = PolygonPixels.of(set, GRID);

        // A: columns 30-50, rows 10-20, across windows 0 and 1 (3 x 3 windows of 40); B: window 8; C: off the grid.
        assertThat(pixels.windows(0, WINDOWS).stream().toArray()).containsExactly(0, 1);
        assertThat(pixels.windows(1, WINDOWS).stream().toArray()).containsExactly(8);
        assertThat(pixels.spans(2)).isEmpty();
        assertThat(pixels.windows(WINDOWS).stream().toArray()).containsExactly(0, 1, 8);
        assertThat(pixels.polygonsIn(WINDOWS, 0)).containsExactly(0);
        assertThat(pixels.polygonsIn(WINDOWS, 1)).containsExactly(0);
        assertThat(pixels.polygonsIn(WINDOWS, 8)).containsExactly(1);
        assertThat(pixels.polygonsIn(WINDOWS, 4)).isEmpty();
        PixelWindow first = WINDOWS.window(0);
        assertThat(pixels.inside(0, first)).hasSize(11).allSatisfy(span -> {
            assertThat(span.colStart()).isEqualTo(30);
            assertThat(span.colEnd()).isEqualTo(40);
        });
        assertThat(pixels.inside(0, WINDOWS.window(1))).allSatisfy(span -> {
            assertThat(span.colStart()).isEqualTo(40);
            assertThat(span.colEnd()).isEqualTo(51);
        });
    }
}
