package dev.stacstream.job.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link MaskLayer#ratio}: band pixels per mask pixel, the one rule the planner, window sizing and decode share. */
class MaskLayerRatioTest {

    @Test
    void aCoarserMaskByAWholeFactorGivesThatFactor() {
        assertThat(MaskLayer.ratio(20.0, 10.0)).isEqualTo(2); // SCL under 10 m bands
        assertThat(MaskLayer.ratio(30.0, 30.0)).isEqualTo(1); // Landsat QA_PIXEL under its bands
        assertThat(MaskLayer.ratio(-60.0, 20.0)).isEqualTo(3); // a negative pixel height or width counts by size
        assertThat(MaskLayer.ratio(20.0 + 1e-12, 10.0)).isEqualTo(2);
    }

    @Test
    void aFinerMaskOrOneOffTheBandGridIsRefusedWithBothSizes() {
        assertThatThrownBy(() -> MaskLayer.ratio(10.0, 20.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mask pixel size 10.0 is not a whole multiple of the band pixel size 20.0");
        assertThatThrownBy(() -> MaskLayer.ratio(15.0, 10.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mask pixel size 15.0");
        assertThatThrownBy(() -> MaskLayer.ratio(600.0791556728232, 100.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
