package dev.stacstream.sinks.kerchunk.item;

import dev.stacstream.stac.model.StacItem;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The STAC item a manifest describes: its id, datetime and collection (which may be {@code null}).
 */
public record ItemInfo(String id, Instant datetime, String collection) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ItemInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(datetime, "datetime");
        if (id.isBlank()) {
            throw new IllegalArgumentException("item id is blank");
        }
    }

    /** The id, datetime and collection of a STAC item. */
    public static ItemInfo of(StacItem item) {
        return new ItemInfo(item.id(), item.datetime(), item.collection());
    }
}
