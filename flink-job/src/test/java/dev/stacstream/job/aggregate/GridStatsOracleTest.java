package dev.stacstream.job.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.job.mask.BandValues;
import dev.stacstream.job.mask.BlockInput;
import dev.stacstream.job.mask.BlockMasker;
import dev.stacstream.job.mask.MaskRule;
import dev.stacstream.job.mask.testing.BlockTiling;
import dev.stacstream.job.mask.testing.CorpusLevel;
import dev.stacstream.job.mask.testing.PythonOracle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The grid statistics of the corpus Sentinel-2 scene (B04 and B08 under the SCL), computed block by block with
 * the kernels and merged, against numpy on whole arrays ({@code oracle/grid_stats_oracle.py}): counts, min and
 * max exactly, sums exactly for raw integers, mean and std to float rounding. The corpus bands are 1098x1098 at
 * 100 m and the SCL 549x549 at 200 m (ratio 2); B04's first overview is on the SCL's grid (ratio 1).
 */
class GridStatsOracleTest {

    private static final Set<Integer> W_EXCLUDED = Set.of(3, 8, 9, 10);
    private static final String[] BANDS = {"B04", "B08"};
    /** Stats in the oracle's output order. */
    private static final int COUNT_TOTAL = 0;
    private static final int COUNT_VALID = 1;
    private static final int SUM = 2;
    private static final int MEAN = 3;
    private static final int MIN = 4;
    private static final int MAX = 5;
    private static final int STD = 6;
    private static final int STATS = 7;
    /** Relative agreement of mean and std: both sides round differently, each within a few ulps. */
    private static final double RELATIVE_TOLERANCE = 1e-12;

