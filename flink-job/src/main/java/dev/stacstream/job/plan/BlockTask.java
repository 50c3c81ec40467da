package dev.stacstream.job.plan;

import java.time.Instant;
import java.util.List;

/**
 * One unit of work: one work window of one item, with every asset (bands and mask) it needs. The read stage
 * fetches its blocks, the decode stage turns them into masked pixels and partial aggregates.
 *
 * @param tile the item's grid tile (e.g. an MGRS code), used in output keys
 * @param windowIndex this window's index among the item's {@code windowCount} windows
 */
public record BlockTask(
        String itemId,
        String collection,
        Instant datetime,
        String tile,
        int windowIndex,
        int windowCount,
        List<AssetWindow> assets) {

    public BlockTask {
        assets = List.copyOf(assets);
    }

    /** A short description for errors and logs: "item S2A_... window 3/16". */
    public String describe() {
        return "item " + itemId + " window " + (windowIndex + 1) + "/" + windowCount;
    }
}
