package dev.stacstream.stac.source.enumerator;

import static dev.stacstream.stac.source.enumerator.EnumeratorFixture.DAY0;
import static dev.stacstream.stac.source.enumerator.EnumeratorFixture.LOOKBACK;
import static dev.stacstream.stac.source.enumerator.EnumeratorFixture.at;
import static dev.stacstream.stac.source.enumerator.EnumeratorFixture.settings;
import static dev.stacstream.stac.source.testing.TestItems.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.stac.client.DatetimeInterval;
import dev.stacstream.stac.source.config.RepublishPolicy;
import dev.stacstream.stac.source.config.StacStartingPosition;
import dev.stacstream.stac.source.metrics.StacDiscoveryMetrics;
import dev.stacstream.stac.source.split.StacItemSplit;
import dev.stacstream.stac.source.testing.DiscoveryTestContext.DiscoveryRound;
import dev.stacstream.stac.source.testing.TestItems;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The discovery cursor as seen through the enumerator: what each round searches and what it emits. */
class StacSplitEnumeratorDiscoveryTest {

    private final EnumeratorFixture fixture = new EnumeratorFixture(1);

    @Test
    void cursorAdvancesToTheNewestItemAndTheNextRoundSearchesFromItMinusTheLookback() {
        // Given two published items and a source starting from the earliest item
        fixture.search.publish(item("a", at(0)), item("b", at(30)));
        StacSplitEnumerator enumerator = fixture.start();

        // When the first round runs
        fixture.context.runDiscoveryRound();

        // Then it searched without a datetime bound, found both, and the high-water mark is the newest datetime
        assertThat(fixture.search.lastRequest().datetime()).isEmpty();
        assertThat(fixture.drain(enumerator, 0)).containsExactly("a", "b");
        assertThat(fixture.context.gauge(StacDiscoveryMetrics.HIGH_WATER_MARK_MS)).isEqualTo(at(30).toEpochMilli());

        // When the next round runs
        fixture.context.runDiscoveryRound();

        // Then it searched [high-water mark - lookback, ..)
        assertThat(fixture.search.lastRequest().datetime())
                .contains(DatetimeInterval.of(at(30).minus(LOOKBACK), null));
    }

    @Test
    void itemsOfTheLookbackOverlapAreEmittedOnceAndLatePublicationsInsideItAreFound() {
        // Given an item already discovered
        fixture.search.publish(item("a", at(48)));
        StacSplitEnumerator enumerator = fixture.start();
        fixture.context.runDiscoveryRound();

        // When an older acquisition inside the look-back window is published late, and a round runs
        fixture.search.publish(item("late", at(30)));
        fixture.context.runDiscoveryRound();

        // Then the late item is emitted, and the item of the overlap is not emitted again
        assertThat(fixture.drain(enumerator, 0)).containsExactly("a", "late");
        assertThat(fixture.context.counter(StacDiscoveryMetrics.ITEMS_DISCOVERED)).isEqualTo(2);
    }

    @Test
    void anItemPublishedLaterThanTheLookbackAfterItsAcquisitionIsNotSearchedAgain() {
        // Given the cursor at hour 120 with a 48 h look-back
        fixture.search.publish(item("a", at(120)));
        StacSplitEnumerator enumerator = fixture.start();
        fixture.context.runDiscoveryRound();

        // When an acquisition of hour 24 is published now (96 h late) and a round runs
        fixture.search.publish(item("too-late", at(24)));
        fixture.context.runDiscoveryRound();

        // Then it is outside the searched range [72 h, ..) and never emitted: the look-back must cover the delay
        assertThat(fixture.search.lastRequest().datetime()).contains(DatetimeInterval.of(at(72), null));
        assertThat(fixture.drain(enumerator, 0)).containsExactly("a");
    }

