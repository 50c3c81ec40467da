package dev.stacstream.job.plan;

import java.time.Instant;
import java.util.List;

/**
 * One unit of work: one work window of one item, with every asset (bands and mask) it needs. The read stage
 * fetches its blocks, the decode stage turns them into masked pixels and partial aggregates.
 *
 * @param tile the item's grid tile (e.g. an MGRS code), used in output keys
 * @param windowIndex this window's index in {@code windows} (row-major)
 * @param windows the item's work windows, of which this is one
 */
public record BlockTask(
        String itemId,
        String collection,
        Instant datetime,
        String tile,
        int windowIndex,
        WindowGrid windows,
        List<AssetWindow> assets) {

    public BlockTask {
        if (windows == null) {
            throw new IllegalArgumentException("block task of item " + itemId + " needs its window grid");
        }
        if (windowIndex < 0 || windowIndex >= windows.count()) {
            throw new IllegalArgumentException("window index " + windowIndex + " of item " + itemId + " is outside the "
                    + windows.count() + " windows of " + windows);
        }
        assets = List.copyOf(assets);
    }

    /** Windows of the item. */
    public int windowCount() {
        return windows.count();
    }

    /** A short description for errors and logs: "item S2A_... window 3/16". */
    public String describe() {
        return "item " + itemId + " window " + (windowIndex + 1) + "/" + windowCount();
    }
}
