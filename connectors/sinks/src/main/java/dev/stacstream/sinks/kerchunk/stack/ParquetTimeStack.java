package dev.stacstream.sinks.kerchunk.stack;

import dev.stacstream.sinks.kerchunk.ChunkRef;
import dev.stacstream.sinks.kerchunk.ManifestStore;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.parquet.ParquetLayout;
import dev.stacstream.sinks.kerchunk.parquet.ParquetReferenceReader;
import dev.stacstream.sinks.kerchunk.parquet.ParquetReferenceWriter;
import dev.stacstream.sinks.kerchunk.parquet.RecordFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A time stack in kerchunk's Parquet layout (spec §4), appended to with memory bounded by one record file: record
 * files before the first changed time step are kept, the later ones are rebuilt one at a time from the previous
 * version through a one-record cursor, the coordinates are rewritten, and {@code .zmetadata} comes last.
 *
 * <p>{@link #append} reads a version from {@code source} and writes the complete next version to {@code target}
 * (copying unchanged record files), which a committer uses to publish each version at a fresh, deterministic
 * location. {@link #appendInPlace} updates one location (records are rebuilt from the last down, which never
 * overwrites a record a later step still reads), which is not atomic. When no item is appended nothing is written.
 */
public final class ParquetTimeStack {

    private ParquetTimeStack() {}

    /**
     * Appends {@code items} to the stack in {@code store} (a store rooted at the stack's {@code .parq} folder).
     *
     * @param recordSize rows per record file of a new stack; an existing stack keeps its own
     */
    public static AppendResult appendInPlace(StackKey key, ManifestStore store, List<StackItem> items, int recordSize) {
        return append(key, store, store, items, recordSize, true);
    }

    /** Appends {@code items} to the version in {@code source} and writes the next version to {@code target}. */
    public static AppendResult append(StackKey key, ManifestStore source, ManifestStore target, List<StackItem> items,
            int recordSize) {
        return append(key, source, target, items, recordSize, source == target);
    }

    /**
     * Appends {@code items} to the version in {@code source} and writes to {@code target} only what changes: the
     * record files from the first changed time step on, the coordinates and {@code .zmetadata}. Laid over
     * {@code source} file by file ({@code .zmetadata} last), the delta gives the next version; its cost does not
     * grow with the part of the stack that stays as it was.
     */
    public static AppendResult appendChanges(StackKey key, ManifestStore source, ManifestStore target,
            List<StackItem> items, int recordSize) {
        return append(key, source, target, items, recordSize, true);
    }

    /** @param skipUnchanged leave the record files before the first changed step out of {@code target} */
    private static AppendResult append(StackKey key, ManifestStore source, ManifestStore target, List<StackItem> items,
            int requestedRecordSize, boolean skipUnchanged) {
        Optional<ParquetReferenceReader> reader = ParquetReferenceReader.open(source);
        int recordSize = reader.map(ParquetReferenceReader::recordSize)
                .orElse(ParquetLayout.checkRecordSize(requestedRecordSize));
        StackState state = reader.map(r -> decode(key, r, source)).orElse(StackState.empty(key));
        StackMerge merge = StackMerge.plan(state, items);
        AppendResult result = new AppendResult(merge.appended, merge.duplicates, merge.rejected,
                merge.next.entries().size());
        if (!result.changed()) {
            return result;
        }
        StackRows rows = new StackRows(merge, new RecordCursor(reader.orElse(null), key.asset()));
        long records = ParquetLayout.records(rows.size(), recordSize);
        long unchanged = rows.firstChangedChunk() / recordSize;
        for (long r = records - 1; r >= 0; r--) {
            String path = ParquetLayout.recordPath(key.asset(), r);
            if (r < unchanged) {
                if (skipUnchanged) {
                    break;
                }
                target.write(path, source.read(path).orElseGet(() -> RecordFile.encode(new ChunkRef[recordSize])));
                continue;
            }
            ChunkRef[] record = new ChunkRef[recordSize];
            long first = r * recordSize;
            for (int i = 0; i < recordSize && first + i < rows.size(); i++) {
                record[i] = rows.get(first + i);
            }
            target.write(path, RecordFile.encode(record));
        }
        ReferenceSet skeleton = StackSkeleton.of(merge.next);
        for (String name : StackCoordinates.NAMES) {
            ChunkRef[] record = new ChunkRef[recordSize];
            record[0] = skeleton.chunks(name).get(0L);
            target.write(ParquetLayout.recordPath(name, 0), RecordFile.encode(record));
        }
        ParquetReferenceWriter.writeZmetadata(skeleton.metadata(), recordSize, target);
        return result;
    }

    private static StackState decode(StackKey key, ParquetReferenceReader reader, ManifestStore source) {
        Map<String, byte[]> chunks = new HashMap<>();
        for (String name : StackCoordinates.NAMES) {
            if (reader.arrays().containsKey(name) && reader.record(name, 0)[0] instanceof ChunkRef.Inline inline) {
                chunks.put(name, inline.data());
            }
        }
        return StackState.decode(key, reader.metadata(), chunks, source.location(ParquetLayout.ZMETADATA));
    }

    /** The previous version's data references, one record file in memory at a time. */
    private static final class RecordCursor implements StackRows.OldRows {
        private final ParquetReferenceReader reader;
        private final String array;
        private long loaded = -1;
        private ChunkRef[] rows;

        RecordCursor(ParquetReferenceReader reader, String array) {
            this.reader = reader;
            this.array = array;
        }

        @Override
        public ChunkRef get(long n) {
            long record = n / reader.recordSize();
            if (record != loaded) {
                rows = reader.record(array, record);
                loaded = record;
            }
            return rows[(int) (n % reader.recordSize())];
        }
    }
}
