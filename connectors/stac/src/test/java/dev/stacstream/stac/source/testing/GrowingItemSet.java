package dev.stacstream.stac.source.testing;

import dev.stacstream.stac.model.StacItem;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items a {@link LoopbackStacApi} serves; tests publish more while a job runs. Publishing an item with the
 * collection and id of a served one replaces it, as a STAC publisher's re-publication does. Thread-safe.
 */
final class GrowingItemSet {

    /** The order of search results: acquisition time, then collection and id, like a datetime-sorted server. */
    private static final Comparator<StacItem> SERVER_ORDER = Comparator.comparing(StacItem::datetime)
            .thenComparing(item -> item.collection() == null ? "" : item.collection())
            .thenComparing(StacItem::id);

    private final Map<String, StacItem> items = new LinkedHashMap<>();

    synchronized void publish(List<StacItem> published) {
        for (StacItem item : published) {
            items.put(item.collection() + "/" + item.id(), item);
        }
    }

    /**
     * The items of the given collections (all if empty) with {@code datetime} in {@code [from, to]} (null = open),
     * in server order.
     */
    synchronized List<StacItem> matching(List<String> collections, Instant from, Instant to) {
        return items.values().stream()
                .filter(item -> collections.isEmpty() || collections.contains(item.collection()))
                .filter(item -> from == null || !item.datetime().isBefore(from))
                .filter(item -> to == null || !item.datetime().isAfter(to))
                .sorted(SERVER_ORDER)
                .toList();
    }
}
