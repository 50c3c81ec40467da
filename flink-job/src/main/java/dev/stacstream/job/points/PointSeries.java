package dev.stacstream.job.points;

import dev.stacstream.job.config.PointsConfig.Composite;
import dev.stacstream.job.config.PointsConfig.Interpolation;
import dev.stacstream.job.operators.PeriodAssigner;
import dev.stacstream.sinks.row.OutputPeriod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The time series of one point and band, period by period as periods close in event-time order: each period's
 * composite, and the gaps between composites filled in by interpolation (openEO GFMap: monthly median composites,
 * then {@code array_interpolate_linear} over time).
 *
 * <p>Closing a period with a composite writes it, preceded by the gap periods since the previous composite,
 * interpolated. A period without one is written at once with no value when nothing can come before it (no earlier
 * composite, or no interpolation); otherwise it waits as a <i>pending</i> gap for the next composite, and when the
 * input ends ({@link #finish}) a pending gap is written without a value, since there is nothing after it to
 * interpolate towards. For day and month periods, the gaps are every calendar period between two composites,
 * observed or not; for item periods, only the items observed. Pure functions over the state the operator keeps.
 */
public final class PointSeries {

    /** One output row of the series. */
    public record Row(OutputPeriod period, double value, int countValid, boolean interpolated) {}

    /**
     * What closing a period gives: the rows to write, in period order, and the new state.
     *
     * @param last the latest period with a composite, or {@code null}
     * @param pending the closed periods without a composite after {@code last}, waiting for the next composite
     */
    public record Outcome(List<Row> rows, PeriodValue last, List<PeriodValue> pending) {}

    private final Composite composite;
    private final Interpolation interpolation;
    private final PeriodAssigner periods;

    public PointSeries(Composite composite, Interpolation interpolation, PeriodAssigner periods) {
        this.composite = composite;
        this.interpolation = interpolation;
        this.periods = periods;
    }

    /** Closes {@code closed}, given the latest composite {@code last} (or {@code null}) and the pending gaps. */
    public Outcome close(PeriodSamples closed, PeriodValue last, List<PeriodValue> pending) {
        double value = composite(closed.values());
        List<Row> rows = new ArrayList<>();
        if (Double.isNaN(value)) {
            if (last == null || interpolation == Interpolation.NONE) {
                rows.add(new Row(closed.period(), Double.NaN, 0, false));
                return new Outcome(rows, last, pending);
            }
            List<PeriodValue> waiting = new ArrayList<>(pending);
            waiting.add(new PeriodValue(closed.period(), Double.NaN));
            return new Outcome(rows, last, waiting);
        }
        if (last != null && interpolation == Interpolation.LINEAR) {
            for (OutputPeriod gap : gaps(last.period(), closed.period(), pending)) {
                // Items at the same instant as a neighbour (e.g. a product reprocessed) lie between nothing.
                boolean between = gap.start().isAfter(last.period().start()) && gap.start().isBefore(closed.period().start());
                rows.add(between ? new Row(gap, interpolate(last, closed.period(), value, gap), 0, true)
                        : new Row(gap, Double.NaN, 0, false));
            }
        }
        rows.add(new Row(closed.period(), value, closed.values().length, false));
        return new Outcome(rows, new PeriodValue(closed.period(), value), List.of());
    }

    /** The rows of the pending gaps when the input has ended: no later composite will come, so no value. */
    public static List<Row> finish(List<PeriodValue> pending) {
        List<Row> rows = new ArrayList<>(pending.size());
        for (PeriodValue p : pending) {
            rows.add(new Row(p.period(), Double.NaN, 0, false));
        }
        return rows;
    }

    /** The periods strictly between {@code from} and {@code to}: the calendar's, or for items the pending ones. */
    private List<OutputPeriod> gaps(OutputPeriod from, OutputPeriod to, List<PeriodValue> pending) {
        List<OutputPeriod> out = new ArrayList<>();
        if (periods.next(from) == null) {
            pending.forEach(p -> out.add(p.period()));
            return out;
        }
        for (OutputPeriod p = periods.next(from); p.start().isBefore(to.start()); p = periods.next(p)) {
            out.add(p);
        }
        return out;
    }

    /** Linear in time between the two composites, by the periods' start instants. */
    static double interpolate(PeriodValue before, OutputPeriod after, double afterValue, OutputPeriod gap) {
        double t0 = before.period().start().toEpochMilli();
        double t1 = after.start().toEpochMilli();
        double t = gap.start().toEpochMilli();
        return before.value() + (afterValue - before.value()) * (t - t0) / (t1 - t0);
    }

    /** The composite of the valid values, {@code NaN} when there are none. */
    double composite(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        if (composite == Composite.MEAN) {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            return sum / values.length;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
