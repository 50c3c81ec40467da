package dev.stacstream.bench;

import dev.stacstream.job.aggregate.BlockAggregator;
import dev.stacstream.job.aggregate.GridSpec;
import dev.stacstream.job.operators.CellChunk;
import dev.stacstream.job.operators.ChunkPartial;
import dev.stacstream.job.operators.WindowChunks;
import java.util.Locale;

/**
 * Counts what one item of workload W (10980² band pixels, 36 work windows of 2048², factor 10, red and nir) puts
 * through the job's shuffle of chunk partials, and what its period state serializes to: the records and bytes of
 * the decode stage's window partials (the keyBy by chunk) and of the period accumulators a checkpoint writes. Exact
 * counts, no timing.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.stacstream.bench.ChunkShuffleBytes}
 */
public final class ChunkShuffleBytes {

    private static final int W_SIZE = 10980;
    private static final int FACTOR = 10;

    private ChunkShuffleBytes() {}

    public static void main(String[] args) {
        SyntheticItem item = new SyntheticItem(W_SIZE);
        BlockAggregator aggregator = new BlockAggregator(GridSpec.byFactor(FACTOR));
        ChunkFlow.Keeping windows = new ChunkFlow.Keeping();
        for (int w = 0; w < item.windowCount(); w++) {
            WindowChunks.emit(item.task(0, w), item.period(0), SyntheticItem.grid(FACTOR),
                    aggregator.aggregate(item.window(w)), windows);
        }
        ChunkFlow.Reading reading = new ChunkFlow.Reading();
        ChunkFlow.PeriodMerge periodMerge = new ChunkFlow.PeriodMerge();
        windows.kept.forEach(bytes -> periodMerge.process(reading.read(bytes)));
        ChunkFlow.Serializing state = new ChunkFlow.Serializing();
        long cells = 0;
        for (ChunkPartial open : periodMerge.open.values()) {
            state.collect(open);
            for (int i = 0; i < CellChunk.CELLS; i++) {
                cells += open.cells().countTotal(i) > 0 ? 1 : 0;
            }
        }
        print("window partials (keyBy chunk)", windows);
        print("period state (checkpoint)", state);
        System.out.printf(Locale.ROOT, "covered cells %d (of %d bands x %d² cells)%n", cells, 2, (W_SIZE + FACTOR - 1) / FACTOR);
    }

    private static void print(String what, ChunkFlow.Serializing records) {
        System.out.printf(Locale.ROOT, "%-40s %6d records %,14d bytes (%.1f MB, %.0f per record)%n", what, records.records,
                records.bytes, records.bytes / 1e6, (double) records.bytes / records.records);
    }
}
