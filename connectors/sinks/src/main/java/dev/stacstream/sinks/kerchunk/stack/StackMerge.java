package dev.stacstream.sinks.kerchunk.stack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.sinks.kerchunk.item.AssetSource;
import dev.stacstream.sinks.kerchunk.item.ManifestKind;
import dev.stacstream.sinks.kerchunk.item.ManifestVersion;
import dev.stacstream.sinks.kerchunk.tiff.LevelArrays;
import dev.stacstream.sinks.kerchunk.tiff.LevelLayout;
import dev.stacstream.sinks.kerchunk.tiff.ReferenceValidator;
import dev.stacstream.sinks.kerchunk.zarr.JsonValues;
import dev.stacstream.sinks.kerchunk.zarr.ZarrArray;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans one append: which items join (new ids that fit the stack), which are duplicates or rejected, and the new
 * order of time steps, each either an old step or a new item (spec §4 "Order and identity", "Compatibility").
 * Pure: reads and writes nothing.
 */
final class StackMerge {

    /** A time step of the new version: an old step ({@code item == null}) or a new item. */
    record Slot(int oldIndex, StackItem item) {}

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    final StackState next;
    final List<Slot> slots;
    /** The first time step whose content differs from the old version's at that index. */
    final int firstChanged;
    final List<String> appended;
    final List<String> duplicates;
    final List<AppendResult.Rejected> rejected;

    private StackMerge(StackState next, List<Slot> slots, int firstChanged, List<String> appended,
            List<String> duplicates, List<AppendResult.Rejected> rejected) {
        this.next = next;
        this.slots = slots;
        this.firstChanged = firstChanged;
        this.appended = appended;
        this.duplicates = duplicates;
        this.rejected = rejected;
    }

    static StackMerge plan(StackState old, List<StackItem> items) {
        Set<String> ids = new HashSet<>();
        old.entries().forEach(e -> ids.add(e.itemId()));
        List<String> duplicates = new ArrayList<>();
        List<AppendResult.Rejected> rejected = new ArrayList<>();
        List<StackItem> accepted = new ArrayList<>();
        ZarrArray template = old.isEmpty() ? null : old.dataArray().withFirstAxis(1);
        for (StackItem item : items) {
            if (ids.contains(item.item().id())) {
                duplicates.add(item.item().id());
                continue;
            }
            Optional<String> reason = problem(item.asset(), template);
            if (reason.isPresent()) {
                rejected.add(new AppendResult.Rejected(item.item().id(), reason.get()));
                continue;
            }
            if (template == null) {
                template = LevelArrays.array(item.asset().levels().get(0)).stacked(1);
            }
            ids.add(item.item().id());
            accepted.add(item);
        }
        accepted.sort((a, b) -> StackEntry.ORDER.compare(a.entry(), b.entry()));

        List<Slot> slots = new ArrayList<>();
        List<StackEntry> entries = new ArrayList<>();
        int i = 0;
        int j = 0;
        int firstChanged = old.entries().size();
        while (i < old.entries().size() || j < accepted.size()) {
            boolean takeOld = j == accepted.size() || (i < old.entries().size()
                    && StackEntry.ORDER.compare(old.entries().get(i), accepted.get(j).entry()) < 0);
            if (takeOld) {
                slots.add(new Slot(i, null));
                entries.add(old.entries().get(i++));
            } else {
                firstChanged = Math.min(firstChanged, slots.size());
                slots.add(new Slot(-1, accepted.get(j)));
                entries.add(accepted.get(j++).entry());
            }
        }
        StackState next = old;
        if (!accepted.isEmpty()) {
            StackItem first = accepted.get(0);
            next = new StackState(old.key(), old.isEmpty() ? rootAttributes(old.key(), first.asset())
                    : old.rootAttributes(), template.withFirstAxis(entries.size()),
                    old.isEmpty() ? LevelArrays.dimensions(first.asset().levels().get(0)) : old.dimensions(), entries);
        }
        List<String> appended = accepted.stream().map(a -> a.item().id()).toList();
        return new StackMerge(next, slots, firstChanged, appended, duplicates, rejected);
    }

    /** Why {@code asset} cannot join a stack of one-step arrays like {@code template} ({@code null}: any). */
    private static Optional<String> problem(AssetSource asset, ZarrArray template) {
        LevelLayout level = asset.levels().get(0);
        Optional<String> reason = ReferenceValidator.check(level);
        if (reason.isPresent()) {
            return reason;
        }
        if (!asset.values().uniform()) {
            return Optional.of("its bands have different scales or offsets; a time stack keeps one pair per item");
        }
        if (template == null) {
            return Optional.empty();
        }
        ZarrArray mine = LevelArrays.array(level).stacked(1);
        return differs("shape", mine.shape(), template.shape())
                .or(() -> differs("chunks", mine.chunks(), template.chunks()))
                .or(() -> differs("dtype", mine.dtype(), template.dtype()))
                .or(() -> differs("compressor", mine.compressor(), template.compressor()))
                .or(() -> differs("filters", mine.filters(), template.filters()))
                .or(() -> differs("fill_value", mine.fillValue(), template.fillValue()));
    }

    private static Optional<String> differs(String field, Object mine, Object stack) {
        return mine.equals(stack) ? Optional.empty()
                : Optional.of(field + " " + mine + " differ" + (field.endsWith("s") ? "" : "s") + " from the stack's "
                        + stack);
    }

    private static ObjectNode rootAttributes(StackKey key, AssetSource asset) {
        ObjectNode attrs = ManifestVersion.stamp(JSON.objectNode(), ManifestKind.TIME_STACK);
        attrs.put("collection", key.collection());
        attrs.put("tile", key.tile());
        attrs.put("asset", key.asset());
        if (asset.epsg() > 0) {
            attrs.put("crs", "EPSG:" + asset.epsg());
            attrs.put("epsg", asset.epsg());
        }
        if (asset.geoTransform() != null) {
            attrs.set("geotransform", JsonValues.numbers(asset.geoTransform()));
        }
        if (asset.values().nodata() != null) {
            attrs.set("nodata", JsonValues.integralOrNumber(asset.values().nodata()));
        }
        return attrs;
    }
}