    @ParameterizedTest(name = "{0} emits the versions published at hours {1}")
    @CsvSource({"SKIP, 50", "REEMIT, 50;60"})
    void republishedItemFollowsThePolicy(RepublishPolicy policy, String emittedVersionHours) {
        // Given an item published at hour 50 and discovered
        fixture.search.publish(item("a", at(48), at(50)));
        StacSplitEnumerator enumerator = fixture.start(settings(policy, 3, 100), StacStartingPosition.earliest(),
                false);
        fixture.context.runDiscoveryRound();

        // When the same item is re-published at hour 60, and a later round sees that version again
        fixture.search.publish(item("a", at(48), at(60)));
        fixture.context.runDiscoveryRound();
        fixture.context.runDiscoveryRound();

        // Then the policy decides which versions are emitted (each as its own split); both count one re-publication
        fixture.drain(enumerator, 0);
        List<StacItemSplit> emitted = fixture.context.splitsAssignedTo(0);
        assertThat(emitted).extracting(split -> split.updated().orElseThrow())
                .containsExactlyElementsOf(Arrays.stream(emittedVersionHours.split(";"))
                        .map(hours -> at(Long.parseLong(hours))).toList());
        assertThat(emitted).extracting(StacItemSplit::splitId).doesNotHaveDuplicates();
        assertThat(fixture.context.counter(StacDiscoveryMetrics.ITEMS_REPUBLISHED)).isEqualTo(1);
    }

    @Test
    void theSameIdInTwoCollectionsIsTwoItems() {
        // Given one id in two collections
        fixture.search.publish(
                TestItems.item("sentinel-2-l2a", "S2B_32TMT_20250601_0_L2A", at(10), null),
                TestItems.item("sentinel-2-l1c", "S2B_32TMT_20250601_0_L2A", at(10), null));
        StacSplitEnumerator enumerator = fixture.start();

        // When two rounds run
        fixture.context.runDiscoveryRound();
        fixture.context.runDiscoveryRound();

        // Then both items are emitted once
        fixture.drain(enumerator, 0);
        assertThat(fixture.context.splitsAssignedTo(0))
                .extracting(split -> split.collection().orElseThrow())
                .containsExactlyInAnyOrder("sentinel-2-l2a", "sentinel-2-l1c");
    }

    @Test
    void theRecentItemWindowStaysBoundedWhileTheFeedGoesOn() {
        // Given a feed that publishes one acquisition per day for 30 days, one per round
        StacSplitEnumerator enumerator = fixture.start();
        int days = 30;
        long maxWindow = 0;
        for (int day = 0; day < days; day++) {
            fixture.search.publish(item("day-" + day, at(24L * day)));

            // When each round runs
            fixture.context.runDiscoveryRound();
            maxWindow = Math.max(maxWindow, fixture.context.gauge(StacDiscoveryMetrics.RECENT_ITEMS));
        }

        // Then every item is emitted exactly once, and the window never held more than the 2-day look-back (+1)
        assertThat(fixture.drain(enumerator, 0)).hasSize(days).doesNotHaveDuplicates();
        assertThat(maxWindow).isEqualTo(3);
        assertThat(enumerator.snapshotState(1).recentItems())
                .extracting(SeenItem::itemId)
                .containsExactly("day-27", "day-28", "day-29");
    }

    @Test
    void latestRecordsWhatExistsAtStartAndEmitsOnlyWhatAppearsLater() {
        // Given two items acquired in the day before the job starts
        Instant now = fixture.clock.instant();
        fixture.search.publish(item("old-1", now.minus(Duration.ofHours(20))),
                item("old-2", now.minus(Duration.ofHours(10))));
        StacSplitEnumerator enumerator = fixture.start(settings(), StacStartingPosition.latest(), false);

        // When the baseline round runs, then an item acquired before the start is published, and a round runs
        fixture.context.runDiscoveryRound();
        assertThat(fixture.search.lastRequest().datetime()).contains(DatetimeInterval.of(now.minus(LOOKBACK), null));
        fixture.search.publish(item("new", now.minus(Duration.ofHours(5))));
        fixture.context.runDiscoveryRound();

        // Then only the new item is emitted
        assertThat(fixture.drain(enumerator, 0)).containsExactly("new");
        assertThat(fixture.context.counter(StacDiscoveryMetrics.ITEMS_DISCOVERED)).isEqualTo(1);
    }

    @Test
    void fromDatetimeIsAFloorThatTheLookbackNeverCrosses() {
        // Given items before and after the starting datetime of hour 24
        fixture.search.publish(item("before", at(12)), item("after", at(25)));
        StacSplitEnumerator enumerator = fixture.start(settings(), StacStartingPosition.fromDatetime(at(24)), false);

        // When two rounds run (the second from max(floor, 25 h - 48 h))
        fixture.context.runDiscoveryRound();
        fixture.context.runDiscoveryRound();

        // Then both searched from the floor and only the later item is emitted
        assertThat(fixture.search.requests()).extracting(request -> request.datetime().orElseThrow())
                .containsOnly(DatetimeInterval.of(at(24), null));
        assertThat(fixture.drain(enumerator, 0)).containsExactly("after");
    }

