package dev.stacstream.sinks.manifest;

import dev.stacstream.sinks.kerchunk.ManifestStore;
import dev.stacstream.sinks.kerchunk.parquet.ParquetLayout;
import dev.stacstream.sinks.kerchunk.stack.AppendResult;
import dev.stacstream.sinks.kerchunk.stack.ParquetTimeStack;
import dev.stacstream.sinks.kerchunk.stack.StackItem;
import dev.stacstream.sinks.kerchunk.stack.StackKey;
import java.util.List;

/**
 * Appends to a time stack in kerchunk's Parquet layout so that a crash at any moment is repaired by the next
 * append to that stack (which the committer's retry after a restore is): what changes (the record files from the
 * first changed time step on, the coordinates and {@code .zmetadata}) is first written to a staging folder beside
 * the stack ({@code .zmetadata} last), then copied over the stack's files ({@code .zmetadata} last), then the
 * staging folder is removed. Appending to the end of a long stack touches its last record files only. An append that finds a complete staging folder
 * (its {@code .zmetadata} exists) finishes that copy before anything else; an incomplete one is discarded, the stack
 * not having been touched yet. The stack is never left as a mix of two versions once the append returns.
 *
 * <p>A reader that opens the stack during the copy itself may still see new record files under the previous
 * {@code .zmetadata}; the JSON form of the stack, one file replaced atomically, has no such window.
 */
final class StagedParquetStack {

    private StagedParquetStack() {}

    /** {@code <collection>/<tile>/.<asset>.parq.staging}: hidden from readers that list the tile's folder. */
    static String stagingFolder(StackKey key) {
        return key.collection() + "/" + key.tile() + "/." + key.asset() + ".parq.staging";
    }

    static AppendResult append(ManifestStore store, StackKey key, List<StackItem> items, int recordSize) {
        String root = key.parquetRoot();
        String staging = stagingFolder(key);
        recover(store, root, staging);
        AppendResult result = ParquetTimeStack.appendChanges(key, store.under(root), store.under(staging), items,
                recordSize);
        if (result.changed()) {
            publish(store, root, staging);
        }
        return result;
    }

    /** Finishes or discards what an interrupted append left behind. */
    static void recover(ManifestStore store, String root, String staging) {
        if (store.read(staging + "/" + ParquetLayout.ZMETADATA).isPresent()) {
            publish(store, root, staging);
        } else {
            store.deleteTree(staging);
        }
    }

    private static void publish(ManifestStore store, String root, String staging) {
        String zmetadata = staging + "/" + ParquetLayout.ZMETADATA;
        for (String file : store.list(staging)) {
            if (!file.equals(zmetadata)) {
                copy(store, file, root + file.substring(staging.length()));
            }
        }
        copy(store, zmetadata, root + "/" + ParquetLayout.ZMETADATA);
        store.deleteTree(staging);
    }

    private static void copy(ManifestStore store, String from, String to) {
        byte[] bytes = store.read(from).orElseThrow(() -> new IllegalStateException(
                store.location(from) + " disappeared while publishing a time stack"));
        store.write(to, bytes);
    }
}
