package dev.stacstream.job.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.DataType;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.job.mask.BandValues;
import dev.stacstream.job.mask.BlockInput;
import dev.stacstream.job.mask.BlockMasker;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.mask.MaskRule;
import dev.stacstream.job.mask.MaskedBlock;
import dev.stacstream.job.mask.testing.BlockTiling;
import dev.stacstream.job.mask.testing.TestRasters;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Block aggregation on generated rasters of every sample type, against {@link NaiveGridStats}. */
class BlockAggregatorTest {

    private static final double[] GEOTRANSFORM = {500_000, 10, 0, 4_000_000, 0, -10};
    private static final int EPSG = 32633;
    private static final Set<Integer> EXCLUDED = Set.of(3, 8, 9, 10);
    /** SCL classes the generated masks draw from. */
    private static final int SCL_CLASSES = 12;
    private static final double RELATIVE_TOLERANCE = 1e-12;

    private static LevelGrid level(int width, int height) {
        return new LevelGrid(width, height, GEOTRANSFORM, EPSG);
    }

    /** Samples of {@code type}: a smooth field with noise, some nodata, and NaNs in float types. */
    private static Raster band(DataType type, int width, int height, double nodata, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[width * height];
        for (int i = 0; i < v.length; i++) {
            double field = 100 + 50 * Math.sin(i % width / 7.0) + random.nextInt(40);
            v[i] = switch (type) {
                case INT8 -> field - 128;
                case INT16, INT32, INT64 -> field * 3 - 400;
                case FLOAT16, FLOAT32, FLOAT64 -> field / 7.0 - 5;
                default -> field;
            };
            if (random.nextInt(20) == 0) {
                v[i] = nodata;
            } else if (type.isFloating() && random.nextInt(50) == 0) {
                v[i] = Double.NaN;
            }
        }
        return TestRasters.of(type, width, height, v);
    }

