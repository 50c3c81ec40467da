package dev.stacstream.stac.source.metrics;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;

import java.time.Duration;
import java.time.Instant;

/**
 * The discovery metrics of a {@code StacSource}, registered on the split enumerator's metric group (JobManager).
 *
 * <p>Counters are updated on the coordinator thread; gauges read volatile copies of coordinator-thread state, so
 * the metric reporter thread never touches the enumerator's collections. Gauges that have no value yet report
 * {@link #UNDEFINED}.
 */
public final class StacDiscoveryMetrics {

    /** Value of a gauge that has nothing to report yet. */
    public static final long UNDEFINED = -1L;

    /** Items seen for the first time and handed to readers (baseline items of {@code latest()} excluded). */
    public static final String ITEMS_DISCOVERED = "itemsDiscovered";
    /** Items found again with a newer {@code updated}, whichever the republish policy. */
    public static final String ITEMS_REPUBLISHED = "itemsRepublished";
    /** Items dropped: skipped by the client with a reason, or returned below the searched datetime bound. */
    public static final String ITEMS_SKIPPED = "itemsSkipped";
    /** Discovery rounds applied (a round is one full search pass over all pages). */
    public static final String DISCOVERY_ROUNDS = "discoveryRounds";
    /** Result pages fetched by applied rounds. */
    public static final String PAGES_FETCHED = "pagesFetched";
    /** Failed discovery rounds. */
    public static final String DISCOVERY_FAILURES = "discoveryFailures";
    /** Failed rounds since the last successful one. */
    public static final String CONSECUTIVE_DISCOVERY_FAILURES = "consecutiveDiscoveryFailures";
    /** Milliseconds from the publication ({@code updated}, else {@code created}) of the freshest item of the last
     * round that emitted items to the end of that round. */
    public static final String DISCOVERY_LAG_MS = "discoveryLagMs";
    /** Entries of the recent-item window (the deduplication state). */
    public static final String RECENT_ITEMS = "recentItems";
    /** The cursor's high-water mark on item {@code datetime}, epoch milliseconds. */
    public static final String HIGH_WATER_MARK_MS = "highWaterMarkMs";

    private final Counter itemsDiscovered = new SimpleCounter();
    private final Counter itemsRepublished = new SimpleCounter();
    private final Counter itemsSkipped = new SimpleCounter();
    private final Counter discoveryRounds = new SimpleCounter();
    private final Counter pagesFetched = new SimpleCounter();
    private final Counter discoveryFailures = new SimpleCounter();

    private volatile long consecutiveFailures;
    private volatile long discoveryLagMs = UNDEFINED;
    private volatile long unassignedSplits;
    private volatile long recentItems;
    private volatile long highWaterMarkMs = UNDEFINED;

    public StacDiscoveryMetrics(SplitEnumeratorMetricGroup group) {
        group.counter(ITEMS_DISCOVERED, itemsDiscovered);
        group.counter(ITEMS_REPUBLISHED, itemsRepublished);
        group.counter(ITEMS_SKIPPED, itemsSkipped);
        group.counter(DISCOVERY_ROUNDS, discoveryRounds);
        group.counter(PAGES_FETCHED, pagesFetched);
        group.counter(DISCOVERY_FAILURES, discoveryFailures);
        group.gauge(CONSECUTIVE_DISCOVERY_FAILURES, (Gauge<Long>) () -> consecutiveFailures);
        group.gauge(DISCOVERY_LAG_MS, (Gauge<Long>) () -> discoveryLagMs);
        group.gauge(RECENT_ITEMS, (Gauge<Long>) () -> recentItems);
        group.gauge(HIGH_WATER_MARK_MS, (Gauge<Long>) () -> highWaterMarkMs);
        group.setUnassignedSplitsGauge(() -> unassignedSplits);
    }

    /** Records an applied round. */
    public void roundApplied(int pages, int newItems, int republished, long skipped) {
        discoveryRounds.inc();
        pagesFetched.inc(pages);
        itemsDiscovered.inc(newItems);
        itemsRepublished.inc(republished);
        itemsSkipped.inc(skipped);
        consecutiveFailures = 0;
    }

    /** Records a failed round; {@code consecutive} counts it. */
    public void roundFailed(int consecutive) {
        discoveryFailures.inc();
        consecutiveFailures = consecutive;
    }

    public void discoveryLag(Duration lag) {
        discoveryLagMs = lag.toMillis();
    }

    /** Publishes the enumerator's current sizes and cursor to the gauges. */
    public void state(int unassigned, int recent, Instant highWaterMark) {
        unassignedSplits = unassigned;
        recentItems = recent;
        highWaterMarkMs = highWaterMark == null ? UNDEFINED : highWaterMark.toEpochMilli();
    }
}
