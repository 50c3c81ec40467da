package dev.stacstream.job.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.DataType;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.job.mask.testing.TestRasters;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Mapping mask pixels onto band pixels, folding in nodata, and the checks on block inputs. */
class BlockMaskerTest {

    private static final double[] GEOTRANSFORM = {0, 10, 0, 0, 0, -10};
    private static final int CLOUD = 9;
    private static final int CLEAR = 4;

    private static LevelGrid level(int width, int height) {
        return new LevelGrid(width, height, GEOTRANSFORM, 32633);
    }

    private static BandLayer band(int width, int height, BandValues values) {
        return BandLayer.of("red", TestRasters.of(DataType.UINT16, width, height, new double[width * height]), values);
    }

    @ParameterizedTest(name = "ratio {0}")
    @ValueSource(ints = {1, 2, 3, 5})
    void eachMaskPixelMasksTheBandPixelsBelowItByNearestNeighbour(int ratio) {
        int maskSize = 6;
        double[] classes = new double[maskSize * maskSize];
        java.util.Arrays.fill(classes, CLEAR);
        classes[2 * maskSize + 3] = CLOUD; // mask pixel (3, 2)
        Raster scl = TestRasters.of(DataType.UINT8, maskSize, maskSize, classes);
        int size = maskSize * ratio;
        // a window starting inside mask pixel (1, 1) and not aligned to the ratio when ratio > 1
        PixelWindow window = new PixelWindow(ratio + ratio / 2, ratio, size - 2 * ratio, size - 2 * ratio);
        BlockInput block = BlockInput.of(level(size, size), window, List.of(band(window.width(), window.height(), BandValues.raw())))
                .withMask(MaskLayer.whole(scl, ratio, OptionalDouble.of(0)));
        MaskedBlock masked = new BlockMasker(MaskRule.sclClasses(Set.of(CLOUD))).mask(block);
        ValidityMask validity = masked.validity(0);
        int invalid = 0;
        for (int r = 0; r < window.height(); r++) {
            for (int c = 0; c < window.width(); c++) {
                int levelCol = window.col() + c;
                int levelRow = window.row() + r;
                boolean underCloud = levelCol / ratio == 3 && levelRow / ratio == 2;
                assertThat(validity.isValid(c, r)).as("pixel (%d, %d)", levelCol, levelRow).isEqualTo(!underCloud);
                assertThat(masked.maskKeeps(levelCol, levelRow)).isEqualTo(!underCloud);
                invalid += underCloud ? 1 : 0;
            }
        }
        assertThat(invalid).isEqualTo(ratio * ratio);
        assertThat(validity.validCount()).isEqualTo((long) window.width() * window.height() - invalid);
        assertThat(masked.ratio()).isEqualTo(ratio);
        assertThat(masked.maskCol()).isEqualTo(window.col() / ratio);
    }

    @Test
    void validityFoldsInNodataAndNaNPerBand() {
        Raster floats = TestRasters.of(DataType.FLOAT32, 4, 1, 1.5, Double.NaN, -3.4028234663852886E38, 0.1);
        Raster ints = TestRasters.of(DataType.INT16, 4, 1, -9999, 0, 7, -9999);
        BlockInput block = BlockInput.of(level(4, 1), PixelWindow.full(4, 1), List.of(
                BandLayer.of("f", floats, BandValues.withNodata(-3.4028234663852886E38)),
                BandLayer.of("i", ints, BandValues.withNodata(-9999))));
        MaskedBlock masked = new BlockMasker(MaskRule.none()).mask(block);
        assertThat(masked.hasMask()).isFalse();
        assertThat(masked.validity(0).toBooleans()).containsExactly(true, false, false, true);
        assertThat(masked.validity(1).toBooleans()).containsExactly(false, true, true, false);
    }

