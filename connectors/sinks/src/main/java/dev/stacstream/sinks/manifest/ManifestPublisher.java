package dev.stacstream.sinks.manifest;

import dev.stacstream.sinks.kerchunk.ManifestStore;
import dev.stacstream.sinks.kerchunk.item.ItemManifest;
import dev.stacstream.sinks.kerchunk.json.KerchunkJsonWriter;
import dev.stacstream.sinks.kerchunk.parquet.ParquetReferenceWriter;
import dev.stacstream.sinks.kerchunk.stack.AppendResult;
import dev.stacstream.sinks.kerchunk.stack.JsonTimeStack;
import dev.stacstream.sinks.kerchunk.stack.StackItem;
import dev.stacstream.sinks.kerchunk.stack.StackKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Publishes the manifests of a batch of items into a {@link ManifestStore} (the job's
 * {@code <output.root>/manifests/}): each item's own manifest, then every (collection, tile, asset) time stack the
 * batch touches, each stack once with all its new items. Flink-free; the {@link ManifestCommitter} calls it with
 * the items of a completed checkpoint.
 *
 * <p>Idempotent: item manifests have deterministic names and bytes, and a stack ignores an item it already holds,
 * so publishing the same batch again (a commit retried after a restore) changes nothing. Crash-safe: every file
 * write is atomic in the store, a JSON stack is one file, and a Parquet stack is staged
 * ({@link StagedParquetStack}), so an interrupted publish is completed by running it again.
 */
public final class ManifestPublisher {

    private static final Comparator<StackKey> STACK_ORDER = Comparator.comparing(StackKey::toString);

    private final ManifestStore store;
    private final ManifestOptions options;

    public ManifestPublisher(ManifestStore store, ManifestOptions options) {
        this.store = store;
        this.options = options;
    }

    public PublishReport publish(Collection<ItemReferences> batch) {
        Map<StackKey, List<StackItem>> stacks = new TreeMap<>(STACK_ORDER);
        for (ItemReferences refs : batch) {
            ItemManifest manifest = writeItem(refs);
            refs.stackItems().forEach((key, item) -> {
                if (manifest.groups().contains(key.asset())) {
                    stacks.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
                }
            });
        }
        int appended = 0;
        int duplicates = 0;
        List<PublishReport.Rejection> rejected = new ArrayList<>();
        for (Map.Entry<StackKey, List<StackItem>> stack : stacks.entrySet()) {
            AppendResult result = appendToStack(stack.getKey(), stack.getValue());
            appended += result.appended().size();
            duplicates += result.duplicates().size();
            result.rejected().forEach(r -> rejected.add(new PublishReport.Rejection(stack.getKey(), r)));
        }
        return new PublishReport(batch.size(), appended, duplicates, rejected);
    }

    /** The item's manifest in the configured forms. Assets that cannot be expressed are left out (see below). */
    private ItemManifest writeItem(ItemReferences refs) {
        // Problems (an asset no zarr codec can express) were reported to the errors table when the item was
        // planned, from the same ItemReferences.manifest(); here they only keep the asset out of the manifest
        // and its stack.
        ItemManifest manifest = refs.manifest();
        if (options.json()) {
            store.write(refs.item().jsonPath(), KerchunkJsonWriter.toBytes(manifest.references()));
        }
        if (options.parquet()) {
            ParquetReferenceWriter.write(manifest.references(), store.under(refs.item().parquetRoot()),
                    options.recordSize());
        }
        return manifest;
    }

    private AppendResult appendToStack(StackKey key, List<StackItem> items) {
        AppendResult json = options.json() ? JsonTimeStack.append(key, store, key.jsonPath(), items) : null;
        AppendResult parquet = options.parquet()
                ? StagedParquetStack.append(store, key, items, options.recordSize()) : null;
        // Both forms see the same items and the same rules; after a crash between the two the second may append
        // what the first already holds, so report the form that was written last.
        return parquet != null ? parquet : json;
    }
}
