package dev.stacstream.sinks.kerchunk.item;

import dev.stacstream.sinks.kerchunk.zarr.GroupNames;
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

    /** Folder of items without a collection in {@link #jsonPath()} and {@link #parquetRoot()}. */
    public static final String NO_COLLECTION = "_";

    /** {@code <collection>/items/<id>.json}: this item's manifest, relative to the manifests root (spec §4). */
    public String jsonPath() {
        return folder() + id + ".json";
    }

    /** {@code <collection>/items/<id>.parq}: the folder of this item's Parquet references. */
    public String parquetRoot() {
        return folder() + id + ".parq";
    }

    private String folder() {
        String c = collection == null ? NO_COLLECTION : collection;
        for (String part : new String[] {c, id}) {
            GroupNames.problem(part).ifPresent(p -> {
                throw new IllegalArgumentException("item " + id + " has no manifest path: " + p);
            });
        }
        return c + "/items/";
    }

    /** The id, datetime and collection of a STAC item. */
    public static ItemInfo of(StacItem item) {
        return new ItemInfo(item.id(), item.datetime(), item.collection());
    }
}
