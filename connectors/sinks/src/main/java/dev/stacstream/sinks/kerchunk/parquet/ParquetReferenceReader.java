package dev.stacstream.sinks.kerchunk.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.sinks.kerchunk.ChunkRef;
import dev.stacstream.sinks.kerchunk.ManifestFormatException;
import dev.stacstream.sinks.kerchunk.ManifestStore;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.zarr.ZarrArray;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads kerchunk Parquet references (spec §1.2) from a {@link ManifestStore}: {@code .zmetadata} on
 * {@link #open}, record files one at a time on demand ({@link #record}), or everything at once
 * ({@link #readAll}, for small manifests and tests). A missing record file reads as all rows absent, as fsspec treats
 * it.
 */
public final class ParquetReferenceReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManifestStore store;
    private final int recordSize;
    private final SortedMap<String, ObjectNode> metadata;
    private final SortedMap<String, ZarrArray> arrays;

    private ParquetReferenceReader(ManifestStore store, int recordSize, SortedMap<String, ObjectNode> metadata,
            SortedMap<String, ZarrArray> arrays) {
        this.store = store;
        this.recordSize = recordSize;
        this.metadata = metadata;
        this.arrays = arrays;
    }

    /**
     * Opens the references in {@code store}, or empty when it has no {@code .zmetadata}.
     *
     * @throws ManifestFormatException when {@code .zmetadata} is not kerchunk's
     */
    public static Optional<ParquetReferenceReader> open(ManifestStore store) {
        Optional<byte[]> bytes = store.read(ParquetLayout.ZMETADATA);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        String source = store.location(ParquetLayout.ZMETADATA);
        JsonNode root;
        try {
            root = JSON.readTree(bytes.get());
        } catch (IOException e) {
            throw new ManifestFormatException(source, "not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.path("metadata").isObject() || !root.path("record_size").canConvertToLong()) {
            throw new ManifestFormatException(source, "expected {\"metadata\": {...}, \"record_size\": n}");
        }
        int recordSize;
        try {
            recordSize = ParquetLayout.checkRecordSize(root.get("record_size").longValue());
        } catch (IllegalArgumentException e) {
            throw new ManifestFormatException(source, e.getMessage(), e);
        }
        SortedMap<String, ObjectNode> metadata = new TreeMap<>();
        SortedMap<String, ZarrArray> arrays = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) root.get("metadata")::fields) {
            if (!e.getValue().isObject()) {
                throw new ManifestFormatException(source, "metadata '" + e.getKey() + "' is not a JSON object");
            }
            metadata.put(e.getKey(), (ObjectNode) e.getValue());
            if (e.getKey().equals(ReferenceSet.ZARRAY) || e.getKey().endsWith("/" + ReferenceSet.ZARRAY)) {
                String path = e.getKey().equals(ReferenceSet.ZARRAY) ? ""
                        : e.getKey().substring(0, e.getKey().length() - ReferenceSet.ZARRAY.length() - 1);
                try {
                    arrays.put(path, ZarrArray.fromJson(e.getValue()));
                } catch (IllegalArgumentException bad) {
                    throw new ManifestFormatException(source, "'" + e.getKey() + "': " + bad.getMessage(), bad);
                }
            }
        }
        return Optional.of(new ParquetReferenceReader(store, recordSize, metadata, arrays));
    }

    public int recordSize() {
        return recordSize;
    }

    /** Every metadata document by key, sorted. */
    public SortedMap<String, ObjectNode> metadata() {
        return Collections.unmodifiableSortedMap(metadata);
    }

    /** The arrays by path, sorted. */
    public SortedMap<String, ZarrArray> arrays() {
        return Collections.unmodifiableSortedMap(arrays);
    }

    /** The rows of record {@code record} of the array at {@code arrayPath} ({@code null} rows are absent chunks). */
    public ChunkRef[] record(String arrayPath, long record) {
        String path = ParquetLayout.recordPath(arrayPath, record);
        Optional<byte[]> bytes = store.read(path);
        if (bytes.isEmpty()) {
            return new ChunkRef[recordSize];
        }
        ChunkRef[] rows = RecordFile.decode(bytes.get(), store.location(path));
        if (rows.length != recordSize) {
            throw new ManifestFormatException(store.location(path), "has " + rows.length + " rows, but record_size is "
                    + recordSize);
        }
        return rows;
    }

    /** The whole reference set (all record files of all arrays). */
    public ReferenceSet readAll() {
        ReferenceSet refs = new ReferenceSet();
        metadata.forEach(refs::putMetadata);
        for (Map.Entry<String, ZarrArray> e : arrays.entrySet()) {
            long chunks = e.getValue().grid().size();
            for (long r = 0; r < ParquetLayout.records(chunks, recordSize); r++) {
                ChunkRef[] rows = record(e.getKey(), r);
                for (int i = 0; i < rows.length && r * recordSize + i < chunks; i++) {
                    if (rows[i] != null) {
                        refs.putChunk(e.getKey(), r * recordSize + i, rows[i]);
                    }
                }
            }
        }
        return refs;
    }
}
