package dev.stacstream.stac.source.enumerator;

import dev.stacstream.stac.source.split.StacItemSplit;

import java.util.List;
import java.util.Objects;

/**
 * The enumerator's checkpoint: the discovery position, the recent-item window that deduplicates the look-back
 * overlap, and the discovered splits no reader has taken yet. Splits already assigned are not here; they are in
 * the readers' state. Its size is bounded by one look-back window of item ids plus the pending splits, however
 * long the job runs.
 *
 * <p>Immutable.
 */
public final class StacEnumeratorState {

    private final DiscoveryPosition position;
    private final List<SeenItem> recentItems;
    private final List<StacItemSplit> pendingSplits;

    public StacEnumeratorState(
            DiscoveryPosition position, List<SeenItem> recentItems, List<StacItemSplit> pendingSplits) {
        this.position = Objects.requireNonNull(position, "position");
        this.recentItems = List.copyOf(recentItems);
        this.pendingSplits = List.copyOf(pendingSplits);
    }

    /** The state of a source that has not discovered anything yet. */
    public static StacEnumeratorState initial(DiscoveryPosition position) {
        return new StacEnumeratorState(position, List.of(), List.of());
    }

    public DiscoveryPosition position() {
        return position;
    }

    public List<SeenItem> recentItems() {
        return recentItems;
    }

    public List<StacItemSplit> pendingSplits() {
        return pendingSplits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StacEnumeratorState other
                && position.equals(other.position)
                && recentItems.equals(other.recentItems)
                && pendingSplits.equals(other.pendingSplits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, recentItems, pendingSplits);
    }

    @Override
    public String toString() {
        return String.format("StacEnumeratorState{%s, %d recent items, %d pending splits}",
                position, recentItems.size(), pendingSplits.size());
    }
}
