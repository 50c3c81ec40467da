package dev.stacstream.stac.source.enumerator;

import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.source.config.RepublishPolicy;
import dev.stacstream.stac.source.split.StacItemSplit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Continuous discovery's cursor: a {@link DiscoveryPosition} (high-water mark on item {@code datetime}, floor,
 * round count) plus the {@link RecentItemWindow} that deduplicates the look-back overlap. This is the whole
 * discovery state that a checkpoint needs besides the pending splits, and its size is bounded by one look-back
 * window of items.
 *
 * <p>Not thread-safe: owned by the enumerator's coordinator thread.
 */
final class DiscoveryCursor {

    private static final Comparator<StacItem> DATETIME_ORDER = Comparator.comparing(StacItem::datetime)
            .thenComparing(item -> item.collection() == null ? "" : item.collection())
            .thenComparing(StacItem::id);

    private final RecentItemWindow recent;
    private DiscoveryPosition position;

    DiscoveryCursor(DiscoveryPosition position, List<SeenItem> recentItems) {
        this.position = position;
        this.recent = RecentItemWindow.restore(recentItems);
    }

    DiscoveryPosition position() {
        return position;
    }

    int recentItemCount() {
        return recent.size();
    }

    List<SeenItem> recentItems() {
        return recent.snapshot();
    }

    /**
     * Applies the items of one round searched from the current position: classifies each against the window,
     * advances the high-water mark and prunes the entries that fell out of the next search range.
     *
     * @param items the round's items in server order (duplicates across pages are tolerated)
     * @param roundStartedAt wall-clock start of the round; the high-water mark never passes it, so that an item
     *     dated in the future cannot make the window skip the items published before it
     */
    RoundOutcome apply(List<StacItem> items, Instant roundStartedAt, RepublishPolicy policy, Duration lookback) {
        boolean baseline = position.baselinePending();
        Instant lowerBound = position.searchLowerBound(lookback);
        Instant highWaterMark = position.highWaterMark();
        List<StacItem> ordered = new ArrayList<>(items);
        ordered.sort(DATETIME_ORDER);

        List<StacItemSplit> splits = new ArrayList<>();
        int newItems = 0;
        int republished = 0;
        int duplicates = 0;
        int outOfWindow = 0;
        for (StacItem item : ordered) {
            Instant cursorTime = item.datetime();
            if (lowerBound != null && cursorTime.isBefore(lowerBound)) {
                // A server that ignores part of the datetime filter; the window cannot vouch for such items.
                outOfWindow++;
                continue;
            }
            switch (recent.observe(item, cursorTime)) {
                case NEW -> {
                    newItems++;
                    if (!baseline) {
                        splits.add(StacItemSplit.of(item));
                    }
                }
                case REPUBLISHED -> {
                    republished++;
                    if (!baseline && policy == RepublishPolicy.REEMIT) {
                        splits.add(StacItemSplit.of(item));
                    }
                }
                case DUPLICATE -> duplicates++;
            }
            Instant capped = cursorTime.isAfter(roundStartedAt) ? roundStartedAt : cursorTime;
            if (highWaterMark == null || capped.isAfter(highWaterMark)) {
                highWaterMark = capped;
            }
        }
        position = position.next(highWaterMark);
        Instant nextLowerBound = position.searchLowerBound(lookback);
        if (nextLowerBound != null) {
            recent.pruneBefore(nextLowerBound);
        }
        return new RoundOutcome(splits, newItems, republished, duplicates, outOfWindow, baseline);
    }
}
