package dev.stacstream.stac.source.split;

import dev.stacstream.stac.model.StacItem;

import org.apache.flink.api.connector.source.SourceSplit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One discovered STAC item, as a split: the unit the enumerator hands to a reader, which emits the item once.
 *
 * <p>The split carries the item's JSON, so reading it needs no I/O, plus the fields the enumerator and the
 * reader use without parsing it: collection, id, {@code datetime} (the event time) and {@code updated} (the
 * publication time, absent if the item states neither {@code updated} nor {@code created}).
 *
 * <p>The {@link #splitId() split id} is {@code collection/id@version}, where the version is {@code updated}
 * (else {@code datetime}): STAC ids are unique within a collection, and a re-emitted newer version of an item
 * (see {@code RepublishPolicy.REEMIT}) is a different split.
 *
 * <p>Immutable; reader progress is not needed because a split is emitted in one step.
 */
public final class StacItemSplit implements SourceSplit {

    private final String collection;
    private final String itemId;
    private final Instant datetime;
    private final Instant updated;
    private final String itemJson;

    /**
     * @param collection the item's collection, or {@code null} if it names none
     * @param updated the item's publication time, or {@code null}
     */
    public StacItemSplit(String collection, String itemId, Instant datetime, Instant updated, String itemJson) {
        this.collection = collection;
        this.itemId = Objects.requireNonNull(itemId, "itemId");
        this.datetime = Objects.requireNonNull(datetime, "datetime");
        this.updated = updated;
        this.itemJson = Objects.requireNonNull(itemJson, "itemJson");
    }

    /** The split of {@code item}, carrying its compact JSON. */
    public static StacItemSplit of(StacItem item) {
        return new StacItemSplit(
                item.collection(), item.id(), item.datetime(), item.updated().orElse(null), item.toJson());
    }

    @Override
    public String splitId() {
        return (collection == null ? "" : collection) + "/" + itemId + "@" + (updated == null ? datetime : updated);
    }

    /** Parses the carried JSON. */
    public StacItem item() {
        return StacItem.fromJson(itemJson);
    }

    public Optional<String> collection() {
        return Optional.ofNullable(collection);
    }

    public String itemId() {
        return itemId;
    }

    public Instant datetime() {
        return datetime;
    }

    public Optional<Instant> updated() {
        return Optional.ofNullable(updated);
    }

    public String itemJson() {
        return itemJson;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StacItemSplit other
                && Objects.equals(collection, other.collection)
                && itemId.equals(other.itemId)
                && datetime.equals(other.datetime)
                && Objects.equals(updated, other.updated)
                && itemJson.equals(other.itemJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(collection, itemId, datetime, updated, itemJson);
    }

    @Override
    public String toString() {
        return String.format("StacItemSplit{%s, datetime=%s, updated=%s, json=%d chars}",
                splitId(), datetime, updated, itemJson.length());
    }
}
