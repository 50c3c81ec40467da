package dev.stacstream.stac.source.enumerator;

import dev.stacstream.stac.client.ItemSearch;
import dev.stacstream.stac.client.ItemSearchProvider;
import dev.stacstream.stac.client.SearchRequest;
import dev.stacstream.stac.client.SearchSummary;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.source.config.DiscoverySettings;
import dev.stacstream.stac.source.config.StacSourceOptions;
import dev.stacstream.stac.source.metrics.StacDiscoveryMetrics;
import dev.stacstream.stac.source.split.StacItemSplit;

import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Discovers STAC items round by round and hands them to readers as one split per item.
 *
 * <p><b>Threads.</b> Every {@code pollInterval} a round runs on the coordinator's worker thread
 * ({@link SplitEnumeratorContext#callAsync(java.util.concurrent.Callable, java.util.function.BiConsumer, long,
 * long) callAsync}): one full search pass from the cursor, all pages collected. Its result is applied on the
 * single coordinator thread, where all other methods run. The worker reads only the immutable {@link RoundPlan}
 * the coordinator thread publishes, and starts no round while the result of its previous one has not been handled
 * (a round that outlasts the poll interval would otherwise be followed at once by one from the old cursor). As a
 * safety net, a result is applied only if the cursor has not moved since its round started.
 *
 * <p><b>Cursor.</b> A round searches {@code datetime >= highWaterMark - lookback}; the recent-item window drops
 * what was already emitted (see {@link DiscoveryCursor}). A bounded source makes one pass and then tells each
 * reader that asks for more that there are no more splits. Discovery pauses while
 * {@code maxPendingSplits} splits wait for readers.
 *
 * <p><b>Failures.</b> A failed round changes nothing and is retried on the next poll. After more than
 * {@code maxConsecutiveFailures} failures in a row the enumerator throws {@link StacDiscoveryException} on the
 * coordinator thread, which fails the job.
 */
public final class StacSplitEnumerator implements SplitEnumerator<StacItemSplit, StacEnumeratorState> {

    private static final Logger LOG = LoggerFactory.getLogger(StacSplitEnumerator.class);

    private final SplitEnumeratorContext<StacItemSplit> context;
    private final ItemSearchProvider searchProvider;
    private final SearchRequest request;
    private final DiscoverySettings settings;
    private final boolean bounded;
    private final Clock clock;
    private final DiscoveryCursor cursor;
    private final SplitAssignments assignments;
    private final StacDiscoveryMetrics metrics;

    private int consecutiveFailures;
    private boolean paused;
    /** Searched rounds whose outcome was handled; coordinator thread. */
    private long handledRounds;
    /** Searched rounds started; worker thread only. */
    private long startedRounds;

    /** Written on the coordinator thread, read by the worker thread. */
    private volatile RoundPlan plan;
    /** Created and used on the worker thread; closed on the coordinator thread. */
    private volatile ItemSearch search;
    private volatile boolean closed;

    /**
     * @param bounded one pass, then end of input; otherwise poll forever
     * @param state the restored checkpoint, or the initial state of a fresh start
     * @param clock wall clock for round start times, the high-water-mark cap and the discovery-lag metric
     */
    public StacSplitEnumerator(
            SplitEnumeratorContext<StacItemSplit> context,
            ItemSearchProvider searchProvider,
            SearchRequest request,
            DiscoverySettings settings,
            boolean bounded,
            StacEnumeratorState state,
            Clock clock) {
        this.context = Objects.requireNonNull(context, "context");
        this.searchProvider = Objects.requireNonNull(searchProvider, "searchProvider");
        this.request = Objects.requireNonNull(request, "request");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bounded = bounded;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cursor = new DiscoveryCursor(state.position(), state.recentItems());
        this.assignments = new SplitAssignments(state.pendingSplits());
        this.metrics = new StacDiscoveryMetrics(context.metricGroup());
        publishPlan();
    }

    @Override
    public void start() {
        LOG.info("Starting STAC discovery from {} at {} ({} recent items, {} pending splits), every {}{}",
                searchProvider, cursor.position(), cursor.recentItemCount(), assignments.pendingCount(),
                settings.pollInterval(), bounded ? ", one pass" : "");
        context.callAsync(this::discover, this::applyRound, 0, settings.pollInterval().toMillis());
    }

    @Override
    public void handleSplitRequest(int subtask, String requesterHostname) {
        assignments.readerRequested(subtask);
        assignPending();
    }

    @Override
    public void addSplitsBack(List<StacItemSplit> splits, int subtask) {
        LOG.info("Reader {} failed before checkpointing {} split(s); they go back to the pending queue",
                subtask, splits.size());
        assignments.returnSplits(splits);
        assignPending();
    }

    @Override
    public void addReader(int subtask) {
        // Assignment is pull-based: a reader asks for its first split when it starts.
    }

    @Override
    public StacEnumeratorState snapshotState(long checkpointId) {
        return new StacEnumeratorState(cursor.position(), cursor.recentItems(), assignments.pendingSplits());
    }

    @Override
    public void close() {
        closed = true;
        ItemSearch current = search;
        if (current != null) {
            current.close();
        }
    }

