package dev.stacstream.sinks.kerchunk.item;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.sinks.kerchunk.ChunkRef;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.tiff.LevelArrays;
import dev.stacstream.sinks.kerchunk.tiff.LevelLayout;
import dev.stacstream.sinks.kerchunk.tiff.ReferenceValidator;
import dev.stacstream.sinks.kerchunk.zarr.JsonValues;
import dev.stacstream.sinks.kerchunk.zarr.ZarrArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one asset as a zarr group of its levels ({@code docs/manifest-spec.md} §3): the group's attributes
 * (multiscales, href, CRS, geotransform, nodata, scale/offset, item), and per level an array {@code 0}, {@code 1},
 * ... with its attributes and chunk references. Levels are checked with {@link ReferenceValidator} first.
 */
final class AssetGroupWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String MULTISCALES_VERSION = "0.1";

    private final ChunkInliner inliner;

    AssetGroupWriter(ChunkInliner inliner) {
        this.inliner = inliner;
    }

    /**
     * Adds {@code asset} as the group {@code path} of {@code refs}; returns the problems (a whole-asset problem
     * means nothing was added).
     */
    List<AssetProblem> write(ReferenceSet refs, String path, AssetSource asset, ItemInfo item) {
        List<AssetProblem> problems = new ArrayList<>();
        List<LevelLayout> levels = representableLevels(asset, problems);
        if (levels.isEmpty()) {
            return problems;
        }
        refs.putGroup(path, groupAttributes(asset, levels.size(), item));
        ZarrArray full = LevelArrays.array(levels.get(0));
        for (int l = 0; l < levels.size(); l++) {
            LevelLayout level = levels.get(l);
            ZarrArray array = LevelArrays.array(level);
            String arrayPath = ReferenceSet.key(path, Integer.toString(l));
            refs.putArray(arrayPath, array, levelAttributes(asset, l, level, array, full));
            Map<Integer, byte[]> inlined = inliner.inline(asset.href(), level);
            for (int b = 0; b < level.blockCount(); b++) {
                if (level.isSparse(b)) {
                    continue;
                }
                byte[] bytes = inlined.get(b);
                refs.putChunk(arrayPath, b, bytes != null ? new ChunkRef.Inline(bytes)
                        : new ChunkRef.Range(asset.href(), level.offsets()[b], level.byteCounts()[b]));
            }
        }
        return problems;
    }

    /** Level 0 and the overviews after it up to the first one that cannot be expressed or has another layout. */
    private static List<LevelLayout> representableLevels(AssetSource asset, List<AssetProblem> problems) {
        List<LevelLayout> out = new ArrayList<>();
        LevelLayout full = asset.levels().get(0);
        for (int l = 0; l < asset.levels().size(); l++) {
            LevelLayout level = asset.levels().get(l);
            Optional<String> reason = ReferenceValidator.check(level);
            if (reason.isEmpty() && (level.samples() != full.samples() || level.planar() != full.planar())) {
                reason = Optional.of("the overview stores " + level.samples() + " sample(s) "
                        + (level.planar() ? "planar" : "chunky") + ", unlike level 0");
            }
            if (reason.isPresent()) {
                problems.add(new AssetProblem(asset.name(), asset.href(), l == 0 ? AssetProblem.WHOLE_ASSET : l,
                        reason.get()));
                break;
            }
            out.add(level);
        }
        return out;
    }

    private static ObjectNode groupAttributes(AssetSource asset, int levels, ItemInfo item) {
        ObjectNode attrs = JSON.objectNode();
        ObjectNode multiscale = attrs.putArray("multiscales").addObject();
        ArrayNode datasets = multiscale.putArray("datasets");
        for (int l = 0; l < levels; l++) {
            datasets.addObject().put("path", Integer.toString(l));
        }
        multiscale.putObject("metadata");
        multiscale.put("name", asset.name());
        multiscale.put("version", MULTISCALES_VERSION);
        attrs.put("href", asset.href());
        putGeo(attrs, asset, 0);
        BandValues values = asset.values();
        if (values.nodata() != null) {
            attrs.set("nodata", JsonValues.integralOrNumber(values.nodata()));
        }
        if (values.scaled()) {
            attrs.set("scale", JsonValues.numbers(values.scales()));
            attrs.set("offset", JsonValues.numbers(values.offsets()));
        }
        if (item != null) {
            attrs.put("item_id", item.id());
            attrs.put("datetime", item.datetime().toString());
        }
        return attrs;
    }

    static void putGeo(ObjectNode attrs, AssetSource asset, int level) {
        if (asset.epsg() > 0 && level == 0) {
            attrs.put("crs", "EPSG:" + asset.epsg());
            attrs.put("epsg", asset.epsg());
        }
        double[] gt = asset.geoTransform(level);
        if (gt != null) {
            attrs.set("geotransform", JsonValues.numbers(gt));
        }
    }

    private static ObjectNode levelAttributes(AssetSource asset, int l, LevelLayout level, ZarrArray array,
            ZarrArray full) {
        ObjectNode attrs = JSON.objectNode();
        ArrayNode dims = attrs.putArray("_ARRAY_DIMENSIONS");
        List<String> names = LevelArrays.dimensions(level);
        for (int axis = 0; axis < names.size(); axis++) {
            // tifffile: an axis keeps its name where its size equals level 0's, else gets the level appended.
            boolean same = array.shape().get(axis).equals(full.shape().get(axis));
            dims.add(same ? names.get(axis) : names.get(axis) + l);
        }
        double[] gt = asset.geoTransform(l);
        if (gt != null) {
            attrs.set("geotransform", JsonValues.numbers(gt));
        }
        BandValues values = asset.values();
        if (values.scaled() && values.uniform()) {
            attrs.set("scale_factor", JsonValues.number(values.scales()[0]));
            attrs.set("add_offset", JsonValues.number(values.offsets()[0]));
        }
        return attrs;
    }
}
