package dev.stacstream.job.operators;

import dev.stacstream.job.types.CodecTypeInfo;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * First aggregation stage, keyed by (item, chunk): merges the partials of one item's work windows that touch
 * a chunk, and emits the item's complete chunk once every expected window has arrived. Output cells straddling
 * window edges thus count the item once. A chunk whose windows did not all arrive (a failed read is recorded in
 * the errors table) is flushed by an event-time timer before its period closes downstream.
 */
public final class ItemChunkMerge extends KeyedProcessFunction<String, ChunkPartial, ChunkPartial> {

    private static final long serialVersionUID = 1L;

    private final long allowedLatenessMillis;
    private transient ValueState<ChunkPartial> pending;

    public ItemChunkMerge(Duration allowedLateness) {
        this.allowedLatenessMillis = allowedLateness.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        pending = getRuntimeContext().getState(new ValueStateDescriptor<>("item-chunk",
                CodecTypeInfo.of(ChunkPartial.class, new ChunkPartialCodec())));
    }

    @Override
    public void processElement(ChunkPartial part, Context ctx, Collector<ChunkPartial> out) throws Exception {
        ChunkPartial so = pending.value();
        ChunkPartial merged = ChunkMerges.windowIntoItem(so, part);
        if (merged.isItemComplete()) {
            pending.clear();
            out.collect(merged);
            return;
        }
        pending.update(merged);
        if (so == null) {
            ctx.timerService().registerEventTimeTimer(flushTime(merged));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ChunkPartial> out) throws Exception {
        ChunkPartial incomplete = pending.value();
        if (incomplete != null) {
            pending.clear();
            out.collect(incomplete);
        }
    }

    /** One millisecond before the downstream period timer, so the flushed chunk still counts. */
    private long flushTime(ChunkPartial p) {
        return p.period().end().toEpochMilli() - 1 + allowedLatenessMillis;
    }
}
