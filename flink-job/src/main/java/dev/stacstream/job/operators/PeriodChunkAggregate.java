package dev.stacstream.job.operators;

import dev.stacstream.job.types.CodecTypeInfo;
import dev.stacstream.sinks.row.BandStats;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.ErrorStage;
import dev.stacstream.sinks.row.GridStatsRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Second aggregation stage, keyed by chunk (collection, tile, band, period, chunk position): merges every item's
 * complete chunk and, when event time passes the period's end plus the allowed lateness, emits one
 * {@code grid_stats} row per cell that any item covered. State holds only the chunks of open periods.
 * An item that arrives after its period closed is recorded in the errors table (kind {@code late}).
 */
public final class PeriodChunkAggregate extends KeyedProcessFunction<String, ChunkPartial, GridStatsRow> {

    private static final long serialVersionUID = 1L;

    /** The statistics a pipeline can ask for; count gives count_total and count_valid, which are always written. */
    public enum Stat { COUNT, MEAN, MIN, MAX, STD, SUM }

    private final long allowedLatenessMillis;
    /** Indexed by {@link Stat#ordinal()}: whether the pipeline asked for the statistic (checked for every row). */
    private final boolean[] asked;
    private final OutputTag<ErrorRow> errors;
    private transient ValueState<ChunkPartial> open;

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
    }

    @Override
    public void processElement(ChunkPartial item, Context ctx, Collector<GridStatsRow> out) throws Exception {
        long closeAt = closeTime(item);
        if (ctx.timerService().currentWatermark() >= closeAt) {
            ErrorRecorder.record(getRuntimeContext(), ErrorRow.of(item.itemId(), ErrorStage.AGGREGATE, "late", "item " + item.itemId()
                    + " arrived after period " + item.period().label() + " of " + item.collection() + "/" + item.tile()
                    + " closed (allowed lateness " + Duration.ofMillis(allowedLatenessMillis) + ")", Instant.now()),
                    r -> ctx.output(errors, r));
            return;
        }
        ChunkPartial acc = open.value();
        if (acc == null) {
            CellChunk cells = new CellChunk();
            cells.mergeItem(item.cells());
            open.update(item.withParts(1).withCells(cells));
            ctx.timerService().registerEventTimeTimer(closeAt);
        } else {
            acc.cells().mergeItem(item.cells());
            open.update(acc);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<GridStatsRow> out) throws Exception {
        ChunkPartial acc = open.value();
        if (acc == null) {
            return;
        }
        open.clear();
        CellChunk c = acc.cells();
        OutputGrid grid = acc.grid();
        long rows = 0;
        for (int i = 0; i < CellChunk.CELLS; i++) {
            if (c.countTotal(i) == 0) {
                continue;
            }
            long cx = acc.chunkX() * CellChunk.SIDE + i % CellChunk.SIDE;
            long cy = acc.chunkY() * CellChunk.SIDE + i / CellChunk.SIDE;
            BandStats s = new BandStats(c.countTotal(i), c.countValid(i), pick(Stat.MEAN, c.mean(i)),
                    pick(Stat.MIN, c.min(i)), pick(Stat.MAX, c.max(i)), pick(Stat.STD, c.std(i)), pick(Stat.SUM, c.sum(i)));
            out.collect(new GridStatsRow(acc.collection(), acc.tile(), acc.period(), acc.band(), grid.cell(cx, cy),
                    grid.crs(), s, c.items(i)));
            rows++;
        }
        // Once per chunk of up to 4,096 rows: the counter is a map lookup by name.
        getRuntimeContext().getLongCounter(JobProgress.ROWS).add(rows);
    }

    private double pick(Stat stat, double value) {
        return asked[stat.ordinal()] ? value : Double.NaN;
    }

    private long closeTime(ChunkPartial p) {
        return p.period().end().toEpochMilli() + allowedLatenessMillis;
    }
}
