package dev.stacstream.job.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowSizingTest {

    @ParameterizedTest(name = "band block {0}, mask block {1} band px: window side {2}")
    @CsvSource({
        // band block, mask block in band pixels, window side
        "1024, 2048, 2048", // Sentinel-2 10 m bands, 20 m SCL, both in 1024 tiles: 2 x 2 band tiles per window
        "1024, 1024, 1024", // a mask on the bands' grid with the same tiles: one block each, as before
        "1024,  512, 1024", // mask blocks smaller than a band block: each still decoded by one window
        " 512, 2048, 2048", // 512 band tiles under a 20 m mask in 1024 tiles: 4 x 4 band tiles
        " 256,  512,  512", // the bundled test catalog: 256 tiles, SCL at 20 m in 256 tiles
        "1024, 1536, 2048", // the common multiple 3072 is too large: as many whole band blocks as fit
        "1024, 6144, 2048", // a 60 m mask in 1024 tiles (6144 band px): capped the same way
        "4096, 8192, 4096", // a band block beyond the cap is one window on its own
        "10980, 10980, 10980", // strips as wide as the image
    })
    void aWindowSpansTheCommonMultipleOfBandAndMaskBlockWithinTheCap(int bandBlock, long maskBlock, int side) {
        assertThat(WindowSizing.step(bandBlock, maskBlock)).isEqualTo(side);
    }

    @Test
    void nonPositiveBlockSidesAreRejected() {
        assertThatThrownBy(() -> WindowSizing.step(1024, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("band 1024 mask 0");
    }
}
