package dev.stacstream.stac.source.testing;

import dev.stacstream.stac.client.ItemSearchProvider;
import dev.stacstream.stac.client.SearchRequest;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.source.StacSource;
import dev.stacstream.stac.source.StacWatermarkStrategies;
import dev.stacstream.stac.source.typeutils.StacItemTypeInfo;
import dev.stacstream.storage.StorageOptions;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The jobs and feeds of the source's MiniCluster tests: one topology (source, fail-once map, committing sink, with
 * stable uids so savepoints restore), one job configuration ({@code pipeline.generic-types: false}, fast
 * checkpoints, two restarts), hourly test items, and polling with a deadline.
 */
public final class SourceJobs {

    public static final int PARALLELISM = 2;
    public static final Instant DAY0 = Instant.parse("2025-06-01T00:00:00Z");
    public static final Duration LOOKBACK = Duration.ofDays(2);
    public static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    /** Items per search page: small, so that every round follows next links (and meets empty last pages). */
    public static final int PAGE_SIZE = 3;
    /** Longest wait for any awaited condition. */
    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(300);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(1);
    /** Discovery rounds awaited after the last expected item, so that a duplicate would have been emitted. */
    private static final int EXTRA_ROUNDS = 3;
    private static final Duration AWAIT_STEP = Duration.ofMillis(50);
    /** More than any bounded test emits, so that a duplicate would show. */
    private static final int COLLECT_LIMIT = 1000;

    private SourceJobs() {
    }

    /** A continuous source over {@link TestItems#COLLECTION} of the API at {@code apiUrl}. */
    public static StacSource continuousSource(String apiUrl, StorageOptions options, int toleratedFailures) {
        return StacSource.builder()
                .setSearch(ItemSearchProvider.api(apiUrl, options))
                .setRequest(SearchRequest.builder().collections(TestItems.COLLECTION).limit(PAGE_SIZE).build())
                .setPollInterval(POLL_INTERVAL)
                .setLookback(LOOKBACK)
                .setMaxConsecutiveDiscoveryFailures(toleratedFailures)
                .build();
    }

    /**
     * Submits source, failure injector (inactive unless armed) and committing sink writing to {@code outputName}.
     *
     * @param savepoint the savepoint to restore, or null
     */
    public static JobClient submit(StacSource source, String outputName, String savepoint) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                jobConfiguration(savepoint));
        env.setParallelism(PARALLELISM);
        DataStream<StacItem> items = env.fromSource(source,
                        StacWatermarkStrategies.forItemDatetime(LOOKBACK, IDLE_TIMEOUT), "stac")
                .uid("stac-source");
        items.map(new FailOnceAfterCheckpoint())
                .returns(StacItemTypeInfo.INSTANCE)
                .uid("fail-once")
                .sinkTo(new CommittedItemsSink(outputName))
                .uid("committed-items");
        return env.executeAsync("continuous STAC source");
    }

    /** Runs a bounded source to its end and returns the ids it emitted. */
    public static List<String> runBounded(StacSource source) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobConfiguration(null));
        env.setParallelism(PARALLELISM);
        return env.fromSource(source, StacWatermarkStrategies.forItemDatetime(LOOKBACK, IDLE_TIMEOUT), "stac")
                .executeAndCollect("bounded STAC source", COLLECT_LIMIT)
                .stream().map(StacItem::id).toList();
    }

    private static Configuration jobConfiguration(String savepoint) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, CHECKPOINT_INTERVAL);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        return conf;
    }

    /**
     * Waits until {@code output} holds every expected record and a few more discovery rounds ran (so that a
     * duplicate would have been emitted), then stops the running job with a savepoint into {@code directory}, which
     * commits everything emitted before it.
     *
     * @return the savepoint's path
     */
    public static String awaitThenStop(JobClient job, LoopbackStacApi api, CommittedItemsSink.Output output,
            Collection<String> expectedRecords, Path directory) throws Exception {
        await(() -> output.records().containsAll(expectedRecords), "all expected items committed", output::records);
        int searches = api.searches();
        await(() -> api.searches() >= searches + EXTRA_ROUNDS, EXTRA_ROUNDS + " more discovery rounds",
                api::searches);
        JobStatus status = job.getJobStatus().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        if (status != JobStatus.RUNNING) {
            throw new AssertionError("The job should still run, but is " + status);
        }
        return stopWithSavepoint(job, directory);
    }

    public static String stopWithSavepoint(JobClient job, Path directory) throws Exception {
        return job.stopWithSavepoint(false, directory.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    /** {@code count} items acquired one per hour from hour {@code first}, each published an hour later. */
    public static List<StacItem> hourly(int first, int count) {
        return IntStream.range(first, first + count)
                .mapToObj(i -> TestItems.item(itemId(i), hour(i), hour(i + 1)))
                .toList();
    }

    /** The id of the {@code index}-th item of {@link #hourly}. */
    public static String itemId(int index) {
        return String.format("S2B_%03d", index);
    }

    public static Instant hour(int hour) {
        return DAY0.plus(Duration.ofHours(hour));
    }

    /** An item acquired at {@code hour} but published now (inside the look-back of the feed's cursor). */
    public static StacItem lateItem(String id, int hour) {
        return TestItems.item(id, hour(hour), Instant.now());
    }

    public static List<String> records(Collection<StacItem> items) {
        return items.stream().map(CommittedItemsSink::record).toList();
    }

    /** Polls {@code condition} until it holds; fails after {@link #DEADLINE} showing {@code state}. */
    public static void await(BooleanSupplier condition, String what, Supplier<?> state) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + DEADLINE + " waiting for " + what + "; state: "
                        + state.get());
            }
            Thread.sleep(AWAIT_STEP.toMillis());
        }
    }
}
