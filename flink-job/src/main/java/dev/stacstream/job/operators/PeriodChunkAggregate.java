package dev.stacstream.job.operators;

import dev.stacstream.job.types.CodecTypeInfo;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.ErrorStage;
import dev.stacstream.sinks.row.GridStatsBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The aggregation stage, keyed by chunk (collection, tile, band, period, chunk position): merges the partial of
 * every work window of every item of the period and, when event time passes the period's end plus the allowed
 * lateness, emits the chunk's {@code grid_stats} rows as one {@link GridStatsBatch}: a row per cell that any item
 * covered, in cell order.
 *
 * <p>State holds, per open chunk, the merged statistics and, per item seen, a mask of the cells already counted
 * for it (512 bytes), so that a cell cut by a window edge counts its item once ({@link CellChunk#mergeWindow}); both
 * are dropped when the period closes. An item whose windows arrive after their period closed is recorded in the
 * errors table (kind {@code late}), once per item and subtask while it is among the last
 * {@value LateItems#REMEMBERED} late items.
 */
public final class PeriodChunkAggregate extends KeyedProcessFunction<String, ChunkPartial, GridStatsBatch> {

    private static final long serialVersionUID = 1L;

    /** The statistics a pipeline can ask for; count gives count_total and count_valid, which are always written. */
    public enum Stat { COUNT, MEAN, MIN, MAX, STD, SUM }

    private final long allowedLatenessMillis;
    /** Indexed by {@link Stat#ordinal()}: whether the pipeline asked for the statistic. */
    private final boolean[] asked;
    private final OutputTag<ErrorRow> errors;

    private transient ValueState<ChunkPartial> open;
    /** Per item of the open period: the cells of this chunk already counted for it. */
    private transient MapState<String, long[]> counted;
    private transient LateItems lateItems;

    public PeriodChunkAggregate(Duration allowedLateness, Set<Stat> stats, OutputTag<ErrorRow> errors) {
        this.allowedLatenessMillis = allowedLateness.toMillis();
        this.asked = new boolean[Stat.values().length];
        stats.forEach(stat -> asked[stat.ordinal()] = true);
        this.errors = errors;
    }

    @Override
    public void open(OpenContext context) {
        open = getRuntimeContext().getState(new ValueStateDescriptor<>("period-chunk",
                CodecTypeInfo.of(ChunkPartial.class, new ChunkPartialCodec())));
        counted = getRuntimeContext().getMapState(new MapStateDescriptor<>("period-chunk-items", Types.STRING,
                PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        lateItems = new LateItems();
    }

    @Override
    public void processElement(ChunkPartial window, Context ctx, Collector<GridStatsBatch> out) throws Exception {
        long closeAt = closeTime(window);
        if (ctx.timerService().currentWatermark() >= closeAt) {
            if (lateItems.firstReport(window.itemId())) {
                ErrorRecorder.record(getRuntimeContext(), ErrorRow.of(window.itemId(), ErrorStage.AGGREGATE, "late", "item "
                        + window.itemId() + " arrived after period " + window.period().label() + " of "
                        + window.collection() + "/" + window.tile() + " closed (allowed lateness "
                        + Duration.ofMillis(allowedLatenessMillis) + ")", Instant.now()), r -> ctx.output(errors, r));
            }
            return;
        }
        long[] itemCells = counted.get(window.itemId());
        if (itemCells == null) {
            itemCells = new long[CellChunk.ITEM_MASK_WORDS];
        }
        ChunkPartial acc = open.value();
        open.update(ChunkMerges.windowIntoPeriod(acc, window, itemCells));
        counted.put(window.itemId(), itemCells);
        if (acc == null) {
            ctx.timerService().registerEventTimeTimer(closeAt);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<GridStatsBatch> out) throws Exception {
        ChunkPartial acc = open.value();
        if (acc == null) {
            return;
        }
        open.clear();
        counted.clear();
        CellChunk c = acc.cells();
        int rows = occupiedCells(c);
        if (rows == 0) {
            return;
        }
        GridStatsBatch.Builder batch = GridStatsBatch.builder(acc.collection(), acc.tile(), acc.period(), acc.band(),
                acc.grid().geometry(), rows);
        addRows(batch, c, acc.chunkX() * CellChunk.SIDE, acc.chunkY() * CellChunk.SIDE);
        out.collect(batch.build());
        // Once per chunk of up to 4,096 rows: the counter is a map lookup by name.
        getRuntimeContext().getLongCounter(JobProgress.ROWS).add(rows);
    }

    /**
     * The cells of the chunk's extent that any item covered. The loops over cells live in methods of their own, out
     * of {@link #onTimer}: C2 compiles a hot loop on its own (on-stack replacement) together with everything after
     * it in the same method, and after the loops {@code out.collect} inlines the whole chained sink, so loops
     * inside {@code onTimer} cost two extra compilations of the sink (0.6 to 0.9 s of compiler time each, measured
     * with JFR on workload W).
     */
    private static int occupiedCells(CellChunk c) {
        // Only the extent has pixels; its cells in row-major order are the chunk's in cell order.
        int x1 = c.x0() + c.width();
        int y1 = c.y0() + c.height();
        int rows = 0;
        for (int y = c.y0(); y < y1; y++) {
            for (int x = c.x0(); x < x1; x++) {
                if (c.countTotal(y * CellChunk.SIDE + x) > 0) {
                    rows++;
                }
            }
        }
        return rows;
    }

    /** A row per covered cell of the chunk, in cell order; {@code firstX, firstY} is the chunk's first cell. */
    private void addRows(GridStatsBatch.Builder batch, CellChunk c, long firstX, long firstY) {
        boolean mean = asked[Stat.MEAN.ordinal()];
        boolean min = asked[Stat.MIN.ordinal()];
        boolean max = asked[Stat.MAX.ordinal()];
        boolean std = asked[Stat.STD.ordinal()];
        boolean sum = asked[Stat.SUM.ordinal()];
        int x1 = c.x0() + c.width();
        int y1 = c.y0() + c.height();
        for (int y = c.y0(); y < y1; y++) {
            for (int x = c.x0(); x < x1; x++) {
                int i = y * CellChunk.SIDE + x;
                long total = c.countTotal(i);
                if (total == 0) {
                    continue;
                }
                // The batch turns every statistic of a cell without valid pixels into NULL.
                batch.add(firstX + x, firstY + y, total, c.countValid(i), mean ? c.mean(i) : Double.NaN,
                        min ? c.min(i) : Double.NaN, max ? c.max(i) : Double.NaN, std ? c.std(i) : Double.NaN,
                        sum ? c.sum(i) : Double.NaN, c.items(i));
            }
        }
    }

    private long closeTime(ChunkPartial p) {
        return p.period().end().toEpochMilli() + allowedLatenessMillis;
    }
}
