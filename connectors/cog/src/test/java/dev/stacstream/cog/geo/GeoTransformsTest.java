package dev.stacstream.cog.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoTransformsTest {

    @Test
    void aNorthUpTransformIsInvertedWithReciprocalsAsGdalDoes() {
        double[] inv = GeoTransforms.invert(new double[] {499980, 10, 0, 5900040, 0, -10});
        assertThat(inv).containsExactly(-49998, 0.1, 0, 590004, 0, -0.1);
        // The pixel-grid position of the centre of pixel (3, 7).
        double x = 499980 + 3.5 * 10;
        double y = 5900040 - 7.5 * 10;
        assertThat(inv[0] + x * inv[1] + y * inv[2]).isCloseTo(3.5, within(1e-9));
        assertThat(inv[3] + x * inv[4] + y * inv[5]).isCloseTo(7.5, within(1e-9));
    }

    @Test
    void aRotatedTransformIsInvertedThroughItsDeterminant() {
        double[] g = {500000, 8, 6, 5900000, 6, -8};
        double[] inv = GeoTransforms.invert(g);
        double col = 40.25;
        double row = 70.75;
        double x = g[0] + col * g[1] + row * g[2];
        double y = g[3] + col * g[4] + row * g[5];
        assertThat(inv[0] + x * inv[1] + y * inv[2]).isCloseTo(col, within(1e-9));
        assertThat(inv[3] + x * inv[4] + y * inv[5]).isCloseTo(row, within(1e-9));
    }

    @Test
    void aSingularOrMalformedTransformIsRefused() {
        assertThatThrownBy(() -> GeoTransforms.invert(new double[] {0, 1, 2, 0, 2, 4})).hasMessageContaining("not invertible");
        assertThatThrownBy(() -> GeoTransforms.invert(new double[] {0, 1, 0})).hasMessageContaining("six coefficients");
        assertThatThrownBy(() -> GeoTransforms.invert(new double[] {0, Double.NaN, 0, 0, 0, -1}))
                .hasMessageContaining("not finite");
    }
}
