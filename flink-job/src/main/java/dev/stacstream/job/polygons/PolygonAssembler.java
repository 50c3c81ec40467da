package dev.stacstream.job.polygons;

import dev.stacstream.job.operators.ErrorRecorder;
import dev.stacstream.job.operators.JobProgress;
import dev.stacstream.job.types.CodecTypeInfo;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.ErrorStage;
import dev.stacstream.sinks.row.PixelBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by polygon and item: puts a polygon's pixels of an item back together from the work windows they were
 * read in, and emits them as one {@link PixelBatch} (in window order, each window's pixels row by row), which the
 * sink writes whole into one part file.
 *
 * <p>Every part says how many windows hold the polygon's pixels, so the batch leaves as soon as the last one
 * arrives. A window that failed (its error is in the errors table) never arrives: when event time passes the item's
 * datetime plus the allowed lateness, the parts that did arrive leave as they are, with an error row naming the
 * polygon, the item and the windows missing. Keyed state holds only the polygons of items in flight.
 */
public final class PolygonAssembler extends KeyedProcessFunction<String, PixelPart, PixelBatch> {

    private static final long serialVersionUID = 1L;

    private final long allowedLatenessMillis;
    private final OutputTag<ErrorRow> errors;
    private transient ListState<PixelPart> parts;
    private transient ValueState<Integer> arrived;

    public PolygonAssembler(Duration allowedLateness, OutputTag<ErrorRow> errors) {
        this.allowedLatenessMillis = allowedLateness.toMillis();
        this.errors = errors;
    }

    @Override
    public void open(OpenContext context) {
        parts = getRuntimeContext().getListState(new ListStateDescriptor<>("polygon-parts",
                CodecTypeInfo.of(PixelPart.class, new PixelCodecs.PartCodec())));
        arrived = getRuntimeContext().getState(new ValueStateDescriptor<>("polygon-parts-arrived", Types.INT));
    }

    @Override
    public void processElement(PixelPart part, Context ctx, Collector<PixelBatch> out) throws Exception {
        if (part.windows() == 1) {
            emit(List.of(part), out);
            return;
        }
        Integer before = arrived.value();
        int count = before == null ? 1 : before + 1;
        if (before == null) {
            ctx.timerService().registerEventTimeTimer(part.pixels().datetime().toEpochMilli() + allowedLatenessMillis);
        }
        parts.add(part);
        if (count < part.windows()) {
            arrived.update(count);
            return;
        }
        List<PixelPart> all = new ArrayList<>();
        parts.get().forEach(all::add);
        parts.clear();
        arrived.clear();
        ctx.timerService().deleteEventTimeTimer(part.pixels().datetime().toEpochMilli() + allowedLatenessMillis);
        emit(all, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PixelBatch> out) throws Exception {
        List<PixelPart> all = new ArrayList<>();
        parts.get().forEach(all::add);
        if (all.isEmpty()) {
            return;
        }
        parts.clear();
        arrived.clear();
        PixelBatch first = all.get(0).pixels();
        ErrorRecorder.record(getRuntimeContext(), ErrorRow.of(first.itemId(), ErrorStage.AGGREGATE, "incomplete",
                "polygon " + first.polygonId() + " of item " + first.itemId() + ": " + (all.get(0).windows() - all.size())
                        + " of its " + all.get(0).windows() + " windows did not arrive (see their errors); its pixels"
                        + " from the other windows are written", Instant.now()), r -> ctx.output(errors, r));
        emit(all, out);
    }

    private void emit(List<PixelPart> all, Collector<PixelBatch> out) {
        List<PixelPart> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(PixelPart::window));
        PixelBatch batch = sorted.size() == 1 ? sorted.get(0).pixels() : concat(sorted);
        out.collect(batch);
        getRuntimeContext().getLongCounter(JobProgress.PIXEL_ROWS).add(batch.size());
    }

    private static PixelBatch concat(List<PixelPart> parts) {
        PixelBatch first = parts.get(0).pixels();
        int n = 0;
        for (PixelPart p : parts) {
            n += p.pixels().size();
        }
        long[] ids = new long[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[][] bands = new double[first.bands().length][n];
        int at = 0;
        for (PixelPart p : parts) {
            PixelBatch b = p.pixels();
            System.arraycopy(b.pixelIds(), 0, ids, at, b.size());
            System.arraycopy(b.xs(), 0, xs, at, b.size());
            System.arraycopy(b.ys(), 0, ys, at, b.size());
            for (int band = 0; band < bands.length; band++) {
                System.arraycopy(b.bands()[band], 0, bands[band], at, b.size());
            }
            at += b.size();
        }
        return new PixelBatch(first.polygonId(), first.itemId(), first.collection(), first.tile(), first.datetime(),
                first.crs(), ids, xs, ys, bands);
    }
}