    @Test
    void anItemDatedInTheFutureCannotPushTheCursorPastTheClock() {
        // Given a wall clock at hour 240 and a bogus item dated a year ahead
        fixture.clock.advance(Duration.between(fixture.clock.instant(), at(240)));
        fixture.search.publish(item("bogus-future", at(240 + 24 * 365)));
        StacSplitEnumerator enumerator = fixture.start();
        fixture.context.runDiscoveryRound();

        // When an item of hour 230 is published and a round runs
        fixture.search.publish(item("real", at(230)));
        fixture.context.runDiscoveryRound();

        // Then the cursor stopped at the clock, so the real item is still inside the searched range
        assertThat(fixture.context.gauge(StacDiscoveryMetrics.HIGH_WATER_MARK_MS)).isEqualTo(at(240).toEpochMilli());
        assertThat(fixture.drain(enumerator, 0)).containsExactlyInAnyOrder("bogus-future", "real");
    }

    @Test
    void aRoundDueWhileThePreviousResultIsOnItsWayDoesNotSearchFromTheOldCursor() {
        // Given a round whose search finished but whose result the coordinator thread has not applied yet
        fixture.search.publish(item("a", at(0)), item("b", at(1)));
        StacSplitEnumerator enumerator = fixture.start();
        DiscoveryRound first = fixture.context.startDiscoveryRound();

        // When the next round comes due before that, and then both results reach the coordinator thread
        DiscoveryRound second = fixture.context.startDiscoveryRound();
        first.finish();
        second.finish();

        // Then only the first searched; the round after them searches from the advanced cursor
        assertThat(fixture.search.requests()).hasSize(1);
        fixture.context.runDiscoveryRound();
        assertThat(fixture.search.requests()).hasSize(2);
        assertThat(fixture.search.lastRequest().datetime()).contains(DatetimeInterval.of(at(1).minus(LOOKBACK), null));
        assertThat(fixture.context.counter(StacDiscoveryMetrics.DISCOVERY_ROUNDS)).isEqualTo(2);
        assertThat(fixture.drain(enumerator, 0)).containsExactly("a", "b");
    }

    @Test
    void itemsAServerReturnsBelowTheSearchedRangeAreDroppedAndCounted() {
        // Given the cursor at hour 100, and a server that ignores the datetime filter
        fixture.search.publish(item("a", at(100)));
        StacSplitEnumerator enumerator = fixture.start();
        fixture.context.runDiscoveryRound();
        fixture.search.ignoreDatetimeFilter();

        // When an acquisition of hour 1 is published and a round runs
        fixture.search.publish(item("ancient", at(1)));
        fixture.context.runDiscoveryRound();

        // Then it is skipped with a count, not emitted
        assertThat(fixture.drain(enumerator, 0)).containsExactly("a");
        assertThat(fixture.context.counter(StacDiscoveryMetrics.ITEMS_SKIPPED)).isEqualTo(1);
    }

    @Test
    void roundsReportPagesAndTheDiscoveryLagOfTheFreshestItem() {
        // Given three items published 2 h, 3 h and 5 h before the round (the fake serves 2 items per page)
        Instant now = fixture.clock.instant();
        fixture.search.publish(
                item("a", DAY0, now.minus(Duration.ofHours(5))),
                item("b", DAY0, now.minus(Duration.ofHours(2))),
                item("c", DAY0, now.minus(Duration.ofHours(3))));
        fixture.start();

        // When a round runs
        fixture.context.runDiscoveryRound();

        // Then two pages were fetched, and the lag is that of the freshest item
        assertThat(fixture.context.counter(StacDiscoveryMetrics.PAGES_FETCHED)).isEqualTo(2);
        assertThat(fixture.context.counter(StacDiscoveryMetrics.DISCOVERY_ROUNDS)).isEqualTo(1);
        assertThat(fixture.context.gauge(StacDiscoveryMetrics.DISCOVERY_LAG_MS))
                .isEqualTo(Duration.ofHours(2).toMillis());
        assertThat(fixture.context.gauge("unassignedSplits")).isEqualTo(3);
    }
}