    private static Raster scl(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[width * height];
        for (int i = 0; i < v.length; i++) {
            // runs of one class, so that cells are partly masked
            v[i] = i > 0 && random.nextInt(4) != 0 ? v[i - 1] : random.nextInt(SCL_CLASSES);
        }
        return TestRasters.of(DataType.UINT8, width, height, v);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DataType.class)
    void blockwiseStatisticsOfEverySampleTypeEqualTheNaiveComputation(DataType type) {
        int width = 61;
        int height = 47;
        int ratio = 2;
        double nodata = type.isSigned() ? -7 : 7;
        Raster band = band(type, width, height, nodata, type.ordinal());
        Raster mask = scl((width + ratio - 1) / ratio, (height + ratio - 1) / ratio, 99);
        BandValues values = BandValues.withNodata(nodata);
        List<BlockInput> blocks = BlockTiling.tile(level(width, height), List.of(new BlockTiling.Band("b", band, values)),
                new BlockTiling.Mask(mask, ratio, OptionalDouble.of(0)), 0, 16, 13, 5, 3);
        int factor = 7;
        CellStatsGrid merged = aggregate(blocks, MaskRule.sclClasses(EXCLUDED), new BlockAggregator(GridSpec.byFactor(factor)),
                1, width, height, factor);

        int columns = (width + factor - 1) / factor;
        int rows = (height + factor - 1) / factor;
        int checkedWithValid = 0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                NaiveGridStats.Expected want = NaiveGridStats.cell(band, i -> validPixel(band, mask, ratio, nodata, i),
                        factor, factor, x, y, 1, 0);
                assertMatches(merged.get(0, x, y), want, "cell (" + x + ", " + y + ")");
                checkedWithValid += want.countValid() > 0 ? 1 : 0;
            }
        }
        assertThat(checkedWithValid).isGreaterThan(columns * rows / 2);
    }

    private static boolean validPixel(Raster band, Raster mask, int ratio, double nodata, int index) {
        int col = index % band.width();
        int row = index / band.width();
        double v = band.getDouble(0, row, col);
        int scl = (int) mask.getDouble(0, row / ratio, col / ratio);
        double asStored = TestRasters.of(band.dataType(), 1, 1, nodata).getDouble(0, 0, 0);
        return !EXCLUDED.contains(scl) && !Double.isNaN(v) && v != asStored;
    }

    @ParameterizedTest(name = "mask ratio {0}")
    @MethodSource("ratios")
    void fusedUint16LoopGivesBitIdenticalStatisticsToTheGeneralPath(int ratio) {
        int width = 83;
        int height = 71;
        Raster band = band(DataType.UINT16, width, height, 0, 5);
        Raster mask = scl((width + ratio - 1) / ratio, (height + ratio - 1) / ratio, 6);
        List<BlockInput> blocks = BlockTiling.tile(level(width, height),
                List.of(new BlockTiling.Band("b", band, BandValues.withNodata(0).withScaleOffset(0.0001, -0.1))),
                new BlockTiling.Mask(mask, ratio, OptionalDouble.of(0)), 0, 32, 24, 9, 0);
        BlockMasker masker = new BlockMasker(MaskRule.sclClasses(EXCLUDED));
        BlockAggregator fused = new BlockAggregator(GridSpec.byFactor(10));
        BlockAggregator general = BlockAggregator.withoutFusedPaths(GridSpec.byFactor(10));
        for (BlockInput block : blocks) {
            MaskedBlock masked = masker.mask(block);
            List<CellStats> a = new ArrayList<>();
            List<CellStats> b = new ArrayList<>();
            fused.aggregate(masked).forEachCell((band1, x, y, s) -> a.add(s));
            general.aggregate(masked).forEachCell((band1, x, y, s) -> b.add(s));
            assertThat(a).isEqualTo(b).isNotEmpty();
        }
    }

    static Stream<Arguments> ratios() {
        return Stream.of(1, 2, 4).map(Arguments::of);
    }

    /** Windows at every parity of column, row, width and height, with odd and even factors, at ratio 2. */
    @ParameterizedTest(name = "factor {0}")
    @MethodSource("factors")
    void halfResolutionQuadLoopHandlesOddEdgesLikeTheGeneralPath(int factor) {
        int width = 57;
        int height = 43;
        Raster band = band(DataType.UINT16, width, height, 0, factor);
        Raster mask = scl(29, 22, factor + 1);
        List<BlockTiling.Band> bands = List.of(new BlockTiling.Band("b", band, BandValues.withNodata(0)));
        BlockTiling.Mask m = new BlockTiling.Mask(mask, 2, OptionalDouble.of(0));
        BlockMasker masker = new BlockMasker(MaskRule.sclClasses(EXCLUDED));
        for (int[] tiling : new int[][] {{8, 8, 0, 0}, {7, 5, 3, 1}, {6, 9, 1, 2}, {57, 43, 0, 0}}) {
            for (BlockInput block : BlockTiling.tile(level(width, height), bands, m, 0, tiling[0], tiling[1], tiling[2], tiling[3])) {
                MaskedBlock masked = masker.mask(block);
                List<CellStats> fused = new ArrayList<>();
                List<CellStats> general = new ArrayList<>();
                new BlockAggregator(GridSpec.byFactor(factor)).aggregate(masked).forEachCell((b, x, y, s) -> fused.add(s));
                BlockAggregator.withoutFusedPaths(GridSpec.byFactor(factor)).aggregate(masked)
                        .forEachCell((b, x, y, s) -> general.add(s));
                assertThat(fused).as("block %s", block.window()).isEqualTo(general);
            }
        }
    }

    static Stream<Arguments> factors() {
        return Stream.of(1, 2, 3, 7, 10).map(Arguments::of);
    }

    @Test
    void cellsStraddlingBlockEdgesMergeToTheStatisticsOfOneWholeBlock() {
        int width = 100;
        int height = 90;
        Raster band = band(DataType.UINT16, width, height, 0, 11);
        Raster mask = scl(50, 45, 12);
        List<BlockTiling.Band> bands = List.of(new BlockTiling.Band("b", band, BandValues.withNodata(0)));
        BlockTiling.Mask m = new BlockTiling.Mask(mask, 2, OptionalDouble.of(0));
        int factor = 7;
        CellStatsGrid whole = aggregate(List.of(BlockTiling.whole(level(width, height), bands, m, 0)),
                MaskRule.sclClasses(EXCLUDED), new BlockAggregator(GridSpec.byFactor(factor)), 1, width, height, factor);
        CellStatsGrid tiled = aggregate(BlockTiling.tile(level(width, height), bands, m, 0, 11, 13, 0, 0),
                MaskRule.sclClasses(EXCLUDED), new BlockAggregator(GridSpec.byFactor(factor)), 1, width, height, factor);
        for (int y = 0; y < (height + factor - 1) / factor; y++) {
            for (int x = 0; x < (width + factor - 1) / factor; x++) {
                CellStats w = whole.get(0, x, y);
                CellStats t = tiled.get(0, x, y);
                assertThat(t.countTotal()).isEqualTo(w.countTotal());
                assertThat(t.countValid()).isEqualTo(w.countValid());
                assertThat(t.sum()).isEqualTo(w.sum());
                assertThat(t.min()).isEqualTo(w.min());
                assertThat(t.max()).isEqualTo(w.max());
                assertThat(t.mean()).isCloseTo(w.mean(), within(RELATIVE_TOLERANCE * Math.abs(w.mean())));
                assertThat(t.std()).isCloseTo(w.std(), within(RELATIVE_TOLERANCE * Math.abs(w.mean())));
            }
        }
    }

    @Test
    void negativeScaleSwapsMinimumAndMaximumAndScalesTheSpread() {
        Raster band = TestRasters.of(DataType.UINT16, 4, 1, 10, 20, 30, 40);
        BlockInput block = BlockInput.of(level(4, 1), PixelWindow.full(4, 1),
                List.of(dev.stacstream.job.mask.BandLayer.of("b", band, BandValues.raw().withScaleOffset(-0.5, 100))));
        CellStats s = new BlockAggregator(GridSpec.byFactor(4)).aggregate(new BlockMasker(MaskRule.none()).mask(block))
                .stats(0, 0, 0);
        // values 95, 90, 85, 80
        assertThat(s.min()).isEqualTo(80);
        assertThat(s.max()).isEqualTo(95);
        assertThat(s.sum()).isEqualTo(350);
        assertThat(s.mean()).isEqualTo(87.5);
        assertThat(s.std()).isCloseTo(Math.sqrt(31.25), within(1e-12));
    }

    @Test
    void partialEdgeCellsCountOnlyPixelsInsideTheLevel() {
        int width = 10;
        int height = 6;
        Raster band = TestRasters.of(DataType.UINT8, width, height, new double[width * height]);
        BlockInput block = BlockInput.of(level(width, height), new PixelWindow(0, 0, width, height),
                List.of(dev.stacstream.job.mask.BandLayer.of("b", band, BandValues.withNodata(0))));
        BlockAggregate a = new BlockAggregator(GridSpec.byFactor(4)).aggregate(new BlockMasker(MaskRule.none()).mask(block));
        assertThat(a.cellColumns()).isEqualTo(3);
        assertThat(a.cellRows()).isEqualTo(2);
        assertThat(a.stats(0, 2, 1).countTotal()).isEqualTo(2 * 2);
        assertThat(a.stats(0, 0, 0).countTotal()).isEqualTo(16);
        assertThat(a.stats(0, 2, 0).countValid()).isZero();
        assertThat(a.stats(0, 2, 0).mean()).isNaN();
        assertThat(a.totalPixels()).isEqualTo(width * height);
        assertThat(a.validPixels(0)).isZero();
    }

    @Test
    void blockCellIndicesAreThoseOfTheLevelGrid() {
        Raster band = TestRasters.of(DataType.UINT8, 5, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        BlockInput block = BlockInput.of(level(40, 40), new PixelWindow(13, 9, 5, 3),
                List.of(dev.stacstream.job.mask.BandLayer.of("b", band, BandValues.raw())));
        BlockAggregate a = new BlockAggregator(GridSpec.byFactor(4)).aggregate(new BlockMasker(MaskRule.none()).mask(block));
        // columns 13..17 fall in cells 3 (13-15) and 4 (16-17); rows 9..11 in cell 2
        assertThat(a.cellX0()).isEqualTo(3);
        assertThat(a.cellY0()).isEqualTo(2);
        assertThat(a.cellColumns()).isEqualTo(2);
        assertThat(a.cellRows()).isEqualTo(1);
        assertThat(a.stats(0, 3, 2).countTotal()).isEqualTo(9);
        assertThat(a.stats(0, 3, 2).sum()).isEqualTo(1 + 2 + 3 + 6 + 7 + 8 + 11 + 12 + 13);
        assertThat(a.stats(0, 4, 2).max()).isEqualTo(15);
        assertThat(a.bandNames()).containsExactly("b");
    }

    private static CellStatsGrid aggregate(List<BlockInput> blocks, MaskRule rule, BlockAggregator aggregator, int bands,
            int width, int height, int factor) {
        BlockMasker masker = new BlockMasker(rule);
        CellStatsGrid merged = new CellStatsGrid(bands, (width + factor - 1) / factor, (height + factor - 1) / factor);
        for (BlockInput block : blocks) {
            aggregator.aggregate(masker.mask(block)).forEachCell(merged::merge);
        }
        return merged;
    }

    private static void assertMatches(CellStats got, NaiveGridStats.Expected want, String where) {
        assertThat(got).as(where).isNotNull();
        assertThat(got.countTotal()).as(where + " count_total").isEqualTo(want.countTotal());
        assertThat(got.countValid()).as(where + " count_valid").isEqualTo(want.countValid());
        if (want.countValid() == 0) {
            assertThat(got.mean()).as(where + " mean").isNaN();
            assertThat(got.min()).as(where + " min").isNaN();
            return;
        }
        double scale = Math.max(1, Math.abs(want.mean()));
        assertThat(got.min()).as(where + " min").isEqualTo(want.min());
        assertThat(got.max()).as(where + " max").isEqualTo(want.max());
        assertThat(got.sum()).as(where + " sum").isCloseTo(want.sum(), within(RELATIVE_TOLERANCE * Math.abs(want.sum()) + 1e-12));
        assertThat(got.mean()).as(where + " mean").isCloseTo(want.mean(), within(RELATIVE_TOLERANCE * scale));
        assertThat(got.std()).as(where + " std").isCloseTo(want.std(), within(1e-9 * scale));
    }
}
