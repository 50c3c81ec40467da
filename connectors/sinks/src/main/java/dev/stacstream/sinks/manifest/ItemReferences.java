package dev.stacstream.sinks.manifest;

import dev.stacstream.sinks.kerchunk.item.AssetSource;
import dev.stacstream.sinks.kerchunk.item.ItemInfo;
import dev.stacstream.sinks.kerchunk.item.ItemManifest;
import dev.stacstream.sinks.kerchunk.item.ItemManifestBuilder;
import dev.stacstream.sinks.kerchunk.stack.StackItem;
import dev.stacstream.sinks.kerchunk.stack.StackKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the plan stage knows about one item once it has read the asset headers: enough to write the item's
 * manifest and to append the item to the time stack of each of its assets, without another read. The record the
 * job sends to the {@link ManifestSink}.
 *
 * @param item the item's id, datetime and collection
 * @param tile the grid tile the item belongs to (MGRS, WRS-2 path/row, or {@code EPSG:<code>} when unknown)
 * @param assets the assets whose headers were read, in the order the pipeline names them
 */
public record ItemReferences(ItemInfo item, String tile, List<AssetSource> assets) {

    public ItemReferences {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(tile, "tile");
        assets = List.copyOf(assets);
    }

    /**
     * The item's manifest: one group per asset that can be expressed as references, and the assets (or overview
     * levels) left out with the reason. Deterministic, and reads nothing: the plan stage calls it to report the
     * problems to the {@code errors} table, the committer to write the manifest.
     */
    public ItemManifest manifest() {
        ItemManifestBuilder builder = ItemManifestBuilder.forItem(item);
        assets.forEach(builder::add);
        return builder.build();
    }

    /** The time stack of each asset of this item, keyed by (collection, tile, asset). */
    public Map<StackKey, StackItem> stackItems() {
        String collection = item.collection() == null ? ItemInfo.NO_COLLECTION : item.collection();
        Map<StackKey, StackItem> out = new LinkedHashMap<>();
        for (AssetSource asset : assets) {
            out.put(new StackKey(collection, tile, asset.name()), new StackItem(item, asset));
        }
        return out;
    }
}
