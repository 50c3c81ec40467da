package dev.stacstream.job.points;

import dev.stacstream.job.config.PointsConfig;
import dev.stacstream.job.operators.ErrorRecorder;
import dev.stacstream.job.operators.JobProgress;
import dev.stacstream.job.operators.LateItems;
import dev.stacstream.job.operators.PeriodAssigner;
import dev.stacstream.job.types.CodecTypeInfo;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.ErrorStage;
import dev.stacstream.sinks.row.OutputPeriod;
import dev.stacstream.sinks.row.PointRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by {@link PointKey} (point, collection, tile, band): gathers each period's observations and, when the
 * event-time watermark passes the period's end plus the allowed lateness, turns them into {@code points} rows
 * through {@link PointSeries} (composite, interpolated gaps).
 *
 * <p>Keyed state, all bounded by the open periods of one point and band: the open periods' valid values
 * ({@code MapState} by period label), the latest composite, and the closed periods without a composite that wait
 * for the next one. A timer per open period closes it; a timer at the end of time ({@code Long.MAX_VALUE}, which
 * fires only when a bounded input ends or a job is stopped with drain) writes the gaps still pending. An
 * observation whose period has already closed is dropped and reported in the errors table (kind {@code late}), once
 * per item and subtask ({@link LateItems}).
 */
public final class PointComposite extends KeyedProcessFunction<PointKey, PointObservation, PointRow> {

    private static final long serialVersionUID = 1L;
    private static final long END_OF_INPUT = Long.MAX_VALUE;

    private final PeriodAssigner periods;
    private final PointsConfig.Composite composite;
    private final PointsConfig.Interpolation interpolation;
    private final long allowedLatenessMillis;
    private final OutputTag<ErrorRow> errors;

    private transient PointSeries series;
    private transient MapState<String, PeriodSamples> open;
    private transient ValueState<PeriodValue> last;
    private transient ListState<PeriodValue> pending;
    private transient LateItems lateItems;

    public PointComposite(PeriodAssigner periods, PointsConfig.Composite composite,
            PointsConfig.Interpolation interpolation, Duration allowedLateness, OutputTag<ErrorRow> errors) {
        this.periods = periods;
        this.composite = composite;
        this.interpolation = interpolation;
        this.allowedLatenessMillis = allowedLateness.toMillis();
        this.errors = errors;
    }

    @Override
    public void open(OpenContext context) {
        series = new PointSeries(composite, interpolation, periods);
        open = getRuntimeContext().getMapState(new MapStateDescriptor<>("point-open-periods", Types.STRING,
                CodecTypeInfo.of(PeriodSamples.class, new PointCodecs.SamplesCodec())));
        last = getRuntimeContext().getState(new ValueStateDescriptor<>("point-last-composite",
                CodecTypeInfo.of(PeriodValue.class, new PointCodecs.ValueCodec())));
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("point-pending-gaps",
                CodecTypeInfo.of(PeriodValue.class, new PointCodecs.ValueCodec())));
        lateItems = new LateItems();
    }

    @Override
    public void processElement(PointObservation o, Context ctx, Collector<PointRow> out) throws Exception {
        OutputPeriod period = periods.periodOf(o.itemId(), o.datetime());
        long closeAt = closeTime(period);
        if (ctx.timerService().currentWatermark() >= closeAt) {
            if (lateItems.firstReport(o.itemId())) {
                ErrorRecorder.record(getRuntimeContext(), ErrorRow.of(o.itemId(), ErrorStage.AGGREGATE, "late", "item "
                        + o.itemId() + " arrived after period " + period.label() + " of its points in "
                        + o.key().collection() + "/" + o.key().tile() + " closed (allowed lateness "
                        + Duration.ofMillis(allowedLatenessMillis) + ")", Instant.now()), r -> ctx.output(errors, r));
            }
            return;
        }
        PeriodSamples samples = open.get(period.label());
        if (samples == null) {
            open.put(period.label(), PeriodSamples.first(period, o.value()));
            ctx.timerService().registerEventTimeTimer(closeAt);
        } else {
            open.put(period.label(), samples.with(o.value()));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PointRow> out) throws Exception {
        PointKey key = ctx.getCurrentKey();
        List<PeriodValue> waiting = new ArrayList<>();
        pending.get().forEach(waiting::add);
        if (timestamp == END_OF_INPUT) {
            emit(key, PointSeries.finish(waiting), out);
            pending.clear();
            return;
        }
        List<PeriodSamples> closing = new ArrayList<>();
        for (PeriodSamples s : open.values()) {
            if (closeTime(s.period()) <= timestamp) {
                closing.add(s);
            }
        }
        closing.sort(Comparator.comparing((PeriodSamples s) -> s.period().start()).thenComparing(s -> s.period().label()));
        PeriodValue latest = last.value();
        for (PeriodSamples s : closing) {
            open.remove(s.period().label());
            PointSeries.Outcome outcome = series.close(s, latest, waiting);
            emit(key, outcome.rows(), out);
            latest = outcome.last();
            waiting = outcome.pending();
        }
        if (latest != null) {
            last.update(latest);
        }
        boolean waited = pending.get().iterator().hasNext();
        pending.update(waiting);
        if (!waited && !waiting.isEmpty()) {
            ctx.timerService().registerEventTimeTimer(END_OF_INPUT);
        } else if (waited && waiting.isEmpty()) {
            ctx.timerService().deleteEventTimeTimer(END_OF_INPUT);
        }
    }

    private void emit(PointKey key, List<PointSeries.Row> rows, Collector<PointRow> out) {
        for (PointSeries.Row r : rows) {
            out.collect(new PointRow(key.pointId(), key.collection(), key.tile(), r.period(), key.band(), r.value(),
                    r.countValid(), r.interpolated(), key.lon(), key.lat()));
        }
        if (!rows.isEmpty()) {
            getRuntimeContext().getLongCounter(JobProgress.POINT_ROWS).add(rows.size());
        }
    }

    private long closeTime(OutputPeriod p) {
        return p.end().toEpochMilli() + allowedLatenessMillis;
    }
}
