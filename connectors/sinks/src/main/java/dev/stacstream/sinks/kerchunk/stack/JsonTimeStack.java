package dev.stacstream.sinks.kerchunk.stack;

import dev.stacstream.sinks.kerchunk.ChunkRef;
import dev.stacstream.sinks.kerchunk.ManifestStore;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.json.KerchunkJsonReader;
import dev.stacstream.sinks.kerchunk.json.KerchunkJsonWriter;
import java.util.List;
import java.util.Optional;

/**
 * A time stack as one kerchunk JSON file (spec §4). An append reads the whole file, merges the new items in time
 * order and replaces the file atomically through the {@link ManifestStore}, so readers see the old or the new
 * version. Memory grows with the stack; {@link ParquetTimeStack} is the form for long stacks.
 */
public final class JsonTimeStack {

    private JsonTimeStack() {}

    /** Appends {@code items} to the stack {@code key} stored at {@code path} of {@code store} (created if absent). */
    public static AppendResult append(StackKey key, ManifestStore store, String path, List<StackItem> items) {
        String source = store.location(path);
        Optional<byte[]> bytes = store.read(path);
        ReferenceSet old = bytes.map(b -> KerchunkJsonReader.read(b, source)).orElse(null);
        StackState state = old == null ? StackState.empty(key) : decode(key, old, source);
        StackMerge merge = StackMerge.plan(state, items);
        AppendResult result = new AppendResult(merge.appended, merge.duplicates, merge.rejected,
                merge.next.entries().size());
        if (!result.changed()) {
            return result;
        }
        StackRows rows = new StackRows(merge, n -> old.chunks(key.asset()).get(n));
        ReferenceSet next = StackSkeleton.of(merge.next);
        for (long n = 0; n < rows.size(); n++) {
            ChunkRef ref = rows.get(n);
            if (ref != null) {
                next.putChunk(key.asset(), n, ref);
            }
        }
        store.write(path, KerchunkJsonWriter.toBytes(next));
        return result;
    }

    private static StackState decode(StackKey key, ReferenceSet refs, String source) {
        return StackState.decode(key, refs.metadata(), StackContents.coordinateChunks(refs), source);
    }
}
