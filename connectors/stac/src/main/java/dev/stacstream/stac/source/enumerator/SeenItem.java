package dev.stacstream.stac.source.enumerator;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One entry of the recent-item window: an item that discovery has seen, with the times it needs to decide whether
 * a later sighting is a duplicate or a re-publication.
 *
 * @param collection the item's collection, or null
 * @param itemId the item's id (unique within its collection)
 * @param cursorTime the item's {@code datetime}, which decides when the entry leaves the window
 * @param updated the item's publication time, or null if it states none
 */
public record SeenItem(String collection, String itemId, Instant cursorTime, Instant updated) {

    /** The order in which checkpoints list entries, so that equal windows serialize to equal bytes. */
    static final Comparator<SeenItem> CHECKPOINT_ORDER = Comparator.comparing(SeenItem::cursorTime)
            .thenComparing(SeenItem::collection, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SeenItem::itemId);

    public SeenItem {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(cursorTime, "cursorTime");
    }

    ItemKey key() {
        return new ItemKey(collection, itemId);
    }

    /** STAC ids are unique within a collection only, so the collection is part of an item's identity. */
    record ItemKey(String collection, String itemId) {
    }
}
