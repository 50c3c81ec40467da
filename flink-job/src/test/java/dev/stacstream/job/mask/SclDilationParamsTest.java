package dev.stacstream.job.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dilation rule's parameters, halo and Gaussian weights. */
class SclDilationParamsTest {

    @Test
    void defaultsAreOpenEos() {
        SclDilationParams d = SclDilationParams.defaults();
        assertThat(d.mask1Classes()).containsExactly(2, 4, 5, 6, 7);
        assertThat(d.mask2Classes()).containsExactly(3, 8, 9, 10, 11);
        assertThat(d.kernel1Size()).isEqualTo(17);
        assertThat(d.kernel2Size()).isEqualTo(201);
        assertThat(d.erosionKernelSize()).isZero();
        assertThat(MaskRule.sclDilation(d).haloPixels()).isEqualTo(100);
    }

    @ParameterizedTest(name = "kernels {0}/{1}, erosion {2}: halo {3}")
    @CsvSource({
        "17, 201, 0, 100",
        "17, 77, 0, 38",
        "9, 39, 5, 21",
        "51, 3, 0, 25",
        "0, 39, 7, 22",
        "17, 0, 3, 9",
        "0, 0, 9, 0"})
    void haloIsTheLargestEnabledKernelRadiusPlusTheErosionRadius(int k1, int k2, int erosion, int halo) {
        assertThat(SclDilationParams.defaults().withKernelSizes(k1, k2).withErosionKernelSize(erosion).haloPixels())
                .isEqualTo(halo);
    }

    @Test
    void rejectsEvenKernelsAndImpossibleClasses() {
        assertThatThrownBy(() -> SclDilationParams.defaults().withKernelSizes(16, 201))
                .hasMessageContaining("kernel1 size must be odd").hasMessageContaining("got 16");
        assertThatThrownBy(() -> SclDilationParams.defaults().withErosionKernelSize(4)).hasMessageContaining("erosion kernel size");
        assertThatThrownBy(() -> SclDilationParams.defaults().withClasses(Set.of(2, 300), Set.of(3)))
                .hasMessageContaining("mask1 class must be in [0, 255], got 300");
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {1, 3, 17, 77, 201})
    void gaussianWeightsAreNormalisedSymmetricWithSigmaASixthOfTheSize(int size) {
        double[] g = GaussianWeights.of(size);
        assertThat(g).hasSize(size);
        assertThat(GaussianWeights.orderedSum(g)).isCloseTo(1.0, within(1e-15));
        int centre = size / 2;
        for (int i = 0; i < size; i++) {
            assertThat(g[i]).isEqualTo(g[size - 1 - i]);
        }
        double sigma = size / 6.0;
        for (int d = 1; d <= centre; d++) {
            assertThat(g[centre + d] / g[centre]).isCloseTo(Math.exp(-d * d / (2 * sigma * sigma)), within(1e-15));
        }
    }
}
