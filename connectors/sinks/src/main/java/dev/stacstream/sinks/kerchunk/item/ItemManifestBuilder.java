package dev.stacstream.sinks.kerchunk.item;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.zarr.GroupNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the manifest of one STAC item ({@link #forItem}) or of a set of COG files ({@link #forFiles}): a root
 * group and one group per asset ({@code docs/manifest-spec.md} §3). Assets that cannot be expressed are left out
 * and reported, never silently dropped. Building reads nothing unless an inline threshold is set.
 *
 * <pre>{@code
 * ItemManifest m = ItemManifestBuilder.forItem(new ItemInfo(item.id(), item.datetime(), item.collection()))
 *         .add(AssetSource.of("red", href, cog).withValues(values.withStacBands(asset.rasterBands())))
 *         .build();
 * }</pre>
 */
public final class ItemManifestBuilder {

    private final ItemInfo item;
    private final ManifestKind kind;
    private final List<AssetSource> assets = new ArrayList<>();
    private ChunkInliner inliner = ChunkInliner.NONE;

    private ItemManifestBuilder(ItemInfo item, ManifestKind kind) {
        this.item = item;
        this.kind = kind;
    }

    /** A manifest of {@code item}'s assets. */
    public static ItemManifestBuilder forItem(ItemInfo item) {
        return new ItemManifestBuilder(item, ManifestKind.ITEM);
    }

    /** A manifest of COG files, one group per file. */
    public static ItemManifestBuilder forFiles() {
        return new ItemManifestBuilder(null, ManifestKind.FILES);
    }

    /** Inlines chunks stored in fewer than the inliner's threshold bytes (default: none). */
    public ItemManifestBuilder inline(ChunkInliner chunkInliner) {
        this.inliner = chunkInliner;
        return this;
    }

    /** Adds an asset; its {@link AssetSource#name()} names its group. */
    public ItemManifestBuilder add(AssetSource asset) {
        assets.add(asset);
        return this;
    }

    public ItemManifest build() {
        ReferenceSet refs = new ReferenceSet();
        refs.putGroup("", rootAttributes());
        List<String> groups = new ArrayList<>();
        List<AssetProblem> problems = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        AssetGroupWriter writer = new AssetGroupWriter(inliner);
        for (AssetSource asset : assets) {
            Optional<String> badName = GroupNames.problem(asset.name());
            if (badName.isPresent() || !names.add(asset.name())) {
                problems.add(new AssetProblem(asset.name(), asset.href(), AssetProblem.WHOLE_ASSET,
                        badName.orElse("a second asset named '" + asset.name() + "'")));
                continue;
            }
            List<AssetProblem> found = writer.write(refs, asset.name(), asset, item);
            problems.addAll(found);
            if (found.stream().noneMatch(AssetProblem::wholeAsset)) {
                groups.add(asset.name());
            }
        }
        return new ItemManifest(refs, groups, problems);
    }

    private ObjectNode rootAttributes() {
        ObjectNode attrs = ManifestVersion.stamp(JsonNodeFactory.instance.objectNode(), kind);
        if (item != null) {
            attrs.put("item_id", item.id());
            if (item.collection() != null) {
                attrs.put("collection", item.collection());
            }
            attrs.put("datetime", item.datetime().toString());
        }
        return attrs;
    }
}
