package dev.stacstream.job.mask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.cog.raster.DataType;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.job.mask.testing.BlockTiling;
import dev.stacstream.job.mask.testing.CorpusLevel;
import dev.stacstream.job.mask.testing.TestRasters;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dilation rule is exact at block edges: blocks evaluated with the rule's halo mask exactly the band pixels
 * that evaluating the whole image masks, including blocks at the image edge whose halo lies outside it.
 */
class SclDilationBlockTest {

    private static final double[] GEOTRANSFORM = {0, 10, 0, 0, 0, -10};
    private static final int CLOUD_HIGH_PROBABILITY = 9;
    /** Vegetation, not vegetated, water: mask1 classes outside mask2. */
    private static final int[] CLEAR_CLASSES = {4, 5, 6};

    static Stream<Arguments> parameters() {
        SclDilationParams d = SclDilationParams.defaults();
        return Stream.of(
                Arguments.of(d),
                Arguments.of(d.withKernelSizes(9, 39)),
                Arguments.of(d.withKernelSizes(17, 77).withErosionKernelSize(3)),
                Arguments.of(d.withKernelSizes(0, 39).withErosionKernelSize(5)),
                Arguments.of(d.withKernelSizes(17, 0).withErosionKernelSize(3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameters")
    void corpusSceneBlocksWithHaloEqualTheWholeImage(SclDilationParams params) {
        CorpusLevel b04 = CorpusLevel.read(CorpusLevel.S2_SCENE + "B04.tif", 0);
        CorpusLevel scl = CorpusLevel.read(CorpusLevel.S2_SCENE + "SCL.tif", 0);
        long masked = assertBlocksEqualWhole(b04.grid(), b04.raster(), scl.raster(), 2, params, 256, 256, 0, 0);
        masked += assertBlocksEqualWhole(b04.grid(), b04.raster(), scl.raster(), 2, params, 300, 170, 77, 33);
        assertThat(masked).as("masked band pixels (the rule does mask on this scene)").isPositive();
    }

    @Test
    void imagesSmallerThanTheHaloAndNodataRegionsGiveTheSameMaskBlockwise() {
        int width = 60;
        int height = 40;
        SplittableRandom random = new SplittableRandom(7);
        double[] classes = new double[width * height];
        for (int i = 0; i < classes.length; i++) {
            int col = i % width;
            int row = i / width;
            boolean nodataWedge = col < row / 4; // a wedge of class 0 along the left edge
            boolean cloud = col >= 44 && col < 49 && row >= 24 && row < 28 && random.nextInt(4) != 0;
            classes[i] = nodataWedge ? 0 : cloud ? CLOUD_HIGH_PROBABILITY : CLEAR_CLASSES[random.nextInt(CLEAR_CLASSES.length)];
        }
        Raster scl = TestRasters.of(DataType.UINT8, width, height, classes);
        Raster band = TestRasters.of(DataType.UINT16, width, height, new double[width * height]);
        LevelGrid level = new LevelGrid(width, height, GEOTRANSFORM, 32633);
        for (SclDilationParams params : List.of(SclDilationParams.defaults().withKernelSizes(17, 77),
                SclDilationParams.defaults().withKernelSizes(5, 15).withErosionKernelSize(3))) {
            long masked = assertBlocksEqualWhole(level, band, scl, 1, params, 16, 16, 0, 0);
            masked += assertBlocksEqualWhole(level, band, scl, 1, params, 7, 11, 3, 5);
            assertThat(masked).isPositive().isLessThan(2L * width * height);
        }
    }

    /** Returns the number of masked pixels. */
    private static long assertBlocksEqualWhole(LevelGrid level, Raster band, Raster scl, int ratio, SclDilationParams params,
            int blockWidth, int blockHeight, int firstWidth, int firstHeight) {
        MaskRule rule = MaskRule.sclDilation(params);
        List<BlockTiling.Band> bands = List.of(new BlockTiling.Band("b", band, BandValues.raw()));
        BlockTiling.Mask mask = new BlockTiling.Mask(scl, ratio, OptionalDouble.of(0));
        BlockMasker masker = new BlockMasker(rule);
        MaskedBlock whole = masker.mask(BlockTiling.whole(level, bands, mask, rule.haloPixels()));
        long masked = 0;
        for (var block : BlockTiling.tile(level, bands, mask, rule.haloPixels(), blockWidth, blockHeight, firstWidth, firstHeight)) {
            MaskedBlock m = masker.mask(block);
            var w = block.window();
            for (int r = w.row(); r < w.rowEnd(); r++) {
                for (int c = w.col(); c < w.colEnd(); c++) {
                    if (m.maskKeeps(c, r) != whole.maskKeeps(c, r)) {
                        throw new AssertionError("pixel (" + c + ", " + r + ") in block " + w + " is "
                                + (m.maskKeeps(c, r) ? "kept" : "masked") + " blockwise but not on the whole image, " + params);
                    }
                    masked += m.maskKeeps(c, r) ? 0 : 1;
                }
            }
        }
        return masked;
    }
}
