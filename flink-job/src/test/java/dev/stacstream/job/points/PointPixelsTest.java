package dev.stacstream.job.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.cog.geo.LonLatProjection;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.plan.WindowGrid;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PointPixelsTest {

    private static final int EPSG = 32633;
    private static final double[] GT = {499980, 10, 0, 5900040, 0, -10};

    /** Points at the given UTM 33N positions, as WGS 84 GeoJSON. */
    private static PointSet pointsAt(double[]... xy) {
        LonLatProjection utm = LonLatProjection.forEpsg(EPSG);
        List<String> features = new ArrayList<>();
        double[] lonLat = new double[2];
        for (int i = 0; i < xy.length; i++) {
            utm.unproject(xy[i][0], xy[i][1], lonLat);
            features.add(String.format(Locale.ROOT, "{\"type\": \"Feature\", \"id\": \"p%d\", \"geometry\": {\"type\":"
                    + " \"Point\", \"coordinates\": [%.12f, %.12f]}, \"properties\": {}}", i, lonLat[0], lonLat[1]));
        }
        String json = "{\"type\": \"FeatureCollection\", \"features\": [" + String.join(", ", features) + "]}";
        return PointSet.parse("test", json.getBytes(StandardCharsets.UTF_8), null);
    }

    /** The UTM position a quarter pixel into pixel (col, row) of GT. */
    private static double[] in(int col, int row) {
        return new double[] {GT[0] + (col + 0.25) * GT[1], GT[3] + (row + 0.75) * GT[5]};
    }

    @Test
    void eachPointFallsOnThePixelThatContainsItAndOffGridPointsAreLeftOut() {
        PointSet set = pointsAt(in(700, 30), in(3, 900), in(0, 0), in(1097, 1097), new double[] {GT[0] - 3, GT[3] - 5},
                new double[] {GT[0] + 5, GT[3] + 4}, in(1098, 10));
        PointPixels pixels = PointPixels.of(set, new LevelGrid(1098, 1098, GT, EPSG));
        assertThat(pixels.count()).isEqualTo(4);
        // Sorted by row, then column.
        assertThat(pixels.point(0)).isEqualTo(2);
        assertThat(new int[] {pixels.col(0), pixels.row(0)}).containsExactly(0, 0);
        assertThat(pixels.point(1)).isEqualTo(0);
        assertThat(new int[] {pixels.col(1), pixels.row(1)}).containsExactly(700, 30);
        assertThat(pixels.point(2)).isEqualTo(1);
        assertThat(new int[] {pixels.col(2), pixels.row(2)}).containsExactly(3, 900);
        assertThat(pixels.point(3)).isEqualTo(3);
        assertThat(new int[] {pixels.col(3), pixels.row(3)}).containsExactly(1097, 1097);
    }

    @Test
    void windowsAndTheirPointsAreFoundByPixel() {
        PointSet set = pointsAt(in(700, 30), in(3, 900), in(0, 0), in(1097, 1097), in(511, 511), in(512, 511));
        PointPixels pixels = PointPixels.of(set, new LevelGrid(1098, 1098, GT, EPSG));
        WindowGrid windows = new WindowGrid(1098, 1098, 512, 512);
        // 3 x 3 windows: 0 (0,0 and 511,511), 1 (700,30 and 512,511), 3 (3,900), 8 (1097,1097).
        assertThat(pixels.windows(windows).stream().toArray()).containsExactly(0, 1, 3, 8);
        assertThat(points(pixels, windows.window(0))).containsExactly(2, 4);
        assertThat(points(pixels, windows.window(1))).containsExactly(0, 5);
        assertThat(pixels.inside(windows.window(2))).isEmpty();
        assertThat(points(pixels, new PixelWindow(500, 20, 300, 600))).containsExactly(0, 4, 5);
    }

    private static int[] points(PointPixels pixels, PixelWindow window) {
        return Arrays.stream(pixels.inside(window)).map(pixels::point).toArray();
    }

    @Test
    void aRotatedGridIsInvertedThroughItsWholeGeotransform() {
        double[] gt = {500000, 8, 6, 5900000, 6, -8};
        LevelGrid grid = new LevelGrid(100, 100, gt, EPSG);
        int col = 40;
        int row = 70;
        double x = gt[0] + (col + 0.5) * gt[1] + (row + 0.5) * gt[2];
        double y = gt[3] + (col + 0.5) * gt[4] + (row + 0.5) * gt[5];
        PointPixels pixels = PointPixels.of(pointsAt(new double[] {x, y}), grid);
        assertThat(pixels.count()).isOne();
        assertThat(new int[] {pixels.col(0), pixels.row(0)}).containsExactly(col, row);
    }

    @Test
    void aGridWithoutASupportedCrsIsRefused() {
        PointSet set = pointsAt(in(1, 1));
        assertThatThrownBy(() -> PointPixels.of(set, new LevelGrid(10, 10, GT, 0))).hasMessageContaining("no EPSG code");
        assertThatThrownBy(() -> PointPixels.of(set, new LevelGrid(10, 10, GT, 3857))).hasMessageContaining("3857");
    }
}
