package dev.stacstream.job.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stacstream.job.config.PointsConfig.Composite;
import dev.stacstream.job.config.PointsConfig.Interpolation;
import dev.stacstream.job.operators.PeriodAssigner;
import dev.stacstream.sinks.row.OutputPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointSeriesTest {

    private final PointSeries monthlyMedian = new PointSeries(Composite.MEDIAN, Interpolation.LINEAR, PeriodAssigner.MONTH);

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwoAndTheMeanIsTheMean() {
        assertThat(monthlyMedian.composite(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(monthlyMedian.composite(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(monthlyMedian.composite(new double[0])).isNaN();
        PointSeries mean = new PointSeries(Composite.MEAN, Interpolation.LINEAR, PeriodAssigner.MONTH);
        assertThat(mean.composite(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(mean.composite(new double[] {5, 1, 3, 0})).isEqualTo(2.25);
    }

    @Test
    void monthsBetweenTwoCompositesAreInterpolatedByTheirStartTimes() {
        Replay r = new Replay(monthlyMedian);
        r.close(month(2023, 1), 10, 12);           // median 11
        r.close(month(2023, 2));                   // observed, all masked: waits
        List<PointSeries.Row> rows = r.close(month(2023, 5), 41);
        // March and April were never observed, February was; all three lie between the composites.
        assertThat(rows).extracting(row -> row.period().label())
                .containsExactly("2023-02", "2023-03", "2023-04", "2023-05");
        double jan = month(2023, 1).start().toEpochMilli();
        double may = month(2023, 5).start().toEpochMilli();
        for (PointSeries.Row row : rows.subList(0, 3)) {
            assertThat(row.interpolated()).isTrue();
            assertThat(row.countValid()).isZero();
            double t = row.period().start().toEpochMilli();
            assertThat(row.value()).isCloseTo(11 + 30 * (t - jan) / (may - jan), within(1e-12));
        }
        // By days, not by month count: February starts 31 days after January, and Jan to May is 120 days.
        assertThat(rows.get(0).value()).isCloseTo(11 + 30 * 31.0 / 120, within(1e-12));
        assertThat(rows.get(3)).isEqualTo(new PointSeries.Row(month(2023, 5), 41, 1, false));
        assertThat(r.pending).isEmpty();
    }

    @Test
    void leadingGapsAreWrittenAtOnceAndTrailingOnesWhenTheInputEnds() {
        Replay r = new Replay(monthlyMedian);
        assertThat(r.close(month(2023, 1))).containsExactly(new PointSeries.Row(month(2023, 1), Double.NaN, 0, false));
        assertThat(r.close(month(2023, 2), 7)).containsExactly(new PointSeries.Row(month(2023, 2), 7, 1, false));
        assertThat(r.close(month(2023, 3))).isEmpty();
        assertThat(r.close(month(2023, 6))).isEmpty();
        assertThat(r.pending).hasSize(2);
        // Only the observed months after the last composite: April and May were never seen.
        assertThat(PointSeries.finish(r.pending)).extracting(row -> row.period().label()).containsExactly("2023-03",
                "2023-06");
        assertThat(PointSeries.finish(r.pending)).allMatch(row -> Double.isNaN(row.value()) && !row.interpolated());
    }

    @Test
    void withoutInterpolationAPeriodWithoutCompositeIsWrittenAtOnceAndNoGapIsFilled() {
        Replay r = new Replay(new PointSeries(Composite.MEDIAN, Interpolation.NONE, PeriodAssigner.DAY));
        r.close(day(2023, 6, 2), 1);
        assertThat(r.close(day(2023, 6, 5))).containsExactly(new PointSeries.Row(day(2023, 6, 5), Double.NaN, 0, false));
        assertThat(r.close(day(2023, 6, 9), 3)).containsExactly(new PointSeries.Row(day(2023, 6, 9), 3, 1, false));
        assertThat(r.pending).isEmpty();
    }

    @Test
    void itemPeriodsFillOnlyTheObservedItems() {
        Replay r = new Replay(new PointSeries(Composite.MEDIAN, Interpolation.LINEAR, PeriodAssigner.ITEM));
        OutputPeriod a = OutputPeriod.item("A", Instant.parse("2023-06-02T10:00:00Z"));
        OutputPeriod b = OutputPeriod.item("B", Instant.parse("2023-06-12T10:00:00Z"));
        OutputPeriod c = OutputPeriod.item("C", Instant.parse("2023-07-02T10:00:00Z"));
        r.close(a, 0.1);
        assertThat(r.close(b)).isEmpty();
        List<PointSeries.Row> rows = r.close(c, 0.4);
        assertThat(rows).extracting(row -> row.period().label()).containsExactly("B", "C");
        assertThat(rows.get(0).value()).isCloseTo(0.1 + 0.3 * 10 / 30, within(1e-12));
        assertThat(rows.get(0).interpolated()).isTrue();
    }

    /** Two items at one instant (a product and its reprocessing): the masked one lies between nothing. */
    @Test
    void anItemAtTheSameInstantAsItsNeighbourIsNotInterpolated() {
        Replay r = new Replay(new PointSeries(Composite.MEDIAN, Interpolation.LINEAR, PeriodAssigner.ITEM));
        Instant t = Instant.parse("2023-06-12T10:00:00Z");
        r.close(OutputPeriod.item("A", t), 0.1);
        assertThat(r.close(OutputPeriod.item("B", t))).isEmpty();
        List<PointSeries.Row> rows = r.close(OutputPeriod.item("C", Instant.parse("2023-06-22T10:00:00Z")), 0.3);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).period().label()).isEqualTo("B");
        assertThat(rows.get(0).value()).isNaN();
        assertThat(rows.get(0).interpolated()).isFalse();
    }

    @Test
    void daysAreInterpolatedAcrossAMonthEnd() {
        Replay r = new Replay(new PointSeries(Composite.MEDIAN, Interpolation.LINEAR, PeriodAssigner.DAY));
        r.close(day(2023, 6, 29), 0);
        List<PointSeries.Row> rows = r.close(day(2023, 7, 2), 3);
        assertThat(rows).extracting(row -> row.period().label()).containsExactly("2023-06-30", "2023-07-01",
                "2023-07-02");
        assertThat(rows.get(0).value()).isCloseTo(1, within(1e-12));
        assertThat(rows.get(1).value()).isCloseTo(2, within(1e-12));
        assertThat(rows.get(2).value()).isEqualTo(3);
    }

    private static OutputPeriod month(int year, int month) {
        return OutputPeriod.month(YearMonth.of(year, month));
    }

    private static OutputPeriod day(int year, int month, int day) {
        return OutputPeriod.day(LocalDate.of(year, month, day));
    }

    /** Closes periods one after the other, carrying the state as the operator does. */
    private static final class Replay {
        private final PointSeries series;
        private PeriodValue last;
        private List<PeriodValue> pending = new ArrayList<>();

        Replay(PointSeries series) {
            this.series = series;
        }

        List<PointSeries.Row> close(OutputPeriod period, double... valid) {
            PeriodSamples samples = new PeriodSamples(period, valid, valid.length + 1);
            PointSeries.Outcome outcome = series.close(samples, last, pending);
            last = outcome.last();
            pending = outcome.pending();
            return outcome.rows();
        }
    }
}
