package dev.stacstream.job.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Circle erosion through prefix counts, against checking every offset of the circle. */
class BinaryErosionTest {

    @ParameterizedTest(name = "radius {0}")
    @ValueSource(ints = {1, 2, 3, 5, 8})
    void erodesLikeTheBruteForceCircle(int radius) {
        int width = 40;
        int height = 30;
        SplittableRandom random = new SplittableRandom(radius);
        byte[] src = new byte[width * height];
        for (int i = 0; i < src.length; i++) {
            src[i] = random.nextInt(10) < 9 ? (byte) 1 : (byte) 0;
        }
        byte[] dst = new byte[src.length];
        new BinaryErosion(radius).erode(src, width, radius, radius, width - radius, height - radius, dst);
        int kept = 0;
        for (int y = radius; y < height - radius; y++) {
            for (int x = radius; x < width - radius; x++) {
                boolean allOnes = true;
                for (int dy = -radius; dy <= radius; dy++) {
                    for (int dx = -radius; dx <= radius; dx++) {
                        if (dx * dx + dy * dy <= radius * radius && src[(y + dy) * width + x + dx] == 0) {
                            allOnes = false;
                        }
                    }
                }
                assertThat(dst[y * width + x]).as("(%d, %d)", x, y).isEqualTo(allOnes ? (byte) 1 : (byte) 0);
                kept += allOnes ? 1 : 0;
            }
        }
        if (radius <= 2) {
            assertThat(kept).isPositive();
        }
    }
}
