package dev.stacstream.stac.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.stac.client.ItemSearchProvider;
import dev.stacstream.stac.client.SearchRequest;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.source.config.StacSourceOptions;
import dev.stacstream.stac.source.testing.CommittedItemsSink;
import dev.stacstream.stac.source.testing.FailOnceAfterCheckpoint;
import dev.stacstream.stac.source.testing.LoopbackStacApi;
import dev.stacstream.stac.source.testing.TestItems;
import dev.stacstream.stac.source.typeutils.StacItemTypeInfo;
import dev.stacstream.stac.testing.StaticCatalogFixture;
import dev.stacstream.storage.RetryPolicy;
import dev.stacstream.storage.StorageOptions;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The source on a MiniCluster against a real loopback STAC API ({@link LoopbackStacApi}, searched through
 * {@code ItemSearchProvider.api}) whose item set grows while the job runs. Output goes through a transactional
 * sink that only shows what Flink committed, so "each item exactly once" is checked on committed output, across
 * an injected failure, a stop-with-savepoint / resume, and API outages shorter and longer than tolerated. Bounded
 * runs cover paging to Earth Search's empty last page and a static catalog with broken items. Jobs run with
 * {@code pipeline.generic-types: false}, so any Kryo fallback would fail them.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StacSourceITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static final int PARALLELISM = 2;
    private static final Instant DAY0 = Instant.parse("2025-06-01T00:00:00Z");
    private static final Duration LOOKBACK = Duration.ofDays(2);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(300);
    /** Items per search page: small, so that every round follows next links (and meets empty last pages). */
    private static final int PAGE_SIZE = 3;
    /** Discovery rounds awaited after the last expected item, so that a duplicate would have been emitted. */
    private static final int EXTRA_ROUNDS = 3;
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration AWAIT_STEP = Duration.ofMillis(50);
    /** A client that tries each request once, so that discovery rounds fail at once during an outage. */
    private static final StorageOptions NO_CLIENT_RETRIES = StorageOptions.builder()
            .retryPolicy(RetryPolicy.of(1, Duration.ZERO, Duration.ZERO, 1.0))
            .build();
    /** More than any bounded test emits, so that a duplicate would show. */
    private static final int COLLECT_LIMIT = 1000;

    @TempDir
    Path savepoints;

    private LoopbackStacApi api;

    @BeforeEach
    void startApi() {
        api = new LoopbackStacApi();
        FailOnceAfterCheckpoint.reset();
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void continuousRunEmitsEveryItemOnceWhileTheFeedGrows() throws Exception {
        // Given a feed with 10 items and a running job
        CommittedItemsSink.Output output = output("continuous");
        List<StacItem> expected = new ArrayList<>(publish(hourly(0, 10)));
        JobClient job = submit(continuousSource(), "continuous", null);
        await(() -> output.records().size() >= 10, "the first 10 items committed", output::records);

        // When 10 newer items, a late item inside the look-back and a re-publication (skipped) appear
        expected.addAll(publish(hourly(10, 10)));
        expected.addAll(publish(lateItem("late-1", 5)));
        publish(republished(expected.get(3)));

        // Then each item is committed exactly once, also after further discovery rounds
        awaitAllThenStop(job, output, expected);
    }

    @Test
    void failureAfterACheckpointRestoresWithoutLossOrDuplicates() throws Exception {
        // Given a running job that committed the first 10 items (so a checkpoint completed)
        CommittedItemsSink.Output output = output("failover");
        List<StacItem> expected = new ArrayList<>(publish(hourly(0, 10)));
        JobClient job = submit(continuousSource(), "failover", null);
        await(() -> output.records().size() >= 10, "the first 10 items committed", output::records);

        // When the job fails on the next item after more are published, and restarts from its checkpoint
        FailOnceAfterCheckpoint.arm();
        expected.addAll(publish(hourly(10, 10)));
        expected.addAll(publish(lateItem("late-1", 7)));

        // Then the failure happened, and each item is committed exactly once
        await(FailOnceAfterCheckpoint::hasFailed, "the injected failure", output::records);
        awaitAllThenStop(job, output, expected);
    }

    @Test
    void stopWithSavepointThenResumeWithItemsPublishedInBetween() throws Exception {
        // Given a job that committed 10 items and was stopped with a savepoint
        CommittedItemsSink.Output output = output("savepoint");
        List<StacItem> expected = new ArrayList<>(publish(hourly(0, 10)));
        JobClient first = submit(continuousSource(), "savepoint", null);
        await(() -> output.records().size() >= 10, "the first 10 items committed", output::records);
        String savepoint = first.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

        // When newer items and late items inside the look-back appear while it is stopped, and a job resumes
        expected.addAll(publish(hourly(10, 5)));
        expected.addAll(publish(lateItem("late-1", 3), lateItem("late-2", 8)));
        JobClient resumed = submit(continuousSource(), "savepoint", savepoint);

        // Then each item is committed exactly once over both jobs
        awaitAllThenStop(resumed, output, expected);
    }

    @Test
    void anOutageShorterThanToleratedIsRetriedOnTheNextPollsWithoutFailingTheJob() throws Exception {
        // Given a running job tolerating 5 failed rounds in a row, whose client does not retry by itself
        CommittedItemsSink.Output output = output("outage");
        List<StacItem> expected = new ArrayList<>(publish(hourly(0, 5)));
        JobClient job = submit(continuousSource(NO_CLIENT_RETRIES, 5), "outage", null);
        await(() -> output.records().size() >= 5, "the first 5 items committed", output::records);

        // When the API answers the next 4 searches with 503 while more items are published
        api.failNextSearches(4);
        expected.addAll(publish(hourly(5, 5)));

        // Then the job keeps running and each item is committed exactly once
        awaitAllThenStop(job, output, expected);
    }

    @Test
    void anOutageLongerThanToleratedFailsTheJobNamingTheApiAndTheCause() throws Exception {
        // Given an API that is down, and a job tolerating 2 failed rounds in a row (restarted twice at most)
        api.failNextSearches(Integer.MAX_VALUE);
        JobClient job = submit(continuousSource(NO_CLIENT_RETRIES, 2), "down", null);

        // When / Then: the job fails, with the API URL, the streak and the server's answer in the cause chain
        assertThatThrownBy(() -> job.getJobExecutionResult().get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .satisfies(failure -> assertThat(ExceptionUtils.findThrowableWithMessage(failure,
                        "failed 3 time(s) in a row"))
                        .hasValueSatisfying(cause -> assertThat(cause.getMessage())
                                .contains(api.url())
                                .contains("source.stac.discovery.max-consecutive-failures")
                                .contains("503")));
    }

    @Test
    void boundedRunEmitsEachMatchingItemOnceAndEnds() throws Exception {
        // Given 12 items of the searched collection (4 full pages of 3, then Earth Search's empty page) and 5 others
        publish(hourly(0, 12));
        publish(IntStream.range(0, 5)
                .mapToObj(i -> TestItems.item("landsat-c2-l2", "other-" + i, DAY0.plus(Duration.ofHours(i)), null))
                .toArray(StacItem[]::new));
        StacSource source = StacSource.builder()
                .setSearch(ItemSearchProvider.api(api.url(), StorageOptions.defaults()))
                .setRequest(SearchRequest.builder().collections(TestItems.COLLECTION).limit(PAGE_SIZE).build())
                .setBounded(true)
                .build();

        // When the bounded job runs to its end
        List<String> emitted = runBounded(source);

        // Then every item of the collection came out once, after one search of 5 pages
        assertThat(emitted).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 12).mapToObj(StacSourceITCase::itemId).toList());
        assertThat(api.searches()).isEqualTo(1);
        assertThat(api.pages()).isEqualTo(5);
    }

    @Test
    void boundedRunOverAStaticCatalogSkipsBrokenItemsAndEmitsEachGoodItemOnce(@TempDir Path catalogDir)
            throws Exception {
        // Given a static catalog on disk with an item without assets, one without geometry, one that is not JSON,
        // a link to a missing item, a duplicate item link and a cycle
        Path root = StaticCatalogFixture.standard().withProblems().write(catalogDir);
        StacSource source = StacSource.builder()
                .setSearch(ItemSearchProvider.catalog(root.toString(), StorageOptions.defaults()))
                .setRequest(SearchRequest.builder().build())
                .setBounded(true)
                .build();

        // When the bounded job runs to its end
        List<String> emitted = runBounded(source);

        // Then the job did not fail, and every well-formed item came out once
        assertThat(emitted).containsExactlyInAnyOrderElementsOf(StaticCatalogFixture.itemIds());
    }

    private static List<String> runBounded(StacSource source) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobConfiguration(null));
        env.setParallelism(PARALLELISM);
        return env.fromSource(source, StacWatermarkStrategies.forItemDatetime(LOOKBACK, Duration.ofSeconds(1)), "stac")
                .executeAndCollect("bounded STAC source", COLLECT_LIMIT)
                .stream().map(StacItem::id).toList();
    }

    private StacSource continuousSource() {
        return continuousSource(StorageOptions.defaults(), StacSourceOptions.MAX_CONSECUTIVE_FAILURES.defaultValue());
    }

    private StacSource continuousSource(StorageOptions options, int toleratedFailures) {
        return StacSource.builder()
                .setSearch(ItemSearchProvider.api(api.url(), options))
                .setRequest(SearchRequest.builder().collections(TestItems.COLLECTION).limit(PAGE_SIZE).build())
                .setPollInterval(POLL_INTERVAL)
                .setLookback(LOOKBACK)
                .setMaxConsecutiveDiscoveryFailures(toleratedFailures)
                .build();
    }

    /** Source, failure injector (inactive unless armed) and committing sink, with stable uids for savepoints. */
    private static JobClient submit(StacSource source, String outputName, String savepoint) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                jobConfiguration(savepoint));
        env.setParallelism(PARALLELISM);
        DataStream<StacItem> items = env.fromSource(source,
                        StacWatermarkStrategies.forItemDatetime(LOOKBACK, Duration.ofSeconds(1)), "stac")
                .uid("stac-source");
        items.map(new FailOnceAfterCheckpoint())
                .returns(StacItemTypeInfo.INSTANCE)
                .uid("fail-once")
                .sinkTo(new CommittedItemsSink(outputName))
                .uid("committed-items");
        return env.executeAsync("continuous STAC source");
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
     * Waits until every expected item is committed and {@link #EXTRA_ROUNDS} more discovery rounds ran, then stops
     * the job with a savepoint (which commits everything emitted before it) and checks the committed output.
     */
    private void awaitAllThenStop(JobClient job, CommittedItemsSink.Output output, List<StacItem> expected)
            throws Exception {
        List<String> expectedRecords = expected.stream().map(CommittedItemsSink::record).toList();
        await(() -> output.records().containsAll(expectedRecords), "all expected items committed", output::records);
        int searches = api.searches();
        await(() -> api.searches() >= searches + EXTRA_ROUNDS, EXTRA_ROUNDS + " more discovery rounds",
                api::searches);
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        job.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

        assertThat(output.records()).containsExactlyInAnyOrderElementsOf(expectedRecords);
    }

    private static CommittedItemsSink.Output output(String name) {
        CommittedItemsSink.Output output = CommittedItemsSink.output(name);
        output.clear();
        return output;
    }

    private List<StacItem> publish(StacItem... items) {
        api.publish(items);
        return List.of(items);
    }

    private List<StacItem> publish(List<StacItem> items) {
        return publish(items.toArray(StacItem[]::new));
    }

    /** {@code count} items acquired one per hour from hour {@code first}, each published an hour later. */
    private static List<StacItem> hourly(int first, int count) {
        return IntStream.range(first, first + count)
                .mapToObj(i -> TestItems.item(itemId(i), hour(i), hour(i + 1)))
                .toList();
    }

    private static String itemId(int index) {
        return String.format("S2B_%03d", index);
    }

    /** An item acquired at {@code hour} but published now (inside the look-back of the feed's cursor). */
    private static StacItem lateItem(String id, int hour) {
        return TestItems.item(id, hour(hour), Instant.now());
    }

    /** {@code item} re-published with a newer {@code updated}; the default policy skips it. */
    private static StacItem republished(StacItem item) {
        return TestItems.item(item.id(), item.datetime(), item.updated().orElseThrow().plus(Duration.ofDays(1)));
    }

    private static Instant hour(int hour) {
        return DAY0.plus(Duration.ofHours(hour));
    }

    /** Polls {@code condition} until it holds; fails after {@link #DEADLINE} showing {@code state}. */
    private static void await(BooleanSupplier condition, String what, Supplier<?> state) throws InterruptedException {
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
