package dev.stacstream.stac.source.enumerator;

import dev.stacstream.stac.model.StacItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items discovery has seen whose {@code datetime} is still inside the search window. Each round searches
 * again from {@code highWaterMark - lookback}, so every item in that overlap comes back; this window is what
 * recognises them. Entries below the window are pruned as the high-water mark advances, so the size is bounded by
 * the number of items in one look-back period, not by the life of the job.
 *
 * <p>Not thread-safe: owned by the enumerator's coordinator thread.
 */
final class RecentItemWindow {

    /** How a sighting relates to what the window already holds. */
    enum Sighting {
        /** Not seen before. */
        NEW,
        /** Seen before with the same or a newer {@code updated}. */
        DUPLICATE,
        /** Seen before with an older (or no) {@code updated}: the publisher released a new version. */
        REPUBLISHED
    }

    private final Map<SeenItem.ItemKey, SeenItem> items = new HashMap<>();

    static RecentItemWindow restore(Collection<SeenItem> entries) {
        RecentItemWindow window = new RecentItemWindow();
        for (SeenItem entry : entries) {
            window.items.put(entry.key(), entry);
        }
        return window;
    }

    /** Records {@code item} (with its cursor time) and classifies the sighting. */
    Sighting observe(StacItem item, Instant cursorTime) {
        Instant updated = item.updated().orElse(null);
        SeenItem sighting = new SeenItem(item.collection(), item.id(), cursorTime, updated);
        SeenItem previous = items.get(sighting.key());
        if (previous == null) {
            items.put(sighting.key(), sighting);
            return Sighting.NEW;
        }
        boolean newer = updated != null && (previous.updated() == null || updated.isAfter(previous.updated()));
        if (!newer) {
            return Sighting.DUPLICATE;
        }
        items.put(sighting.key(), sighting);
        return Sighting.REPUBLISHED;
    }

    /** Forgets the entries whose cursor time is before {@code threshold} (exclusive: equal times stay). */
    void pruneBefore(Instant threshold) {
        items.values().removeIf(entry -> entry.cursorTime().isBefore(threshold));
    }

    int size() {
        return items.size();
    }

    /** The entries in {@link SeenItem#CHECKPOINT_ORDER}. */
    List<SeenItem> snapshot() {
        List<SeenItem> entries = new ArrayList<>(items.values());
        entries.sort(SeenItem.CHECKPOINT_ORDER);
        return entries;
    }
}
