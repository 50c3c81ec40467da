package dev.stacstream.job.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Merge properties of {@link CellStats}: any partition and order of the same pixels gives the same statistics. */
class CellStatsTest {

    private static final int PIXELS = 2_000;
    private static final double RELATIVE_TOLERANCE = 1e-12;
    /** How many ulps of the mean the std may differ by (rounding of the mean propagating into the deviations). */
    private static final double MEAN_ULPS = 100;

    /** Pixels of one cell: a value, or NaN for a masked pixel. */
    static Stream<Arguments> populations() {
        return Stream.of(
                Arguments.of("reflectance DN with 30 % masked", population(1, 0.3, 3000, 400)),
                Arguments.of("large offset, tiny spread (cancellation-prone)", population(2, 0.1, 1e9, 0.001)),
                Arguments.of("negative values", population(3, 0.5, -50, 20)),
                Arguments.of("all masked", population(4, 1.0, 0, 1)));
    }

    private static double[] population(long seed, double maskedShare, double centre, double spread) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[PIXELS];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble() < maskedShare ? Double.NaN : centre + spread * (random.nextDouble() - 0.5);
        }
        return v;
    }

    private static CellStats pixel(double v) {
        return Double.isNaN(v) ? CellStats.ofInvalid(1) : CellStats.ofValue(v);
    }

    /** Two-pass statistics of the unmasked values, for reference. */
    private static double[] reference(double[] values) {
        double sum = 0;
        int n = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new double[] {n, sum, min, max, mean, Math.sqrt(squares / n)};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("populations")
    void randomPartitionsInRandomOrderGiveTheSameStatistics(String name, double[] values) {
        double[] want = reference(values);
        SplittableRandom random = new SplittableRandom(name.hashCode());
        for (int trial = 0; trial < 20; trial++) {
            List<CellStats> parts = partition(values, random);
            Collections.shuffle(parts, new java.util.Random(random.nextLong()));
            CellStats merged = mergeAsTree(parts, random);
            assertThat(merged.countTotal()).isEqualTo(values.length);
            assertThat(merged.countValid()).isEqualTo((long) want[0]);
            if (want[0] == 0) {
                assertThat(merged.mean()).isNaN();
                assertThat(merged.min()).isNaN();
                assertThat(merged.max()).isNaN();
                assertThat(merged.std()).isNaN();
                assertThat(merged.sum()).isZero();
                continue;
            }
            double scale = Math.max(Math.abs(want[4]), 1);
            assertThat(merged.min()).isEqualTo(want[2]);
            assertThat(merged.max()).isEqualTo(want[3]);
            assertThat(merged.sum()).isCloseTo(want[1], within(RELATIVE_TOLERANCE * Math.abs(want[1])));
            assertThat(merged.mean()).isCloseTo(want[4], within(RELATIVE_TOLERANCE * scale));
            // Chan's update errs by a few ulps of the mean even when the spread is 1e-12 of it; a sum-of-squares
            // formula would err by ~ulp(mean^2) / mean, here about 1e-7 * 1e9
            assertThat(merged.std()).isCloseTo(want[5], within(1e-6 * want[5] + MEAN_ULPS * Math.ulp(scale)));
        }
    }

    /** Cuts the pixels into contiguous runs of random length, each summarised by merging single pixels. */
    private static List<CellStats> partition(double[] values, SplittableRandom random) {
        List<CellStats> parts = new ArrayList<>();
        int i = 0;
        while (i < values.length) {
            int end = Math.min(values.length, i + 1 + random.nextInt(200));
            CellStats part = new CellStats();
            for (; i < end; i++) {
                part.merge(pixel(values[i]));
            }
            parts.add(part);
        }
        return parts;
    }

    /** Merges neighbours pairwise at random until one remains: an arbitrary association order. */
    private static CellStats mergeAsTree(List<CellStats> parts, SplittableRandom random) {
        List<CellStats> work = new ArrayList<>(parts);
        while (work.size() > 1) {
            int i = random.nextInt(work.size() - 1);
            CellStats right = work.remove(i + 1);
            work.get(i).merge(right);
        }
        return work.get(0);
    }

    @Test
    void mergingWithEmptyStatisticsChangesOnlyTheTotalCount() {
        CellStats s = CellStats.of(10, 4, 20, 2, 8, 5, 18);
        CellStats before = s.copy();
        s.merge(new CellStats()).merge(CellStats.ofInvalid(6));
        assertThat(s.countTotal()).isEqualTo(16);
        assertThat(CellStats.of(16, 4, 20, 2, 8, 5, 18)).isEqualTo(s);
        assertThat(before.countTotal()).isEqualTo(10);
        assertThat(new CellStats().merge(before)).isEqualTo(before);
    }

    @Test
    void exposesPopulationVarianceAndNaNWithoutValidPixels() {
        CellStats s = Stream.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0).map(CellStats::ofValue)
                .reduce(new CellStats(), CellStats::merge);
        assertThat(s.mean()).isEqualTo(5.0);
        assertThat(s.variance()).isEqualTo(4.0);
        assertThat(s.std()).isEqualTo(2.0);
        assertThat(CellStats.ofInvalid(3).variance()).isNaN();
        assertThat(CellStats.ofInvalid(3).sum()).isZero();
    }

    @Test
    void countsStayExactBeyondTheDoublePrecisionOfIntegers() {
        long big = 1L << 54;
        CellStats s = CellStats.of(big + 1, big + 1, 0, 0, 0, 0, 0).merge(CellStats.ofValue(0));
        assertThat(s.countValid()).isEqualTo(big + 2);
        assertThat(LongStream.of(s.countTotal()).sum()).isEqualTo(big + 2);
    }

    @Test
    void rejectsImpossibleParts() {
        assertThatThrownBy(() -> CellStats.of(2, 3, 0, 0, 0, 0, 0)).hasMessageContaining("countValid 3, countTotal 2");
        assertThatThrownBy(() -> CellStats.of(5, -1, 0, 0, 0, 0, 0)).hasMessageContaining("countValid -1");
        assertThatThrownBy(() -> CellStats.of(5, 2, 0, 3, 1, 2, 0)).hasMessageContaining("min 3.0 is not <= max 1.0");
    }
}
