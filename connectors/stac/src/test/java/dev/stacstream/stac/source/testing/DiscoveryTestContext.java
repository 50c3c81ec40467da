package dev.stacstream.stac.source.testing;

import dev.stacstream.stac.source.split.StacItemSplit;

import org.apache.flink.connector.testutils.source.reader.TestingSplitEnumeratorContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.apache.flink.metrics.testutils.MetricListener;
import org.apache.flink.runtime.metrics.groups.InternalSplitEnumeratorMetricGroup;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * Flink's {@link TestingSplitEnumeratorContext} with two additions for discovery tests.
 *
 * <ul>
 *   <li>The periodic discovery call is captured instead of scheduled: {@link #runDiscoveryRound()} runs one round
 *       (worker part, then coordinator part, as Flink does), and {@link #startDiscoveryRound()} /
 *       {@link DiscoveryRound#finish()} split the two so that a test can start a second round before the first
 *       one's result is applied. An exception thrown by the coordinator part (a job failure in Flink) reaches the
 *       test.
 *   <li>Metrics are registered in a {@link MetricListener}, so tests can read them.
 * </ul>
 */
public final class DiscoveryTestContext extends TestingSplitEnumeratorContext<StacItemSplit> {

    /** The group that {@link InternalSplitEnumeratorMetricGroup} adds below its parent, as on a JobManager. */
    private static final String ENUMERATOR_GROUP = "enumerator";

    private final MetricListener metrics = new MetricListener();
    private Callable<Object> discovery;
    private BiConsumer<Object, Throwable> handler;
    private long periodMillis;

    public DiscoveryTestContext(int parallelism) {
        super(parallelism);
    }

    @Override
    public SplitEnumeratorMetricGroup metricGroup() {
        return new InternalSplitEnumeratorMetricGroup(metrics.getMetricGroup());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void callAsync(
            Callable<T> callable, BiConsumer<T, Throwable> resultHandler, long initialDelay, long period) {
        if (discovery != null) {
            throw new IllegalStateException("The enumerator scheduled a second periodic call");
        }
        this.discovery = (Callable<Object>) callable;
        this.handler = (BiConsumer<Object, Throwable>) resultHandler;
        this.periodMillis = period;
    }

    /** Runs one discovery round to completion. */
    public void runDiscoveryRound() {
        startDiscoveryRound().finish();
    }

    /** Runs the worker part of a round; its result is applied by {@link DiscoveryRound#finish()}. */
    public DiscoveryRound startDiscoveryRound() {
        if (discovery == null) {
            throw new IllegalStateException("No discovery scheduled: was the enumerator started?");
        }
        try {
            return new DiscoveryRound(discovery.call(), null);
        } catch (Exception e) {
            return new DiscoveryRound(null, e);
        }
    }

    public long discoveryPeriodMillis() {
        return periodMillis;
    }

    public List<StacItemSplit> splitsAssignedTo(int subtask) {
        SplitAssignmentState<StacItemSplit> state = getSplitAssignments().get(subtask);
        return state == null ? List.of() : state.getAssignedSplits();
    }

    public boolean noMoreSplitsSignalledTo(int subtask) {
        SplitAssignmentState<StacItemSplit> state = getSplitAssignments().get(subtask);
        return state != null && state.hasReceivedNoMoreSplitsSignal();
    }

    public long counter(String name) {
        return metrics.getCounter(ENUMERATOR_GROUP, name).map(Counter::getCount)
                .orElseThrow(() -> new AssertionError("No counter " + name));
    }

    public long gauge(String name) {
        return metrics.<Long>getGauge(ENUMERATOR_GROUP, name).map(Gauge::getValue)
                .orElseThrow(() -> new AssertionError("No gauge " + name));
    }

    /** A round whose worker part ran and whose result is not applied yet. */
    public final class DiscoveryRound {

        private final Object result;
        private final Throwable error;

        private DiscoveryRound(Object result, Throwable error) {
            this.result = result;
            this.error = error;
        }

        /** Applies the result on the (test's) coordinator thread. */
        public void finish() {
            handler.accept(result, error);
        }
    }
}
