package dev.stacstream.sinks.kerchunk.stack;

import dev.stacstream.sinks.kerchunk.zarr.GroupNames;
import java.util.Objects;

/**
 * Which time stack: one per (collection, grid tile, asset). Gives the stack's deterministic file names
 * ({@code docs/manifest-spec.md} §4), relative to the manifests root.
 */
public record StackKey(String collection, String tile, String asset) {

    public StackKey {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(tile, "tile");
        Objects.requireNonNull(asset, "asset");
        for (String part : new String[] {collection, tile, asset}) {
            GroupNames.problem(part).ifPresent(p -> {
                throw new IllegalArgumentException("time stack " + collection + "/" + tile + "/" + asset + ": " + p);
            });
        }
        if (StackCoordinates.NAMES.contains(asset)) {
            throw new IllegalArgumentException("time stack asset '" + asset + "' would collide with the coordinate"
                    + " arrays " + StackCoordinates.NAMES);
        }
    }

    /** {@code <collection>/<tile>/<asset>.json}. */
    public String jsonPath() {
        return collection + "/" + tile + "/" + asset + ".json";
    }

    /** {@code <collection>/<tile>/<asset>.parq}: the folder of the Parquet references. */
    public String parquetRoot() {
        return collection + "/" + tile + "/" + asset + ".parq";
    }

    @Override
    public String toString() {
        return collection + "/" + tile + "/" + asset;
    }
}
