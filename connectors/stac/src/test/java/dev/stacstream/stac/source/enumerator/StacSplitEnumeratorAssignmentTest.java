package dev.stacstream.stac.source.enumerator;

import static dev.stacstream.stac.source.enumerator.EnumeratorFixture.at;
import static dev.stacstream.stac.source.enumerator.EnumeratorFixture.itemIds;
import static dev.stacstream.stac.source.enumerator.EnumeratorFixture.settings;
import static dev.stacstream.stac.source.testing.TestItems.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.stac.client.StacHttpException;
import dev.stacstream.stac.source.config.RepublishPolicy;
import dev.stacstream.stac.source.config.StacStartingPosition;
import dev.stacstream.stac.source.split.StacItemSplit;

import org.junit.jupiter.api.Test;

import java.util.List;

/** Pull-based assignment, back-pressure on discovery, bounded end of input, and restore. */
class StacSplitEnumeratorAssignmentTest {

    @Test
    void eachRequestGetsOnePendingSplitOldestFirst() {
        // Given two readers and three items discovered
        EnumeratorFixture fixture = new EnumeratorFixture(2);
        fixture.search.publish(item("c", at(3)), item("a", at(1)), item("b", at(2)));
        StacSplitEnumerator enumerator = fixture.start();
        fixture.context.runDiscoveryRound();

        // When each reader asks once
        enumerator.handleSplitRequest(0, "localhost");
        enumerator.handleSplitRequest(1, "localhost");

        // Then each got one split, in datetime order, and one is still pending
        assertThat(itemIds(fixture.context.splitsAssignedTo(0))).containsExactly("a");
        assertThat(itemIds(fixture.context.splitsAssignedTo(1))).containsExactly("b");
        assertThat(enumerator.snapshotState(1).pendingSplits()).extracting(StacItemSplit::itemId)
                .containsExactly("c");
    }

    @Test
    void aWaitingReaderGetsTheFirstSplitOfTheNextRound() {
        // Given a reader waiting while nothing is published
        EnumeratorFixture fixture = new EnumeratorFixture(1);
        StacSplitEnumerator enumerator = fixture.start();
        enumerator.handleSplitRequest(0, "localhost");
        fixture.context.runDiscoveryRound();
        assertThat(fixture.context.splitsAssignedTo(0)).isEmpty();

        // When an item is published and a round runs
        fixture.search.publish(item("a", at(1)));
        fixture.context.runDiscoveryRound();

        // Then the waiting reader got it without asking again
        assertThat(itemIds(fixture.context.splitsAssignedTo(0))).containsExactly("a");
    }

    @Test
    void splitsOfAFailedReaderGoBackToTheHeadOfTheQueue() {
        // Given reader 0 holding two splits it had not checkpointed, and one split pending
        EnumeratorFixture fixture = new EnumeratorFixture(2);
        fixture.search.publish(item("a", at(1)), item("b", at(2)), item("c", at(3)));
        StacSplitEnumerator enumerator = fixture.start();
        fixture.context.runDiscoveryRound();
        enumerator.handleSplitRequest(0, "localhost");
        enumerator.handleSplitRequest(0, "localhost");
        List<StacItemSplit> lost = List.copyOf(fixture.context.splitsAssignedTo(0));

        // When Flink returns them after the reader failed, and reader 1 asks
        enumerator.addSplitsBack(lost, 0);
        List<String> toReader1 = fixture.drain(enumerator, 1);

        // Then reader 1 gets them first, in their original order
        assertThat(toReader1).containsExactly("a", "b", "c");
    }

    @Test
    void discoveryPausesWhileTooManySplitsArePending() {
        // Given at most 2 pending splits, and 3 items discovered that no reader has taken
        EnumeratorFixture fixture = new EnumeratorFixture(1);
        fixture.search.publish(item("a", at(1)), item("b", at(2)), item("c", at(3)));
        StacSplitEnumerator enumerator = fixture.start(settings(RepublishPolicy.SKIP, 3, 2),
                StacStartingPosition.earliest(), false);
        fixture.context.runDiscoveryRound();

        // When the next round is due
        fixture.context.runDiscoveryRound();

        // Then it does not search
        assertThat(fixture.search.requests()).hasSize(1);

        // When the reader takes two splits (one left pending) and the next round is due
        enumerator.handleSplitRequest(0, "localhost");
        enumerator.handleSplitRequest(0, "localhost");
        fixture.context.runDiscoveryRound();

        // Then discovery resumed
        assertThat(fixture.search.requests()).hasSize(2);
    }

