package dev.stacstream.job.operators;

import dev.stacstream.cog.plan.BlockRef;
import dev.stacstream.job.plan.AssetWindow;
import dev.stacstream.job.plan.BlockTask;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.ErrorStage;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.NotFoundException;
import dev.stacstream.storage.AccessDeniedException;
import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.RangeReaders;
import dev.stacstream.storage.SharedClients;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.StorageOptions;
import dev.stacstream.storage.TruncatedReadException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Fetches the blocks of a {@link BlockTask}, one batched (coalesced, retried) read per asset. A read that
 * fails after the storage layer's retries completes the task as failed (recorded in the errors table) instead of
 * failing the job; only a bug escapes as an exception.
 *
 * <p>Runs in Flink's async I/O operator: {@code asyncInvoke} is called on the task thread and must not block;
 * the futures complete on the storage clients' I/O threads.
 */
public final class ReadBlocksFunction extends RichAsyncFunction<BlockTask, FetchedWindow> {

    private static final long serialVersionUID = 1L;

    private final StorageOptions storage;
    private transient SharedClients clients;
    private transient Counter blocksRead;
    private transient Counter bytesRead;
    private transient Counter readFailures;

    public ReadBlocksFunction(StorageOptions storage) {
        this.storage = storage;
    }

    @Override
    public void open(OpenContext context) {
        clients = new SharedClients();
        var metrics = getRuntimeContext().getMetricGroup().addGroup("read");
        blocksRead = metrics.counter("blocks");
        bytesRead = metrics.counter("bytes");
        readFailures = metrics.counter("failures");
    }

    @Override
    public void close() {
        if (clients != null) {
            clients.close();
        }
    }

    @Override
    public void asyncInvoke(BlockTask task, ResultFuture<FetchedWindow> result) {
        List<CompletableFuture<List<ByteBuffer>>> perAsset = new ArrayList<>(task.assets().size());
        for (AssetWindow asset : task.assets()) {
            perAsset.add(read(asset));
        }
        CompletableFuture.allOf(perAsset.toArray(CompletableFuture[]::new)).whenComplete((ignored, error) -> {
            if (error == null) {
                List<List<ByteBuffer>> blocks = new ArrayList<>(perAsset.size());
                perAsset.forEach(f -> blocks.add(f.join()));
                result.complete(List.of(FetchedWindow.ok(task, blocks)));
                return;
            }
            readFailures.inc();
            result.complete(List.of(FetchedWindow.failed(task, failure(task, perAsset, error))));
        });
    }

    @Override
    public void timeout(BlockTask task, ResultFuture<FetchedWindow> result) {
        readFailures.inc();
        result.complete(List.of(FetchedWindow.failed(task, ErrorRow.of(task.itemId(), ErrorStage.READ, "timeout",
                task.describe() + ": reading its blocks did not finish within the read timeout", Instant.now()))));
    }

    private CompletableFuture<List<ByteBuffer>> read(AssetWindow asset) {
        List<ByteRange> ranges = new ArrayList<>();
        for (BlockRef b : asset.blocks()) {
            if (!b.isSparse()) {
                ranges.add(b.range());
            }
        }
        if (ranges.isEmpty()) {
            List<ByteBuffer> none = new ArrayList<>();
            asset.blocks().forEach(b -> none.add(null));
            return CompletableFuture.completedFuture(none);
        }
        RangeReader reader = RangeReaders.open(asset.href(), storage, clients);
        return reader.readAll(ranges).whenComplete((ok, error) -> reader.close()).thenApply(buffers -> {
            List<ByteBuffer> out = new ArrayList<>(asset.blocks().size());
            int next = 0;
            for (BlockRef b : asset.blocks()) {
                if (b.isSparse()) {
                    out.add(null);
                    continue;
                }
                ByteBuffer buf = buffers.get(next++);
                out.add(buf);
                blocksRead.inc();
                bytesRead.inc(buf.remaining());
            }
            return out;
        });
    }

    private static ErrorRow failure(BlockTask task, List<CompletableFuture<List<ByteBuffer>>> perAsset, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        AssetWindow asset = null;
        for (int i = 0; i < perAsset.size(); i++) {
            if (perAsset.get(i).isCompletedExceptionally()) {
                asset = task.assets().get(i);
                break;
            }
        }
        String kind = cause instanceof NotFoundException ? "not_found"
                : cause instanceof AccessDeniedException ? "access_denied"
                : cause instanceof TruncatedReadException ? "malformed" : "io";
        int attempts = cause instanceof StorageException se ? Math.max(1, se.attempts()) : 1;
        ErrorRow row = ErrorRow.of(task.itemId(), ErrorStage.READ, kind, task.describe() + ": " + cause.getMessage(),
                Instant.now()).withAttempts(attempts);
        if (asset != null) {
            row = row.withAsset(asset.key(), asset.href());
            if (cause instanceof StorageException se && se.range() != null) {
                for (BlockRef b : asset.blocks()) {
                    if (b.range() != null && b.range().offset() < se.range().end() && se.range().offset() < b.range().end()) {
                        row = row.withBlock(b.index());
                    }
                }
            }
        }
        return row;
    }
}
