package dev.stacstream.cog.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GdalOracleTest {

    private static final String BYTE_TIF = "rasters/geotiff/rasterio/byte.tif";
    private static final String COG_WITH_MASKS = "rasters/geotiff/rasterio/cogeo.tif";

    @Test
    void decodesAnUncompressedStripToTheBytesStoredInTheFile() {
        Path file = TestCorpus.require().resolve(BYTE_TIF);
        TiffBytes tiff = TiffBytes.read(file);
        TiffBytes.Directory ifd = tiff.directories().get(0);
        int offset = Math.toIntExact(tiff.values(ifd.entry(TiffBytes.STRIP_OFFSETS))[0]);

        OracleRaster raster = GdalOracle.shared().read(file, 0);

        assertThat(raster.pixels().dtype()).isEqualTo("uint8");
        assertThat(raster.pixels().shape()).isEqualTo("(1, 20, 20)");
        assertThat(raster.nbits()).isEqualTo(8);
        assertThat(raster.nodata()).isNull();
        assertThat(raster.pixels().data()).isEqualTo(Arrays.copyOfRange(tiff.bytes(), offset, offset + 20 * 20));
    }

    @Test
    void aWindowIsTheMatchingPartOfTheWholeLevel() {
        Path file = TestCorpus.require().resolve(BYTE_TIF);
        GdalOracle oracle = GdalOracle.shared();
        byte[] full = oracle.read(file, 0).pixels().data();

        Pixels window = oracle.read(file, 0, new OracleWindow(3, 5, 4, 2)).pixels();

        assertThat(window.shape()).isEqualTo("(1, 2, 4)");
        byte[] expected = new byte[8];
        for (int row = 0; row < 2; row++) {
            System.arraycopy(full, (5 + row) * 20 + 3, expected, row * 4, 4);
        }
        assertThat(window.data()).isEqualTo(expected);
    }

    @Test
    void levelsAreFullResolutionThenOverviewsWithoutMasks() {
        Path file = TestCorpus.require().resolve(COG_WITH_MASKS);

        OracleDescription description = GdalOracle.shared().describe(file);

        assertThat(description.compression()).isEqualTo("YCbCr JPEG");
        assertThat(description.tolerance()).isEqualTo(PixelComparison.JPEG_TOLERANCE);
        assertThat(description.levels()).extracting(OracleDescription.Level::width).containsExactly(1024, 512, 256, 128, 64, 32, 16);
        assertThat(description.levels()).allSatisfy(level -> {
            assertThat(level.bands()).isEqualTo(3);
            assertThat(level.dtype()).isEqualTo("uint8");
        });
        assertThat(GdalOracle.shared().read(file, 2).pixels().shape()).isEqualTo("(3, 256, 256)");
    }

    @Test
    void reportsNodataAsGdalPrintsIt() {
        TestCorpus corpus = TestCorpus.require();
        GdalOracle oracle = GdalOracle.shared();

        assertThat(oracle.describe(corpus.resolve("rasters/geotiff/geotrellis/stitch-layer_3_6_28.tiff")).nodata()).isEqualTo("-9999.0");
        assertThat(oracle.describe(corpus.resolve("rasters/geotiff/rasterio/float_nan.tif")).nodata()).isEqualTo("nan");
    }

    @Test
    void aLevelGdalDoesNotHaveIsAnError() {
        Path file = TestCorpus.require().resolve(BYTE_TIF);
        GdalOracle oracle = GdalOracle.shared();

        assertThatThrownBy(() -> oracle.read(file, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("level 1 out of range");
    }
}
