package dev.stacstream.job.mask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.job.mask.testing.BlockTiling;
import dev.stacstream.job.mask.testing.CorpusLevel;
import dev.stacstream.job.mask.testing.PythonOracle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dilation rule on the corpus scene's whole SCL against an independent implementation of FORMATS.md
 * section 6 ({@code oracle/scl_dilation_oracle.py}: the 2-D Gaussian convolved by FFT with scipy, erosion by
 * {@code scipy.ndimage}). The convolutions round differently, so a pixel may differ only where the oracle's
 * convolution lies within {@value #THRESHOLD_SLACK} of its threshold.
 */
class SclDilationOracleTest {

    private static final double THRESHOLD_SLACK = 1e-9;
    /** Expected: none; a few would still be rounding, more would be a bug. */
    private static final int MAX_BORDERLINE_DIFFERENCES = 3;

    static List<SclDilationParams> parameters() {
        return SclDilationBlockTest.parameters().map(a -> (SclDilationParams) a.get()[0]).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameters")
    void wholeImageMaskEqualsTheScipyImplementation(SclDilationParams params, @TempDir Path tmp) {
        PythonOracle.requireScipy();
        CorpusLevel b04 = CorpusLevel.read(CorpusLevel.S2_SCENE + "B04.tif", 0);
        CorpusLevel scl = CorpusLevel.read(CorpusLevel.S2_SCENE + "SCL.tif", 0);
        MaskRule rule = MaskRule.sclDilation(params);
        MaskedBlock whole = new BlockMasker(rule).mask(BlockTiling.whole(b04.grid(),
                List.of(new BlockTiling.Band("b", b04.raster(), BandValues.raw())),
                new BlockTiling.Mask(scl.raster(), 2, OptionalDouble.of(0)), rule.haloPixels()));
        assertThat(whole.maskWidth()).isEqualTo(scl.width());
        assertThat(whole.maskHeight()).isEqualTo(scl.height());

        String json = String.format(Locale.ROOT, "{\"mask1\": %s, \"mask2\": %s, \"kernel1\": %d, \"kernel2\": %d, "
                + "\"erosion\": %d, \"nodata\": 0}", params.mask1Classes(), params.mask2Classes(), params.kernel1Size(),
                params.kernel2Size(), params.erosionKernelSize());
        Path spec = PythonOracle.write(tmp.resolve("params.json"), json);
        PythonOracle.run(tmp, "scl_dilation_oracle.py", scl.path().toString(), spec.toString(), tmp.resolve("o").toString());
        byte[] oracleMasked = PythonOracle.readBytes(tmp.resolve("o.mask.u8"));
        double[] conv1 = PythonOracle.readDoubles(tmp.resolve("o.conv1.f64"));
        double[] conv2 = PythonOracle.readDoubles(tmp.resolve("o.conv2.f64"));

        byte[] valid = whole.maskValidity();
        List<String> unexplained = new ArrayList<>();
        int borderline = 0;
        int masked = 0;
        for (int i = 0; i < valid.length; i++) {
            boolean javaMasks = valid[i] == 0;
            masked += javaMasks ? 1 : 0;
            if (javaMasks == (oracleMasked[i] != 0)) {
                continue;
            }
            boolean nearThreshold = Math.abs(conv1[i] - SclDilationEvaluator.MASK1_THRESHOLD) < THRESHOLD_SLACK
                    || Math.abs(conv2[i] - SclDilationEvaluator.MASK2_THRESHOLD) < THRESHOLD_SLACK;
            if (nearThreshold) {
                borderline++;
            } else if (unexplained.size() < 20) {
                unexplained.add(String.format(Locale.ROOT, "SCL pixel (%d, %d): java %s, scipy %s, conv1 %s, conv2 %s",
                        i % scl.width(), i / scl.width(), javaMasks ? "masks" : "keeps",
                        oracleMasked[i] != 0 ? "masks" : "keeps", conv1[i], conv2[i]));
            }
        }
        assertThat(unexplained).as("differences away from the thresholds").isEmpty();
        assertThat(borderline).as("differences within %s of a threshold", THRESHOLD_SLACK)
                .isLessThanOrEqualTo(MAX_BORDERLINE_DIFFERENCES);
        assertThat(masked).as("masked SCL pixels").isPositive().isLessThan(valid.length);
    }
}
