package dev.stacstream.stac.source;

import static dev.stacstream.stac.source.testing.SourceJobs.DAY0;
import static dev.stacstream.stac.source.testing.SourceJobs.DEADLINE;
import static dev.stacstream.stac.source.testing.SourceJobs.PAGE_SIZE;
import static dev.stacstream.stac.source.testing.SourceJobs.await;
import static dev.stacstream.stac.source.testing.SourceJobs.awaitThenStop;
import static dev.stacstream.stac.source.testing.SourceJobs.hourly;
import static dev.stacstream.stac.source.testing.SourceJobs.lateItem;
import static dev.stacstream.stac.source.testing.SourceJobs.records;
import static dev.stacstream.stac.source.testing.SourceJobs.runBounded;
import static dev.stacstream.stac.source.testing.SourceJobs.stopWithSavepoint;
import static dev.stacstream.stac.source.testing.SourceJobs.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.stac.client.ItemSearchProvider;
import dev.stacstream.stac.client.SearchRequest;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.source.config.StacSourceOptions;
import dev.stacstream.stac.source.testing.CommittedItemsSink;
import dev.stacstream.stac.source.testing.FailOnceAfterCheckpoint;
import dev.stacstream.stac.source.testing.LoopbackStacApi;
import dev.stacstream.stac.source.testing.SourceJobs;
import dev.stacstream.stac.source.testing.TestItems;
import dev.stacstream.stac.testing.StaticCatalogFixture;
import dev.stacstream.storage.RetryPolicy;
import dev.stacstream.storage.StorageOptions;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
                    .setNumberSlotsPerTaskManager(SourceJobs.PARALLELISM)
                    .build());

    /** A client that tries each request once, so that discovery rounds fail at once during an outage. */
    private static final StorageOptions NO_CLIENT_RETRIES = StorageOptions.builder()
            .retryPolicy(RetryPolicy.of(1, Duration.ZERO, Duration.ZERO, 1.0))
            .build();

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
        CommittedItemsSink.Output output = CommittedItemsSink.emptyOutput("continuous");
        List<StacItem> expected = new ArrayList<>(publish(hourly(0, 10)));
        JobClient job = submit(continuousSource(), "continuous", null);
        await(() -> output.records().size() >= 10, "the first 10 items committed", output::records);

        // When 10 newer items, a late item inside the look-back and a re-publication (skipped) appear
        expected.addAll(publish(hourly(10, 10)));
        expected.addAll(publish(List.of(lateItem("late-1", 5))));
        StacItem original = expected.get(3);
        publish(List.of(TestItems.item(original.id(), original.datetime(),
                original.updated().orElseThrow().plus(Duration.ofDays(1)))));

        // Then each item is committed exactly once, also after further discovery rounds
        awaitThenStop(job, api, output, records(expected), savepoints);
        assertThat(output.records()).containsExactlyInAnyOrderElementsOf(records(expected));
    }

    @Test
    void failureAfterACheckpointRestoresWithoutLossOrDuplicates() throws Exception {
        // Given a running job that committed the first 10 items (so a checkpoint completed)
        CommittedItemsSink.Output output = CommittedItemsSink.emptyOutput("failover");
        List<StacItem> expected = new ArrayList<>(publish(hourly(0, 10)));
        JobClient job = submit(continuousSource(), "failover", null);
        await(() -> output.records().size() >= 10, "the first 10 items committed", output::records);

        // When the job fails on the next item after more are published, and restarts from its checkpoint
        FailOnceAfterCheckpoint.arm();
        expected.addAll(publish(hourly(10, 10)));
        expected.addAll(publish(List.of(lateItem("late-1", 7))));

        // Then the failure happened, and each item is committed exactly once
        await(FailOnceAfterCheckpoint::hasFailed, "the injected failure", output::records);
        awaitThenStop(job, api, output, records(expected), savepoints);
        assertThat(output.records()).containsExactlyInAnyOrderElementsOf(records(expected));
    }

    @Test
    void stopWithSavepointThenResumeWithItemsPublishedInBetween() throws Exception {
        // Given a job that committed 10 items and was stopped with a savepoint
        CommittedItemsSink.Output output = CommittedItemsSink.emptyOutput("savepoint");
        List<StacItem> expected = new ArrayList<>(publish(hourly(0, 10)));
        JobClient first = submit(continuousSource(), "savepoint", null);
        await(() -> output.records().size() >= 10, "the first 10 items committed", output::records);
        String savepoint = stopWithSavepoint(first, savepoints);

        // When newer items and late items inside the look-back appear while it is stopped, and a job resumes
        expected.addAll(publish(hourly(10, 5)));
        expected.addAll(publish(List.of(lateItem("late-1", 3), lateItem("late-2", 8))));
        JobClient resumed = submit(continuousSource(), "savepoint", savepoint);

        // Then each item is committed exactly once over both jobs
        awaitThenStop(resumed, api, output, records(expected), savepoints);
        assertThat(output.records()).containsExactlyInAnyOrderElementsOf(records(expected));
    }

    @Test
    void anOutageShorterThanToleratedIsRetriedOnTheNextPollsWithoutFailingTheJob() throws Exception {
        // Given a running job tolerating 5 failed rounds in a row, whose client does not retry by itself
        CommittedItemsSink.Output output = CommittedItemsSink.emptyOutput("outage");
        List<StacItem> expected = new ArrayList<>(publish(hourly(0, 5)));
        JobClient job = submit(SourceJobs.continuousSource(api.url(), NO_CLIENT_RETRIES, 5), "outage", null);
        await(() -> output.records().size() >= 5, "the first 5 items committed", output::records);

        // When the API answers the next 4 searches with 503 while more items are published
        api.failNextSearches(4);
        expected.addAll(publish(hourly(5, 5)));

        // Then the job keeps running and each item is committed exactly once
        awaitThenStop(job, api, output, records(expected), savepoints);
        assertThat(output.records()).containsExactlyInAnyOrderElementsOf(records(expected));
    }

    @Test
    void anOutageLongerThanToleratedFailsTheJobNamingTheApiAndTheCause() throws Exception {
        // Given an API that is down, and a job tolerating 2 failed rounds in a row (restarted twice at most)
        api.failNextSearches(Integer.MAX_VALUE);
        JobClient job = submit(SourceJobs.continuousSource(api.url(), NO_CLIENT_RETRIES, 2), "down", null);

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
                .toList());
        StacSource source = StacSource.builder()
                .setSearch(ItemSearchProvider.api(api.url(), StorageOptions.defaults()))
                .setRequest(SearchRequest.builder().collections(TestItems.COLLECTION).limit(PAGE_SIZE).build())
                .setBounded(true)
                .build();

        // When the bounded job runs to its end
        List<String> emitted = runBounded(source);

        // Then every item of the collection came out once, after one search of 5 pages
        assertThat(emitted).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 12).mapToObj(SourceJobs::itemId).toList());
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

    private StacSource continuousSource() {
        return SourceJobs.continuousSource(api.url(), StorageOptions.defaults(),
                StacSourceOptions.MAX_CONSECUTIVE_FAILURES.defaultValue());
    }

    private List<StacItem> publish(List<StacItem> items) {
        api.publish(items.toArray(StacItem[]::new));
        return items;
    }
}
