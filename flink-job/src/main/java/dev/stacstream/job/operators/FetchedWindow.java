package dev.stacstream.job.operators;

import dev.stacstream.job.plan.BlockTask;
import dev.stacstream.sinks.row.ErrorRow;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A block task with the stored bytes of its blocks as the storage layer returned them, without a copy (per asset,
 * index-aligned with the asset's blocks;
 * {@code null} for sparse blocks), or the error that stopped the read. Lives only inside the read-decode
 * chain: compressed bytes never cross a network shuffle.
 */
public record FetchedWindow(BlockTask task, List<List<ByteBuffer>> blocks, ErrorRow failure) {

    public static FetchedWindow ok(BlockTask task, List<List<ByteBuffer>> blocks) {
        return new FetchedWindow(task, blocks, null);
    }

    public static FetchedWindow failed(BlockTask task, ErrorRow failure) {
        return new FetchedWindow(task, List.of(), failure);
    }

    public boolean isFailed() {
        return failure != null;
    }
}
