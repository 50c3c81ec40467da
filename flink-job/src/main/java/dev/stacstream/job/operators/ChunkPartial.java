package dev.stacstream.job.operators;

import dev.stacstream.sinks.row.OutputPeriod;

/**
 * Statistics of one band over one chunk of output cells, from one work window of one item ({@code parts == 1}),
 * from all windows of one item, or merged across items. This, not pixels, is what crosses the network.
 *
 * @param expectedParts how many work windows of the item touch this chunk (known from the plan), so the
 *     per-item merge knows when the item is complete
 * @param parts how many windows have been merged in
 * @param eventTime the item's datetime, in epoch milliseconds
 */
public record ChunkPartial(
        String itemId,
        String collection,
        String tile,
        String band,
        OutputPeriod period,
        OutputGrid grid,
        long chunkX,
        long chunkY,
        int expectedParts,
        int parts,
        long eventTime,
        CellChunk cells) {

    /** Key of the chunk across items: collection, tile, band, period and chunk position. */
    public String chunkKey() {
        return collection + '|' + tile + '|' + band + '|' + period.label() + '|' + chunkX + '|' + chunkY;
    }

    /** Key of the chunk within one item. */
    public String itemChunkKey() {
        return itemId + '|' + chunkKey();
    }

    public boolean isItemComplete() {
        return parts >= expectedParts;
    }

    public ChunkPartial withParts(int mergedParts) {
        return new ChunkPartial(itemId, collection, tile, band, period, grid, chunkX, chunkY, expectedParts, mergedParts,
                eventTime, cells);
    }

    public ChunkPartial withCells(CellChunk merged) {
        return new ChunkPartial(itemId, collection, tile, band, period, grid, chunkX, chunkY, expectedParts, parts,
                eventTime, merged);
    }
}
