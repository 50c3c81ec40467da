package dev.stacstream.job.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.cog.plan.PixelWindow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowGridTest {

    /** Workload W's bands: 10980 px under a 20 m SCL in 1024 tiles, so windows of 2 x 2 tiles. */
    private static final WindowGrid SENTINEL_10M = new WindowGrid(10980, 10980, 2048, 2048);

    @Test
    void windowsAreRowMajorAndClippedAtTheLevelEdge() {
        assertThat(SENTINEL_10M.columns()).isEqualTo(6);
        assertThat(SENTINEL_10M.rows()).isEqualTo(6);
        assertThat(SENTINEL_10M.count()).isEqualTo(36);
        assertThat(SENTINEL_10M.window(0)).isEqualTo(new PixelWindow(0, 0, 2048, 2048));
        assertThat(SENTINEL_10M.window(7)).isEqualTo(new PixelWindow(2048, 2048, 2048, 2048));
        assertThat(SENTINEL_10M.window(5)).isEqualTo(new PixelWindow(10240, 0, 740, 2048));
        assertThat(SENTINEL_10M.window(35)).isEqualTo(new PixelWindow(10240, 10240, 740, 740));
    }

    @Test
    void theWindowsTileTheLevelExactlyOnce() {
        WindowGrid grid = new WindowGrid(1098, 700, 512, 256);
        List<PixelWindow> windows = new ArrayList<>();
        long pixels = 0;
        for (int i = 0; i < grid.count(); i++) {
            windows.add(grid.window(i));
            pixels += (long) grid.window(i).width() * grid.window(i).height();
        }
        assertThat(windows).hasSize(3 * 3).allSatisfy(w -> assertThat(w.fitsIn(1098, 700)).isTrue());
        assertThat(pixels).isEqualTo(1098L * 700);
    }

    @Test
    void badGridsAndIndicesAreRejectedWithTheirValues() {
        assertThatThrownBy(() -> new WindowGrid(1098, 1098, 0, 512)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step 0x512");
        assertThatThrownBy(() -> SENTINEL_10M.window(36)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("window 36").hasMessageContaining("6x6");
    }
}