    /**
     * One discovery round. Executed on the worker thread, which reads only the published plan, the search client and
     * its own round counter.
     */
    private DiscoveryResult discover() {
        RoundPlan current = plan;
        if (!current.searchNow() || closed || current.handledRounds() < startedRounds) {
            return DiscoveryResult.skipped(current.from());
        }
        startedRounds++;
        SearchRequest roundRequest = current.lowerBound() == null
                ? request
                : request.withDatetimeRange(current.lowerBound(), null);
        Instant startedAt = clock.instant();
        List<StacItem> items = new ArrayList<>();
        SearchSummary summary = itemSearch().search(roundRequest, items::addAll);
        return DiscoveryResult.completed(current.from(), startedAt, items, summary);
    }

    /** The worker thread's search client, created on first use so that creating it counts as discovery. */
    private ItemSearch itemSearch() {
        ItemSearch current = search;
        if (current == null) {
            current = searchProvider.create();
            search = current;
            if (closed) {
                current.close();
                throw new IllegalStateException("The enumerator closed while " + searchProvider + " was opened");
            }
        }
        return current;
    }

    /** Executed on the coordinator thread with the outcome of {@link #discover()}. */
    private void applyRound(DiscoveryResult result, Throwable error) {
        if (error != null) {
            handledRounds++;
            publishPlan();
            handleFailure(error);
            return;
        }
        if (!result.searched()) {
            return;
        }
        handledRounds++;
        if (!result.from().equals(cursor.position())) {
            LOG.warn("Dropping a discovery round that started from {}: the cursor has moved to {}",
                    result.from(), cursor.position());
            publishPlan();
            return;
        }
        consecutiveFailures = 0;
        RoundOutcome outcome = cursor.apply(
                result.items(), result.startedAt(), settings.republishPolicy(), settings.lookback());
        assignments.enqueue(outcome.splits());
        metrics.roundApplied(result.summary().pages(), outcome.baseline() ? 0 : outcome.newItems(),
                outcome.republished(), result.summary().skipped() + outcome.outOfWindow());
        recordDiscoveryLag(outcome.splits());
        logRound(result, outcome);
        if (discoveryFinished()) {
            LOG.info("Bounded discovery from {} is complete; {} split(s) left to assign",
                    searchProvider, assignments.pendingCount());
        }
        assignPending();
    }

    private void logRound(DiscoveryResult result, RoundOutcome outcome) {
        String message = "Discovery round from {}: {} page(s), {} item(s): {} new{}, {} re-published, {} duplicate,"
                + " {} below the window, {} skipped by the client; cursor now {}";
        Object[] arguments = {searchProvider, result.summary().pages(), result.items().size(), outcome.newItems(),
                outcome.baseline() ? " (baseline, not emitted)" : "", outcome.republished(), outcome.duplicates(),
                outcome.outOfWindow(), result.summary().skipped(), cursor.position()};
        // Rounds that change nothing are the normal case of a quiet feed: keep them out of the INFO log.
        boolean changed = outcome.newItems() + outcome.republished() + outcome.outOfWindow() > 0
                || result.summary().skipped() > 0;
        if (changed) {
            LOG.info(message, arguments);
        } else {
            LOG.debug(message, arguments);
        }
    }

    private void handleFailure(Throwable error) {
        consecutiveFailures++;
        metrics.roundFailed(consecutiveFailures);
        int tolerated = settings.maxConsecutiveFailures();
        if (consecutiveFailures > tolerated) {
            throw new StacDiscoveryException(String.format(
                    "STAC discovery from %s failed %d time(s) in a row, more than the %d tolerated ('%s'); last"
                            + " cause: %s", searchProvider, consecutiveFailures, tolerated,
                    StacSourceOptions.MAX_CONSECUTIVE_FAILURES.key(), error), error);
        }
        LOG.warn("STAC discovery from {} failed ({} of {} consecutive failures tolerated); retrying in {}",
                searchProvider, consecutiveFailures, tolerated, settings.pollInterval(), error);
    }

    private void recordDiscoveryLag(List<StacItemSplit> emitted) {
        emitted.stream()
                .flatMap(split -> split.updated().stream())
                .max(Instant::compareTo)
                .ifPresent(published -> metrics.discoveryLag(Duration.between(published, clock.instant())));
    }

    private boolean discoveryFinished() {
        return bounded && cursor.position().completedRounds() > 0;
    }

    private void assignPending() {
        assignments.assign(context, discoveryFinished());
        publishPlan();
    }

    /** Publishes the next round's plan and the gauges after any change of cursor or pending splits. */
    private void publishPlan() {
        boolean full = assignments.pendingCount() >= settings.maxPendingSplits();
        if (full != paused) {
            paused = full;
            LOG.info("{} STAC discovery: {} split(s) pending, limit {}", full ? "Pausing" : "Resuming",
                    assignments.pendingCount(), settings.maxPendingSplits());
        }
        DiscoveryPosition position = cursor.position();
        plan = new RoundPlan(position, position.searchLowerBound(settings.lookback()), !full && !discoveryFinished(),
                handledRounds);
        metrics.state(assignments.pendingCount(), cursor.recentItemCount(), position.highWaterMark());
    }
}
