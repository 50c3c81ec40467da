package dev.stacstream.stac.source.enumerator;

import dev.stacstream.stac.source.split.StacItemSplit;

import java.util.List;

/**
 * What applying one discovery round to the cursor produced.
 *
 * @param splits the splits to hand to readers, ordered by item {@code datetime}
 * @param newItems items seen for the first time (emitted unless the round was a baseline)
 * @param republished items seen again with a newer {@code updated} (emitted only under {@code REEMIT})
 * @param duplicates items seen again without a newer {@code updated}
 * @param outOfWindow items the server returned below the searched lower bound, dropped
 * @param baseline whether the round was the silent baseline of {@code latest()}, which emits nothing
 */
record RoundOutcome(
        List<StacItemSplit> splits, int newItems, int republished, int duplicates, int outOfWindow, boolean baseline) {
}
