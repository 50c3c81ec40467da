package dev.stacstream.job.operators;

/**
 * The two merges of chunk partials, apart from the keyed state and timers around them ({@link ItemChunkMerge},
 * {@link PeriodChunkAggregate}), so that a benchmark times the job's own merge steps.
 *
 * <p>Both take the accumulator from keyed state ({@code null} for the key's first record) and return the one to
 * store. The first record becomes the accumulator without a copy: it arrives through a keyBy, deserialized, so the
 * operator owns it.
 */
public final class ChunkMerges {

    private ChunkMerges() {}

    /** Merges one work window's partial into the item's pending chunk, counting the window among its parts. */
    public static ChunkPartial windowIntoItem(ChunkPartial pending, ChunkPartial window) {
        if (pending == null) {
            return window;
        }
        pending.cells().merge(window.cells());
        return pending.withParts(pending.parts() + window.parts());
    }

    /**
     * Merges an item's complete chunk into the period's accumulator: each cell the item covers counts one more item.
     * The first item's chunk is counted as one item in place ({@link CellChunk#asFirstItem}).
     */
    public static ChunkPartial itemIntoPeriod(ChunkPartial period, ChunkPartial item) {
        if (period == null) {
            return item.withParts(1).withCells(item.cells().asFirstItem());
        }
        period.cells().mergeItem(item.cells());
        return period;
    }
}