    /**
     * @param expectedFactor the factor the spec must resolve to on the level (the oracle is given this number)
     * @param blockWidth block width, or 0 for the whole level as one block
     * @param firstWidth width of the first column of blocks (0 = regular), to misalign block edges
     */
    record Case(String name, int bandLevel, int ratio, Set<Integer> excluded, GridSpec spec, int expectedFactor,
            BandValues b04, BandValues b08, int blockWidth, int blockHeight, int firstWidth, int firstHeight, boolean fused) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        BandValues nodata0 = BandValues.withNodata(0);
        return Stream.of(
                new Case("workload W rule, factor 10, 256x256 blocks", 0, 2, W_EXCLUDED, GridSpec.byFactor(10), 10,
                        nodata0, nodata0, 256, 256, 0, 0, true),
                new Case("workload W rule, factor 10, 256x256 blocks, general path only", 0, 2, W_EXCLUDED,
                        GridSpec.byFactor(10), 10, nodata0, nodata0, 256, 256, 0, 0, false),
                new Case("default exclusion, factor 7, 300x200 blocks after a 37x53 first row and column", 0, 2,
                        MaskRule.DEFAULT_SCL_EXCLUDED, GridSpec.byFactor(7), 7, nodata0, nodata0, 300, 200, 37, 53, true),
                new Case("factor 7, the whole level as one block", 0, 2, W_EXCLUDED, GridSpec.byFactor(7), 7, nodata0,
                        nodata0, 0, 0, 0, 0, true),
                new Case("by resolution 1000 m (factor 10), 512x512 blocks", 0, 2, W_EXCLUDED, GridSpec.byResolution(1000), 10,
                        nodata0, nodata0, 512, 512, 0, 0, true),
                new Case("by size 100x100 cells (factor 11), 256x256 blocks after a 101x1 first row and column", 0, 2,
                        W_EXCLUDED, GridSpec.bySize(100, 100), 11, nodata0, nodata0, 256, 256, 101, 1, true),
                new Case("scale/offset 0.0001/-0.1 on B04 and -0.5/3000 on B08, factor 9, 333x333 blocks", 0, 2,
                        W_EXCLUDED, GridSpec.byFactor(9), 9, nodata0.withScaleOffset(0.0001, -0.1),
                        nodata0.withScaleOffset(-0.5, 3000), 333, 333, 0, 0, true),
                new Case("a nodata value that occurs (B04 1500, B08 2500), factor 10, 199x257 blocks", 0, 2, W_EXCLUDED,
                        GridSpec.byFactor(10), 10, BandValues.withNodata(1500), BandValues.withNodata(2500), 199, 257, 0, 0,
                        true),
                new Case("B04/B08 overview 1 on the SCL's grid (ratio 1), factor 5, 128x128 blocks after 3x5", 1, 1,
                        MaskRule.DEFAULT_SCL_EXCLUDED, GridSpec.byFactor(5), 5, nodata0, nodata0, 128, 128, 3, 5, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void blockwiseStatisticsEqualNumpyOnWholeArrays(Case c, @TempDir Path tmp) {
        PythonOracle.requireNumpyAndGdal();
        CorpusLevel b04 = CorpusLevel.read(CorpusLevel.S2_SCENE + "B04.tif", c.bandLevel());
        CorpusLevel b08 = CorpusLevel.read(CorpusLevel.S2_SCENE + "B08.tif", c.bandLevel());
        CorpusLevel scl = CorpusLevel.read(CorpusLevel.S2_SCENE + "SCL.tif", 0);
        CellGrid grid = c.spec().resolve(b04.grid());
        assertThat(grid.factorX()).isEqualTo(c.expectedFactor());
        assertThat(grid.factorY()).isEqualTo(c.expectedFactor());

        List<BlockTiling.Band> bands = List.of(new BlockTiling.Band("red", b04.raster(), c.b04()),
                new BlockTiling.Band("nir", b08.raster(), c.b08()));
        BlockTiling.Mask mask = new BlockTiling.Mask(scl.raster(), c.ratio(), OptionalDouble.of(0));
        List<BlockInput> blocks = c.blockWidth() == 0 ? List.of(BlockTiling.whole(b04.grid(), bands, mask, 0))
                : BlockTiling.tile(b04.grid(), bands, mask, 0, c.blockWidth(), c.blockHeight(), c.firstWidth(), c.firstHeight());
        BlockMasker masker = new BlockMasker(MaskRule.sclClasses(c.excluded()));
        BlockAggregator aggregator = c.fused() ? new BlockAggregator(c.spec()) : BlockAggregator.withoutFusedPaths(c.spec());
        CellStatsGrid merged = new CellStatsGrid(2, grid.columns(), grid.rows());
        for (BlockInput block : blocks) {
            aggregator.aggregate(masker.mask(block)).forEachCell(merged::merge);
        }

        double[] oracle = runOracle(c, b04, b08, scl, tmp);
        List<String> mismatches = new ArrayList<>();
        int partlyMasked = 0;
        for (int band = 0; band < 2; band++) {
            for (int y = 0; y < grid.rows(); y++) {
                for (int x = 0; x < grid.columns(); x++) {
                    CellStats got = merged.get(band, x, y);
                    double[] want = new double[STATS];
                    for (int s = 0; s < STATS; s++) {
                        want[s] = oracle[((band * STATS + s) * grid.rows() + y) * grid.columns() + x];
                    }
                    if (want[COUNT_VALID] > 0 && want[COUNT_VALID] < want[COUNT_TOTAL]) {
                        partlyMasked++;
                    }
                    boolean scaled = !(band == 0 ? c.b04() : c.b08()).isIdentity();
                    compare(BANDS[band] + " cell (" + x + ", " + y + ")", got, want, scaled, mismatches);
                }
            }
        }
        assertThat(mismatches).as("cells differing from numpy (of %d)", 2 * grid.columns() * grid.rows()).isEmpty();
        assertThat(partlyMasked).as("cells with some but not all pixels valid").isPositive();
    }

    private static void compare(String where, CellStats got, double[] want, boolean scaled, List<String> mismatches) {
        if (got == null) {
            mismatches.add(where + ": no partial statistics at all");
            return;
        }
        boolean ok = got.countTotal() == want[COUNT_TOTAL] && got.countValid() == want[COUNT_VALID]
                && same(got.min(), want[MIN]) && same(got.max(), want[MAX])
                && (scaled ? close(got.sum(), want[SUM]) : got.sum() == want[SUM])
                && close(got.mean(), want[MEAN]) && close(got.std(), want[STD], Math.abs(want[MEAN]));
        if (!ok && mismatches.size() < 20) {
            mismatches.add(String.format(Locale.ROOT, "%s: got %s, numpy total=%s valid=%s sum=%s mean=%s min=%s max=%s std=%s",
                    where, got, want[COUNT_TOTAL], want[COUNT_VALID], want[SUM], want[MEAN], want[MIN], want[MAX], want[STD]));
        }
    }

    private static boolean same(double a, double b) {
        return Double.compare(a, b) == 0;
    }

    private static boolean close(double a, double b) {
        return close(a, b, Math.abs(b));
    }

    /** Within the relative tolerance of {@code scale} (the mean's magnitude for std, whose rounding follows it). */
    private static boolean close(double a, double b, double scale) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(scale, Math.abs(b));
    }

    private static double[] runOracle(Case c, CorpusLevel b04, CorpusLevel b08, CorpusLevel scl, Path tmp) {
        String spec = String.format(Locale.ROOT,
                "{\"bands\": [%s, %s], \"mask\": {\"path\": \"%s\", \"overview\": null, \"ratio\": %d, "
                        + "\"rule\": {\"kind\": \"classes\", \"exclude\": %s}}, \"factor_x\": %d, \"factor_y\": %d}",
                bandJson(b04, c.b04()), bandJson(b08, c.b08()), scl.path(), c.ratio(), new TreeSet<>(c.excluded()),
                c.expectedFactor(), c.expectedFactor());
        Path specFile = PythonOracle.write(tmp.resolve("spec.json"), spec);
        Path out = tmp.resolve("stats.f64");
        PythonOracle.run(tmp, "grid_stats_oracle.py", specFile.toString(), out.toString());
        return PythonOracle.readDoubles(out);
    }

    private static String bandJson(CorpusLevel level, BandValues values) {
        return String.format(Locale.ROOT, "{\"path\": \"%s\", \"overview\": %s, \"nodata\": %s, \"scale\": %s, \"offset\": %s}",
                level.path(), level.gdalOverviewJson(),
                values.nodata().isPresent() ? Double.toString(values.nodata().getAsDouble()) : "null", values.scale(),
                values.offset());
    }
}
