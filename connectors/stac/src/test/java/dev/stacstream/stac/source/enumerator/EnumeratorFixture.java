package dev.stacstream.stac.source.enumerator;

import dev.stacstream.stac.client.SearchRequest;
import dev.stacstream.stac.source.config.DiscoverySettings;
import dev.stacstream.stac.source.config.RepublishPolicy;
import dev.stacstream.stac.source.config.StacStartingPosition;
import dev.stacstream.stac.source.split.StacItemSplit;
import dev.stacstream.stac.source.testing.DiscoveryTestContext;
import dev.stacstream.stac.source.testing.FakeItemSearch;
import dev.stacstream.stac.source.testing.ManualClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One enumerator under test with its collaborators: a {@link FakeItemSearch}, a {@link ManualClock} and a
 * {@link DiscoveryTestContext} with registered readers.
 */
final class EnumeratorFixture {

    /** Acquisition day 0 of the test feeds. */
    static final Instant DAY0 = Instant.parse("2025-06-01T00:00:00Z");
    /** Wall-clock time of the tests: after every acquisition unless a test moves it. */
    static final Instant NOW = Instant.parse("2025-07-01T00:00:00Z");
    static final Duration LOOKBACK = Duration.ofDays(2);
    static final Duration POLL_INTERVAL = Duration.ofMinutes(1);
    static final int MAX_FAILURES = 3;
    static final int MAX_PENDING = 100;

    final FakeItemSearch search = new FakeItemSearch();
    final ManualClock clock = new ManualClock(NOW);
    final DiscoveryTestContext context;

    EnumeratorFixture(int readers) {
        context = new DiscoveryTestContext(readers);
        for (int subtask = 0; subtask < readers; subtask++) {
            context.registerReader(subtask, "localhost");
        }
    }

    /** {@code hours} after {@link #DAY0}. */
    static Instant at(long hours) {
        return DAY0.plus(Duration.ofHours(hours));
    }

    static DiscoverySettings settings() {
        return settings(RepublishPolicy.SKIP, MAX_FAILURES, MAX_PENDING);
    }

    static DiscoverySettings settings(RepublishPolicy policy, int maxFailures, int maxPending) {
        return new DiscoverySettings(POLL_INTERVAL, LOOKBACK, policy, maxFailures, maxPending);
    }

    /** A continuous enumerator from {@code earliest()} with {@link #settings()}, started. */
    StacSplitEnumerator start() {
        return start(settings(), StacStartingPosition.earliest(), false);
    }

    StacSplitEnumerator start(DiscoverySettings settings, StacStartingPosition start, boolean bounded) {
        return restore(StacEnumeratorState.initial(DiscoveryPosition.initial(start, clock.instant())),
                settings, bounded);
    }

    StacSplitEnumerator restore(StacEnumeratorState state, DiscoverySettings settings, boolean bounded) {
        StacSplitEnumerator enumerator = new StacSplitEnumerator(
                context, search.provider(), SearchRequest.builder().build(), settings, bounded, state, clock);
        enumerator.start();
        return enumerator;
    }

    /**
     * Lets reader {@code subtask} ask for splits until none is left, as a reader that emits each item at once
     * would, and returns the ids of every item it was given so far. The reader ends up waiting for a split.
     */
    List<String> drain(StacSplitEnumerator enumerator, int subtask) {
        int before;
        do {
            before = context.splitsAssignedTo(subtask).size();
            enumerator.handleSplitRequest(subtask, "localhost");
        } while (context.splitsAssignedTo(subtask).size() > before);
        return itemIds(context.splitsAssignedTo(subtask));
    }

    static List<String> itemIds(List<StacItemSplit> splits) {
        return splits.stream().map(StacItemSplit::itemId).toList();
    }
}
