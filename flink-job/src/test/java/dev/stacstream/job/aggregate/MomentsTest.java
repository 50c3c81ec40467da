package dev.stacstream.job.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact second moment of integer sums, checked against arbitrary precision. */
class MomentsTest {

    @ParameterizedTest(name = "{0} values in [{1}, {2}]")
    @CsvSource({
        "100, 0, 65535",
        "100, 40000, 40003",
        "1000000, 0, 65535",
        "3000000, 65534, 65535",
        "1000, -32768, 32767",
        "7, 5, 5"})
    void exactM2MatchesArbitraryPrecision(int n, int lo, int hi) {
        SplittableRandom random = new SplittableRandom(n ^ lo);
        long sum = 0;
        long sumSq = 0;
        for (int i = 0; i < n; i++) {
            long v = lo + random.nextInt(hi - lo + 1);
            sum += v;
            sumSq += v * v;
        }
        // the sums fit a long; their products (up to ~2^95) do not, which is what exactM2 must handle
        BigInteger numerator = BigInteger.valueOf(n).multiply(BigInteger.valueOf(sumSq))
                .subtract(BigInteger.valueOf(sum).multiply(BigInteger.valueOf(sum)));
        double exact = new BigDecimal(numerator).divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
        double m2 = Moments.exactM2(n, sum, sumSq);
        assertThat(m2).isCloseTo(exact, within(Math.ulp(exact) * 4));
        assertThat(m2).isGreaterThanOrEqualTo(0);
    }
}
