package dev.stacstream.sinks.manifest;

import dev.stacstream.sinks.kerchunk.item.AssetProblem;
import dev.stacstream.sinks.kerchunk.item.AssetSource;
import dev.stacstream.sinks.kerchunk.item.ItemManifestBuilder;
import java.util.List;

/**
 * The representability check the plan stage runs on an item's references, so that an asset (or overview level) no
 * zarr codec can express reaches the {@code errors} table with its reason, once, when the item arrives; the
 * committer applies the same rules and leaves those assets out.
 */
public final class ManifestChecks {

    private ManifestChecks() {}

    /** What the item's manifest will leave out, and why (empty when every asset is expressible). */
    public static List<AssetProblem> problems(ItemReferences refs) {
        ItemManifestBuilder builder = ItemManifestBuilder.forItem(refs.item());
        for (AssetSource asset : refs.assets()) {
            builder.add(asset);
        }
        return builder.build().problems();
    }
}
