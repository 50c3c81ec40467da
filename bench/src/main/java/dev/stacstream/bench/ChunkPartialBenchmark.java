package dev.stacstream.bench;

import dev.stacstream.job.aggregate.BlockAggregate;
import dev.stacstream.job.aggregate.BlockAggregator;
import dev.stacstream.job.aggregate.GridSpec;
import dev.stacstream.job.operators.OutputGrid;
import dev.stacstream.job.operators.WindowChunks;
import dev.stacstream.job.plan.BlockTask;
import dev.stacstream.sinks.row.OutputPeriod;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The chunk partials between the decode stage and the period stage, per partial, on an item of 2 x 2 work
 * windows of workload W's geometry (4096² band pixels, factor 10: 410² cells in 7² chunks of 64², the middle
 * chunk row and column split between windows as a third of W's are):
 * <ul>
 *   <li>{@code emitWindowPartials}: {@link WindowChunks#emit} of the four windows' aggregates, each partial
 *       serialized into a reused buffer as the keyBy's record writer does; per window partial (128 per item).
 *   <li>{@code mergeIntoPeriod}: the period stage's input: deserialize each window partial and merge it into its
 *       chunk's open period, of which the item is the first (its first window becomes the accumulator in place);
 *       per window partial.
 * </ul>
 * Allocation per partial: {@code -prof gc} ({@code gc.alloc.rate.norm}, bytes per operation). The thread CPU time
 * per operation of each iteration is printed (it leaves out time the benchmark thread waited for a core).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ChunkPartial -f 1 -wi 3 -i 5 -w 2s -r 2s -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChunkPartialBenchmark {

    private static final int WINDOWS_PER_SIDE = 2;
    private static final int FACTOR = 10;
    /** (4 + 4) chunk columns x (4 + 4) chunk rows touched by the windows, two bands. */
    private static final int WINDOW_PARTIALS = 128;

    /** The item's windows aggregated (one aggregator each: an aggregate is valid until its aggregator's next block). */
    @State(Scope.Thread)
    public static class Item {
        BlockAggregate[] aggregates;
        BlockTask[] tasks;
        OutputPeriod period;
        OutputGrid grid = SyntheticItem.grid(FACTOR);
        List<byte[]> windowPartials;
        /** The record writer stand-in, reused across invocations as a task's is. */
        final ChunkFlow.Serializing sink = new ChunkFlow.Serializing();

        @Setup(Level.Trial)
        public void build() {
            SyntheticItem item = new SyntheticItem(WINDOWS_PER_SIDE * SyntheticItem.WINDOW);
            aggregates = new BlockAggregate[item.windowCount()];
            tasks = new BlockTask[item.windowCount()];
            period = item.period(0);
            ChunkFlow.Keeping emitted = new ChunkFlow.Keeping();
            for (int w = 0; w < aggregates.length; w++) {
                aggregates[w] = new BlockAggregator(GridSpec.byFactor(FACTOR)).aggregate(item.window(w));
                tasks[w] = item.task(0, w);
                WindowChunks.emit(tasks[w], period, grid, aggregates[w], emitted);
            }
            windowPartials = emitted.kept;
            check("window partials", windowPartials.size(), WINDOW_PARTIALS);
            System.out.printf(Locale.ROOT, "%nbytes per window partial %.0f%n", (double) emitted.bytes / emitted.records);
        }

        private static void check(String what, int got, int want) {
            if (got != want) {
                throw new IllegalStateException(what + ": " + got + ", expected " + want);
            }
        }
    }

    /** Thread CPU time per operation over each measured iteration, printed. */
    @State(Scope.Thread)
    public static class CpuClock {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        long operations;
        private long start;

        @Setup(Level.Iteration)
        public void start() {
            operations = 0;
            start = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            if (operations > 0) {
                System.out.printf(Locale.ROOT, " [thread CPU %.0f ns/op]", (double) (THREADS.getCurrentThreadCpuTime() - start)
                        / operations);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(WINDOW_PARTIALS)
    public long emitWindowPartials(Item item, CpuClock cpu) {
        ChunkFlow.Serializing out = item.sink;
        for (int w = 0; w < item.aggregates.length; w++) {
            WindowChunks.emit(item.tasks[w], item.period, item.grid, item.aggregates[w], out);
        }
        cpu.operations += WINDOW_PARTIALS;
        return out.bytes;
    }

    @Benchmark
    @OperationsPerInvocation(WINDOW_PARTIALS)
    public int mergeIntoPeriod(Item item, CpuClock cpu) {
        ChunkFlow.PeriodMerge merge = new ChunkFlow.PeriodMerge();
        ChunkFlow.Reading reading = new ChunkFlow.Reading();
        for (byte[] bytes : item.windowPartials) {
            merge.process(reading.read(bytes));
        }
        cpu.operations += WINDOW_PARTIALS;
        return merge.open.size();
    }
}
