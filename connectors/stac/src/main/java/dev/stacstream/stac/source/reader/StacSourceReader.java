package dev.stacstream.stac.source.reader;

import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.source.split.StacItemSplit;

import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Emits the item of each assigned split once, with the item's {@code datetime} as the record timestamp.
 *
 * <p>The item JSON travels in the split, so there is no I/O here and the reader runs entirely in the task's
 * mailbox thread, without a fetcher thread. It asks the enumerator for one split at a time: at start (unless
 * splits were restored) and whenever its queue runs empty. An emitted split leaves the queue in the same step,
 * so a checkpoint never lists an item that was already emitted, and a restored reader never emits it again.
 */
public final class StacSourceReader implements SourceReader<StacItem, StacItemSplit> {

    private final SourceReaderContext context;
    private final ArrayDeque<StacItemSplit> splits = new ArrayDeque<>();
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private boolean noMoreSplits;
    /** Copy of the queue length for the metric reporter thread, which must not touch the queue. */
    private volatile long queuedItems;

    public StacSourceReader(SourceReaderContext context) {
        this.context = context;
        context.metricGroup().setPendingRecordsGauge(() -> queuedItems);
    }

    @Override
    public void start() {
        // Restored splits arrive through addSplits before start(); ask only if there are none (as FileSource does).
        if (splits.isEmpty()) {
            context.sendSplitRequest();
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<StacItem> output) {
        StacItemSplit split = splits.poll();
        if (split != null) {
            queuedItems = splits.size();
            output.collect(split.item(), split.datetime().toEpochMilli());
            if (splits.isEmpty() && !noMoreSplits) {
                context.sendSplitRequest();
            }
            return InputStatus.MORE_AVAILABLE;
        }
        if (noMoreSplits) {
            return InputStatus.END_OF_INPUT;
        }
        if (available.isDone()) {
            available = new CompletableFuture<>();
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public List<StacItemSplit> snapshotState(long checkpointId) {
        return new ArrayList<>(splits);
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<StacItemSplit> newSplits) {
        splits.addAll(newSplits);
        queuedItems = splits.size();
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public void close() {
        // Nothing to release: the reader holds no connections or threads.
    }
}