    @Test
    void aBoundedSourceMakesOnePassThenEndsTheInputOfEachReaderThatAsksForMore() {
        // Given a bounded source and two items
        EnumeratorFixture fixture = new EnumeratorFixture(2);
        fixture.search.publish(item("a", at(1)), item("b", at(2)));
        StacSplitEnumerator enumerator = fixture.start(settings(), StacStartingPosition.earliest(), true);

        // When its pass runs, more items appear, further rounds are due, and the readers drain the splits
        fixture.context.runDiscoveryRound();
        fixture.search.publish(item("after-the-pass", at(3)));
        fixture.context.runDiscoveryRound();
        List<String> toReader0 = fixture.drain(enumerator, 0);
        enumerator.handleSplitRequest(1, "localhost");

        // Then there was one search, the pass's items were assigned, and both readers were told input has ended
        assertThat(fixture.search.requests()).hasSize(1);
        assertThat(toReader0).containsExactly("a", "b");
        assertThat(fixture.context.noMoreSplitsSignalledTo(0)).isTrue();
        assertThat(fixture.context.noMoreSplitsSignalledTo(1)).isTrue();
    }

    @Test
    void aBoundedPassThatFailedIsRetriedOnTheNextPoll() {
        // Given a bounded source whose first search fails
        EnumeratorFixture fixture = new EnumeratorFixture(1);
        fixture.search.publish(item("a", at(1)));
        fixture.search.failNextSearches(new StacHttpException("POST", "https://stac.example.test/v1/search", 503,
                "Service Unavailable", 4));
        StacSplitEnumerator enumerator = fixture.start(settings(), StacStartingPosition.earliest(), true);
        fixture.context.runDiscoveryRound();
        enumerator.handleSplitRequest(0, "localhost");
        assertThat(fixture.context.noMoreSplitsSignalledTo(0)).isFalse();

        // When the next round runs
        fixture.context.runDiscoveryRound();

        // Then the pass completed, and the reader gets the item and then the end of input
        assertThat(fixture.drain(enumerator, 0)).containsExactly("a");
        assertThat(fixture.context.noMoreSplitsSignalledTo(0)).isTrue();
    }

    @Test
    void aRestoredEnumeratorResumesCursorWindowAndPendingSplits() throws Exception {
        // Given an enumerator that discovered a and b, assigned a, and was checkpointed (through its serializer)
        EnumeratorFixture before = new EnumeratorFixture(1);
        before.search.publish(item("a", at(1)), item("b", at(2)));
        StacSplitEnumerator original = before.start();
        before.context.runDiscoveryRound();
        original.handleSplitRequest(0, "localhost");
        StacEnumeratorStateSerializer serializer = StacEnumeratorStateSerializer.INSTANCE;
        StacEnumeratorState checkpoint = serializer.deserialize(serializer.getVersion(),
                serializer.serialize(original.snapshotState(7)));

        // When a new enumerator restores it against a server that also has c, and a round runs
        EnumeratorFixture after = new EnumeratorFixture(1);
        after.search.publish(item("a", at(1)), item("b", at(2)), item("c", at(3)));
        StacSplitEnumerator restored = after.restore(checkpoint, settings(), false);
        after.context.runDiscoveryRound();

        // Then it searched from the restored cursor, and only b (pending) and c (new) reach the reader
        assertThat(after.search.lastRequest().datetime().orElseThrow().start()).contains(at(2).minus(
                EnumeratorFixture.LOOKBACK));
        assertThat(after.drain(restored, 0)).containsExactly("b", "c");
    }

    @Test
    void theSearchIsOpenedByTheFirstRoundAndClosedWithTheEnumerator() throws Exception {
        // Given a started enumerator
        EnumeratorFixture fixture = new EnumeratorFixture(1);
        StacSplitEnumerator enumerator = fixture.start();
        assertThat(fixture.search.createdCount()).isZero();

        // When two rounds run and the enumerator closes
        fixture.context.runDiscoveryRound();
        fixture.context.runDiscoveryRound();
        enumerator.close();

        // Then one search was created, used by both rounds, and closed
        assertThat(fixture.search.createdCount()).isEqualTo(1);
        assertThat(fixture.search.requests()).hasSize(2);
        assertThat(fixture.search.isClosed()).isTrue();
        assertThat(fixture.context.discoveryPeriodMillis()).isEqualTo(EnumeratorFixture.POLL_INTERVAL.toMillis());
    }
}