    @Test
    void fractionalOrOutOfRangeNodataMatchesNoIntegerSample() {
        assertThat(SampleNodata.of(BandValues.withNodata(0.5), DataType.UINT16).intValue()).isEqualTo(SampleNodata.NO_INT_NODATA);
        assertThat(SampleNodata.of(BandValues.withNodata(-1), DataType.UINT8).intValue()).isEqualTo(SampleNodata.NO_INT_NODATA);
        assertThat(SampleNodata.of(BandValues.withNodata(65535), DataType.UINT16).intValue()).isEqualTo(65535);
        assertThat(SampleNodata.of(BandValues.raw(), DataType.FLOAT64).isNodata(Double.NaN)).isTrue();
        assertThat(SampleNodata.of(BandValues.withNodata(0.1), DataType.FLOAT32).isNodata((float) 0.1)).isTrue();
    }

    @Test
    void aRuleNeedingAMaskLayerFailsOnABlockWithoutOne() {
        BlockInput block = BlockInput.of(level(8, 8), PixelWindow.full(8, 8), List.of(band(8, 8, BandValues.raw())));
        assertThatThrownBy(() -> new BlockMasker(MaskRule.sclClasses(Set.of(CLOUD))).mask(block))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MaskRule.sclClasses(exclude [9]) needs a mask layer")
                .hasMessageContaining("cols [0, 8) rows [0, 8)");
    }

    @Test
    void aMaskLayerWithoutTheRuleHaloIsRejectedNamingTheNeededPixels() {
        Raster scl = TestRasters.of(DataType.UINT8, 4, 4, new double[16]);
        BlockInput block = BlockInput.of(level(40, 40), new PixelWindow(16, 16, 8, 8), List.of(band(8, 8, BandValues.raw())))
                .withMask(new MaskLayer(scl, 8, 8, 20, 20, 2, OptionalDouble.of(0)));
        MaskRule rule = MaskRule.sclDilation(SclDilationParams.defaults().withKernelSizes(5, 9));
        assertThatThrownBy(() -> new BlockMasker(rule).mask(block)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not hold the mask pixels cols [4, 16) rows [4, 16)")
                .hasMessageContaining("with the halo of 4");
        // with the halo present (clipped to the 20x20 mask image) the same block masks
        Raster withHalo = TestRasters.of(DataType.UINT8, 12, 12, new double[144]);
        BlockInput haloBlock = BlockInput.of(level(40, 40), new PixelWindow(16, 16, 8, 8), List.of(band(8, 8, BandValues.raw())))
                .withMask(new MaskLayer(withHalo, 4, 4, 20, 20, 2, OptionalDouble.of(0)));
        assertThat(new BlockMasker(rule).mask(haloBlock).maskWidth()).isEqualTo(4);
    }

    @Test
    void blockInputsAreCheckedAgainstTheirWindow() {
        assertThatThrownBy(() -> BlockInput.of(level(8, 8), new PixelWindow(4, 0, 8, 8), List.of(band(8, 8, BandValues.raw()))))
                .hasMessageContaining("window cols [4, 12) rows [0, 8) is outside the level of 8x8");
        assertThatThrownBy(() -> BlockInput.of(level(8, 8), PixelWindow.full(8, 8), List.of(band(8, 4, BandValues.raw()))))
                .hasMessageContaining("band red has 8x4 pixels but the window cols [0, 8) rows [0, 8) is 8x8");
        Raster smallMask = TestRasters.of(DataType.UINT8, 3, 3, new double[9]);
        BlockInput block = BlockInput.of(level(8, 8), PixelWindow.full(8, 8), List.of(band(8, 8, BandValues.raw())));
        assertThatThrownBy(() -> block.withMask(MaskLayer.whole(smallMask, 2, OptionalDouble.empty())))
                .hasMessageContaining("covers 6x6 band pixels, less than the band level of 8x8");
        assertThatThrownBy(() -> new MaskLayer(smallMask, 2, 0, 4, 4, 1, OptionalDouble.empty()))
                .hasMessageContaining("cols [2, 5) rows [0, 3) is outside the mask level of 4x4");
        Raster floatMask = TestRasters.of(DataType.FLOAT32, 3, 3, new double[9]);
        assertThatThrownBy(() -> MaskLayer.whole(floatMask, 1, OptionalDouble.empty())).hasMessageContaining("got float32");
    }
}
