package dev.stacstream.job.mask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.job.aggregate.BlockAggregator;
import dev.stacstream.job.aggregate.CellStats;
import dev.stacstream.job.aggregate.GridSpec;
import dev.stacstream.job.mask.testing.BlockTiling;
import dev.stacstream.job.mask.testing.CorpusLevel;
import dev.stacstream.job.mask.testing.PythonOracle;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * QA_PIXEL bit rules on the corpus Landsat scene (SR_B4 under QA_PIXEL, same grid) against numpy bit operations:
 * the per-pixel validity exactly, and the masked grid statistics by blocks. The scene is 99.9 % cloudy: QA
 * values 1 (fill), 22280 (cloud), 23888 (cloud shadow) and 55052 (cirrus + cloud), so each rule keeps a
 * different share.
 */
class LandsatQaOracleTest {

    private static final int FACTOR = 10;
    private static final int STATS = 7;

    @ParameterizedTest(name = "bits {0}")
    @ValueSource(strings = {"0", "4", "2", "0,1,2,3,4", "5,6,7"})
    void validityAndStatisticsEqualNumpyBitOperations(String bitList, @TempDir Path tmp) {
        PythonOracle.requireNumpyAndGdal();
        int[] bits = Arrays.stream(bitList.split(",")).mapToInt(Integer::parseInt).toArray();
        CorpusLevel red = CorpusLevel.read(CorpusLevel.LANDSAT_SCENE + "SR_B4.TIF", 0);
        CorpusLevel qa = CorpusLevel.read(CorpusLevel.LANDSAT_SCENE + "QA_PIXEL.TIF", 0);
        List<BlockTiling.Band> bands = List.of(new BlockTiling.Band("red", red.raster(), BandValues.withNodata(0)));
        BlockTiling.Mask mask = new BlockTiling.Mask(qa.raster(), 1, OptionalDouble.empty());
        BlockMasker masker = new BlockMasker(MaskRule.landsatQaBits(bits));

        String spec = String.format(Locale.ROOT, "{\"bands\": [{\"path\": \"%s\", \"nodata\": 0}], \"mask\": {\"path\": \"%s\", "
                + "\"ratio\": 1, \"rule\": {\"kind\": \"bits\", \"bits\": %s}}, \"factor_x\": %d, \"factor_y\": %d}",
                red.path(), qa.path(), Arrays.toString(bits), FACTOR, FACTOR);
        Path specFile = PythonOracle.write(tmp.resolve("spec.json"), spec);
        PythonOracle.run(tmp, "grid_stats_oracle.py", specFile.toString(), tmp.resolve("stats.f64").toString(),
                tmp.resolve("valid.u8").toString());
        byte[] oracleValid = PythonOracle.readBytes(tmp.resolve("valid.u8"));
        double[] oracleStats = PythonOracle.readDoubles(tmp.resolve("stats.f64"));

        boolean[] valid = masker.mask(BlockTiling.whole(red.grid(), bands, mask, 0)).validity(0).toBooleans();
        int validCount = 0;
        for (int i = 0; i < valid.length; i++) {
            assertThat(valid[i]).as("pixel (%d, %d)", i % red.width(), i / red.width()).isEqualTo(oracleValid[i] != 0);
            validCount += valid[i] ? 1 : 0;
        }

        BlockAggregator aggregator = new BlockAggregator(GridSpec.byFactor(FACTOR));
        Map<Long, CellStats> merged = new HashMap<>();
        for (var block : BlockTiling.tile(red.grid(), bands, mask, 0, 128, 100, 0, 0)) {
            aggregator.aggregate(masker.mask(block)).forEachCell((b, x, y, s) -> merged.merge(((long) x << 32) | y, s,
                    CellStats::merge));
        }
        int columns = (red.width() + FACTOR - 1) / FACTOR;
        int rows = (red.height() + FACTOR - 1) / FACTOR;
        assertThat(merged).hasSize(columns * rows);
        long validInCells = 0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                CellStats s = merged.get(((long) x << 32) | y);
                double[] want = new double[STATS];
                for (int k = 0; k < STATS; k++) {
                    want[k] = oracleStats[(k * rows + y) * columns + x];
                }
                String where = "cell (" + x + ", " + y + ") " + s + " vs numpy " + Arrays.stream(want).mapToObj(Double::toString)
                        .collect(Collectors.joining(", "));
                assertThat((double) s.countTotal()).as(where).isEqualTo(want[0]);
                assertThat((double) s.countValid()).as(where).isEqualTo(want[1]);
                assertThat(s.sum()).as(where).isEqualTo(want[2]);
                assertThat(Double.compare(s.min(), want[4])).as(where + ": min").isZero();
                assertThat(Double.compare(s.max(), want[5])).as(where + ": max").isZero();
                assertThat(close(s.mean(), want[3], 1e-12 * Math.abs(want[3]))).as(where + ": mean").isTrue();
                assertThat(close(s.std(), want[6], 1e-9 * Math.max(1, Math.abs(want[3])))).as(where + ": std").isTrue();
                validInCells += s.countValid();
            }
        }
        assertThat(validInCells).isEqualTo(validCount);
    }

    private static boolean close(double a, double b, double tolerance) {
        return Double.isNaN(b) ? Double.isNaN(a) : Math.abs(a - b) <= tolerance;
    }
}
