package dev.stacstream.stac.source.enumerator;

import dev.stacstream.stac.source.split.StacItemSplit;

import org.apache.flink.api.connector.source.SplitEnumeratorContext;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lazy, pull-based assignment: discovered splits wait here until a reader asks for one, so slow readers are not
 * handed more work than they can take and fast ones are not idle.
 *
 * <p>Not thread-safe: owned by the enumerator's coordinator thread.
 */
final class SplitAssignments {

    private final ArrayDeque<StacItemSplit> pending;
    private final Set<Integer> awaitingReaders = new LinkedHashSet<>();

    SplitAssignments(Collection<StacItemSplit> restoredPending) {
        this.pending = new ArrayDeque<>(restoredPending);
    }

    /** Queues newly discovered splits behind the pending ones. */
    void enqueue(Collection<StacItemSplit> splits) {
        pending.addAll(splits);
    }

    /** Puts the splits of a failed reader back at the head of the queue, in their original order. */
    void returnSplits(List<StacItemSplit> splits) {
        for (int i = splits.size() - 1; i >= 0; i--) {
            pending.addFirst(splits.get(i));
        }
    }

    void readerRequested(int subtask) {
        awaitingReaders.add(subtask);
    }

    /**
     * Gives one pending split to each waiting reader while there are some; when {@code noMoreSplits} (a bounded
     * source whose pass is done) and nothing is pending, tells the waiting readers that their input ended.
     */
    void assign(SplitEnumeratorContext<StacItemSplit> context, boolean noMoreSplits) {
        Iterator<Integer> readers = awaitingReaders.iterator();
        while (readers.hasNext()) {
            int subtask = readers.next();
            if (!context.registeredReaders().containsKey(subtask)) {
                // The reader failed after asking; it asks again once it is back.
                readers.remove();
            } else if (!pending.isEmpty()) {
                context.assignSplit(pending.poll(), subtask);
                readers.remove();
            } else if (noMoreSplits) {
                context.signalNoMoreSplits(subtask);
                readers.remove();
            } else {
                return;
            }
        }
    }

    int pendingCount() {
        return pending.size();
    }

    List<StacItemSplit> pendingSplits() {
        return List.copyOf(pending);
    }
}
