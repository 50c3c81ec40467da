package dev.stacstream.job.polygons;

import dev.stacstream.job.config.PolygonsConfig.PixelsBy;
import dev.stacstream.job.operators.ErrorRecorder;
import dev.stacstream.job.operators.JobProgress;
import dev.stacstream.job.operators.LateItems;
import dev.stacstream.job.types.CodecTypeInfo;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.ErrorStage;
import dev.stacstream.sinks.row.PixelBatch;
import dev.stacstream.sinks.row.PixelSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Puts a polygon's pixels back together from the work windows they were read in, and emits them as one
 * {@link PixelBatch}, which the sink writes whole into one part file. Keyed by polygon and item
 * ({@link PixelsBy#ITEM}) or by polygon, collection and UTC day ({@link PixelsBy#DAY}).
 *
 * <ul>
 *   <li>Per item: every part says how many windows hold the polygon's pixels, so the batch (in window order, each
 *       window's pixels row by row) leaves as soon as the last one arrives.
 *   <li>Per day: the items of one day may overlap (neighbouring tiles of one datatake share the pixels of their
 *       overlap, with equal pixel ids), and how many there are is not known, so the parts wait until event time
 *       passes the day's end plus the allowed lateness. Then each pixel gives one row, taken from a valid
 *       observation if there is one, else from any, the smallest tile id and then item id winning a tie: no
 *       duplicates where tiles overlap. Rows leave in pixel id order (lattice row, then column).
 * </ul>
 * A window that failed (its error is in the errors table) never arrives: when event time passes the item's
 * datetime (or the day's end) plus the allowed lateness, the parts that did arrive leave as they are, with an error
 * row naming the polygon, the item and how many windows are missing. A part that arrives after that is dropped and
 * reported as {@code late} (once per item and subtask). Days are kept apart by CRS: tiles of two UTM zones overlap
 * without sharing a pixel lattice. Keyed state holds only the polygons of items in flight.
 */
public final class PolygonAssembler extends KeyedProcessFunction<String, PixelPart, PixelBatch> {

    private static final long serialVersionUID = 1L;

    private final PixelsBy by;
    private final long allowedLatenessMillis;
    private final OutputTag<ErrorRow> errors;
    private transient ListState<PixelPart> parts;
    private transient ValueState<Integer> arrived;
    private transient LateItems lateItems;

    public PolygonAssembler(PixelsBy by, Duration allowedLateness, OutputTag<ErrorRow> errors) {
        this.by = by;
        this.allowedLatenessMillis = allowedLateness.toMillis();
        this.errors = errors;
    }

    /** The key of a part: what is put together, {@code by} item or by day. */
    public static KeySelector<PixelPart, String> keys(PixelsBy by) {
        return by == PixelsBy.ITEM ? PolygonAssembler::itemKey : PolygonAssembler::dayKey;
    }

    private static String itemKey(PixelPart p) {
        String polygon = p.pixels().polygonId();
        return polygon.length() + ":" + polygon + "|" + p.pixels().collection() + "|" + p.item().itemId();
    }

    /** The CRS is part of the day's key: tiles of two UTM zones overlap, but their pixels are on different lattices. */
    private static String dayKey(PixelPart p) {
        String polygon = p.pixels().polygonId();
        return polygon.length() + ":" + polygon + "|" + p.pixels().collection() + "|" + p.pixels().crs() + "|"
                + day(p.item());
    }

    private static LocalDate day(PixelSource item) {
        return LocalDate.ofInstant(item.datetime(), ZoneOffset.UTC);
    }

    @Override
    public void open(OpenContext context) {
        parts = getRuntimeContext().getListState(new ListStateDescriptor<>("polygon-parts",
                CodecTypeInfo.of(PixelPart.class, new PixelCodecs.PartCodec())));
        arrived = getRuntimeContext().getState(new ValueStateDescriptor<>("polygon-parts-arrived", Types.INT));
        lateItems = new LateItems();
    }

    @Override
    public void processElement(PixelPart part, Context ctx, Collector<PixelBatch> out) throws Exception {
        if (ctx.timerService().currentWatermark() >= deadline(part)) {
            // Its polygon's batch already left (or would leave alone): a second batch would split or repeat it.
            if (lateItems.firstReport(part.item().itemId())) {
                ErrorRecorder.record(getRuntimeContext(), ErrorRow.of(part.item().itemId(), ErrorStage.AGGREGATE,
                        "late", "item " + part.item().itemId() + " arrived after the pixels of its " + by.yamlName()
                                + " were written (allowed lateness " + Duration.ofMillis(allowedLatenessMillis) + ")",
                        Instant.now()), r -> ctx.output(errors, r));
            }
            return;
        }
        if (by == PixelsBy.ITEM && part.windows() == 1) {
            emit(List.of(part), out);
            return;
        }
        Integer before = arrived.value();
        int count = before == null ? 1 : before + 1;
        if (before == null) {
            ctx.timerService().registerEventTimeTimer(deadline(part));
        }
        parts.add(part);
        if (by == PixelsBy.DAY || count < part.windows()) {
            arrived.update(count);
            return;
        }
        List<PixelPart> all = new ArrayList<>();
        parts.get().forEach(all::add);
        parts.clear();
        arrived.clear();
        ctx.timerService().deleteEventTimeTimer(deadline(part));
        emit(all, out);
    }

    /** When the parts stop waiting: the item's datetime, or the end of its day, plus the allowed lateness. */
    private long deadline(PixelPart part) {
        Instant at = by == PixelsBy.ITEM ? part.item().datetime()
                : day(part.item()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return at.toEpochMilli() + allowedLatenessMillis;
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
        reportIncomplete(all, ctx);
        emit(all, out);
    }

    /** An error row for each item of which some of the polygon's windows never arrived. */
    private void reportIncomplete(List<PixelPart> all, OnTimerContext ctx) {
        Map<String, List<PixelPart>> byItem = new LinkedHashMap<>();
        all.forEach(p -> byItem.computeIfAbsent(p.item().itemId(), k -> new ArrayList<>()).add(p));
        for (Map.Entry<String, List<PixelPart>> e : byItem.entrySet()) {
            int windows = e.getValue().get(0).windows();
            int missing = windows - e.getValue().size();
            if (missing > 0) {
                String polygon = e.getValue().get(0).pixels().polygonId();
                ErrorRecorder.record(getRuntimeContext(), ErrorRow.of(e.getKey(), ErrorStage.AGGREGATE, "incomplete",
                        "polygon " + polygon + " of item " + e.getKey() + ": " + missing + " of its " + windows
                                + " windows did not arrive (see their errors); its pixels from the other windows are"
                                + " written", Instant.now()), r -> ctx.output(errors, r));
            }
        }
    }

    private void emit(List<PixelPart> all, Collector<PixelBatch> out) {
        PixelBatch batch;
        if (by == PixelsBy.DAY) {
            batch = oneRowPerPixel(all);
        } else if (all.size() == 1) {
            batch = all.get(0).pixels();
        } else {
            List<PixelPart> sorted = new ArrayList<>(all);
            sorted.sort(Comparator.comparingInt(PixelPart::window));
            batch = concat(sorted);
        }
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
        return PixelBatch.of(first.polygonId(), first.collection(), first.crs(), parts.get(0).item(), ids, xs, ys, bands);
    }

    /** One row per pixel id over the parts of a day: a valid observation first, then the smallest tile and item. */
    static PixelBatch oneRowPerPixel(List<PixelPart> all) {
        Comparator<PixelSource> order = Comparator.comparing(PixelSource::tile,
                Comparator.nullsLast(Comparator.<String>naturalOrder())).thenComparing(PixelSource::itemId);
        TreeMap<Long, int[]> chosen = new TreeMap<>();
        for (int p = 0; p < all.size(); p++) {
            PixelBatch b = all.get(p).pixels();
            for (int i = 0; i < b.size(); i++) {
                int[] best = chosen.get(b.pixelIds()[i]);
                if (best == null || better(all, p, i, best, order)) {
                    chosen.put(b.pixelIds()[i], new int[] {p, i});
                }
            }
        }
        PixelBatch first = all.get(0).pixels();
        List<PixelSource> sources = new ArrayList<>();
        Map<PixelSource, Integer> sourceIndex = new LinkedHashMap<>();
        int n = chosen.size();
        int[] source = new int[n];
        long[] ids = new long[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[][] bands = new double[first.bands().length][n];
        int at = 0;
        for (Map.Entry<Long, int[]> e : chosen.entrySet()) {
            PixelPart part = all.get(e.getValue()[0]);
            int i = e.getValue()[1];
            PixelBatch b = part.pixels();
            source[at] = sourceIndex.computeIfAbsent(part.item(), s -> {
                sources.add(s);
                return sources.size() - 1;
            });
            ids[at] = b.pixelIds()[i];
            xs[at] = b.xs()[i];
            ys[at] = b.ys()[i];
            for (int band = 0; band < bands.length; band++) {
                bands[band][at] = b.bands()[band][i];
            }
            at++;
        }
        return new PixelBatch(first.polygonId(), first.collection(), first.crs(), sources, source, ids, xs, ys, bands);
    }

    private static boolean better(List<PixelPart> all, int p, int i, int[] best, Comparator<PixelSource> order) {
        boolean valid = isValid(all.get(p).pixels(), i);
        boolean bestValid = isValid(all.get(best[0]).pixels(), best[1]);
        if (valid != bestValid) {
            return valid;
        }
        return order.compare(all.get(p).item(), all.get(best[0]).item()) < 0;
    }

    private static boolean isValid(PixelBatch b, int i) {
        for (double[] band : b.bands()) {
            if (!Double.isNaN(band[i])) {
                return true;
            }
        }
        return false;
    }
}
