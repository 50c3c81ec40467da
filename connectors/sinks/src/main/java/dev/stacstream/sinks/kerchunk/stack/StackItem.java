package dev.stacstream.sinks.kerchunk.stack;

import dev.stacstream.sinks.kerchunk.item.AssetSource;
import dev.stacstream.sinks.kerchunk.item.ItemInfo;
import java.io.Serializable;
import java.util.Objects;

/**
 * One item's asset to append to a time stack: the item (its id is the stack's identity, its datetime the order) and
 * the asset as parsed (its full-resolution level is stacked; its values give the per-time scale and offset).
 */
public record StackItem(ItemInfo item, AssetSource asset) implements Serializable {

    private static final long serialVersionUID = 1L;

    public StackItem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(asset, "asset");
    }

    /** The index entry of this item: (time, id) and its scale/offset (band 0; bands must agree, see the merge). */
    StackEntry entry() {
        return new StackEntry(item.id(), StackCoordinates.micros(item.datetime()), asset.values().scales()[0],
                asset.values().offsets()[0]);
    }
}
