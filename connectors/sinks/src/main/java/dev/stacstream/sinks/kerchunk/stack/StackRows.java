package dev.stacstream.sinks.kerchunk.stack;

import dev.stacstream.sinks.kerchunk.ChunkRef;
import dev.stacstream.sinks.kerchunk.tiff.LevelLayout;

/**
 * The chunk references of a stack's new version, by chunk number: chunk {@code n} is block {@code n % P} of time step
 * {@code n / P} (P chunks per step, C order with time first), taken from the old version or from the new item.
 * Chunk numbers are asked in increasing order within a record, so the old version is read as a cursor.
 */
final class StackRows {

    /** The old version's references by old chunk number ({@code null} for absent). */
    interface OldRows {
        ChunkRef get(long oldChunkNumber);
    }

    private final StackMerge merge;
    private final long perStep;
    private final OldRows old;

    StackRows(StackMerge merge, OldRows old) {
        this.merge = merge;
        this.perStep = merge.next.chunksPerStep();
        this.old = old;
    }

    /** Total chunks of the new version. */
    long size() {
        return perStep * merge.slots.size();
    }

    /** Chunks before this number are the same as in the old version. */
    long firstChangedChunk() {
        return perStep * merge.firstChanged;
    }

    /** The reference of chunk {@code n}, or {@code null} when absent (a sparse block). */
    ChunkRef get(long n) {
        StackMerge.Slot slot = merge.slots.get((int) (n / perStep));
        long block = n % perStep;
        if (slot.item() == null) {
            return old.get(slot.oldIndex() * perStep + block);
        }
        LevelLayout level = slot.item().asset().levels().get(0);
        int b = (int) block;
        return level.isSparse(b) ? null
                : new ChunkRef.Range(slot.item().asset().href(), level.offsets()[b], level.byteCounts()[b]);
    }
}
