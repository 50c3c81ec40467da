package dev.stacstream.job.operators;

import dev.stacstream.sinks.row.OutputPeriod;

/**
 * Statistics of one band over one chunk of output cells, from one work window of one item, or (in the period
 * stage's state) merged across the windows of a period's items. This, not pixels, is what crosses the network.
 *
 * @param itemId the item of the window; in an accumulator, the item of its first window
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
        long eventTime,
        CellChunk cells) {

    /** Key of the chunk across items: collection, tile, band, period and chunk position. */
    public String chunkKey() {
        return collection + '|' + tile + '|' + band + '|' + period.label() + '|' + chunkX + '|' + chunkY;
    }

    public ChunkPartial withCells(CellChunk merged) {
        return new ChunkPartial(itemId, collection, tile, band, period, grid, chunkX, chunkY, eventTime, merged);
    }
}
