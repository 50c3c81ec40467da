package dev.stacstream.sinks.kerchunk.parquet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.sinks.kerchunk.ChunkRef;
import dev.stacstream.sinks.kerchunk.ManifestStore;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;

/**
 * Writes a {@link ReferenceSet} in kerchunk's Parquet layout (spec §1.2): every record file of every array, each
 * padded to {@code record_size} rows, then {@code .zmetadata} last, so a reader that sees the new
 * {@code .zmetadata} finds every record it names.
 */
public final class ParquetReferenceWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ParquetReferenceWriter() {}

    /** Writes {@code refs} into {@code store} with {@code recordSize} rows per record file. */
    public static void write(ReferenceSet refs, ManifestStore store, int recordSize) {
        ParquetLayout.checkRecordSize(recordSize);
        for (String path : refs.arrays().keySet()) {
            NavigableMap<Long, ChunkRef> chunks = refs.chunks(path);
            long records = ParquetLayout.records(refs.arrays().get(path).grid().size(), recordSize);
            for (long r = 0; r < records; r++) {
                ChunkRef[] rows = new ChunkRef[recordSize];
                long first = r * recordSize;
                chunks.subMap(first, true, first + recordSize, false)
                        .forEach((n, ref) -> rows[(int) (n - first)] = ref);
                store.write(ParquetLayout.recordPath(path, r), RecordFile.encode(rows));
            }
        }
        writeZmetadata(refs.metadata(), recordSize, store);
    }

    /** {@code {"metadata": {key: document}, "record_size": n}} with the keys sorted. */
    public static void writeZmetadata(SortedMap<String, ObjectNode> metadata, int recordSize, ManifestStore store) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode meta = root.putObject("metadata");
        for (Map.Entry<String, ObjectNode> e : metadata.entrySet()) {
            meta.set(e.getKey(), e.getValue());
        }
        root.put("record_size", recordSize);
        try {
            store.write(ParquetLayout.ZMETADATA, JSON.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot print .zmetadata", e);
        }
    }
}
