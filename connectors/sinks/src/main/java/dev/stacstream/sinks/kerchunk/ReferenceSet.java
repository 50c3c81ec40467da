package dev.stacstream.sinks.kerchunk;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.sinks.kerchunk.zarr.ZarrArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A kerchunk reference set in memory: the zarr v2 metadata documents by key ({@code .zgroup}, {@code B04/.zarray},
 * ...) and, per array, its chunk references by C-order chunk number. Container-neutral: the JSON and Parquet
 * writers print the same set. Not thread-safe; built by one thread, then read.
 *
 * <p>Paths are {@code /}-separated without a leading slash; the root group is {@code ""}.
 */
public final class ReferenceSet {

    public static final String ZGROUP = ".zgroup";
    public static final String ZATTRS = ".zattrs";
    public static final String ZARRAY = ".zarray";

    private static final int ZARR_FORMAT = 2;

    private final SortedMap<String, ObjectNode> metadata = new TreeMap<>();
    private final SortedMap<String, ZarrArray> arrays = new TreeMap<>();
    private final Map<String, NavigableMap<Long, ChunkRef>> chunks = new LinkedHashMap<>();

    /** The metadata key of {@code name} ({@code .zarray}, ...) in the node at {@code path}. */
    public static String key(String path, String name) {
        return path.isEmpty() ? name : path + "/" + name;
    }

    /** Adds (or replaces) the group at {@code path} with attributes {@code attrs}. */
    public ReferenceSet putGroup(String path, ObjectNode attrs) {
        ObjectNode zgroup = JsonNodeFactory.instance.objectNode().put("zarr_format", ZARR_FORMAT);
        metadata.put(key(path, ZGROUP), zgroup);
        metadata.put(key(path, ZATTRS), attrs.deepCopy());
        return this;
    }

    /** Adds (or replaces, dropping its chunks) the array at {@code path}. */
    public ReferenceSet putArray(String path, ZarrArray array, ObjectNode attrs) {
        metadata.put(key(path, ZARRAY), array.toJson());
        metadata.put(key(path, ZATTRS), attrs.deepCopy());
        arrays.put(path, array);
        chunks.put(path, new TreeMap<>());
        return this;
    }

    /** Adds a metadata document as it is (used when reading a manifest back). */
    public ReferenceSet putMetadata(String key, ObjectNode document) {
        metadata.put(key, document.deepCopy());
        if (key.equals(ZARRAY) || key.endsWith("/" + ZARRAY)) {
            String path = key.equals(ZARRAY) ? "" : key.substring(0, key.length() - ZARRAY.length() - 1);
            arrays.put(path, ZarrArray.fromJson(document));
            chunks.putIfAbsent(path, new TreeMap<>());
        }
        return this;
    }

    /** Sets chunk {@code number} of the array at {@code path}. */
    public ReferenceSet putChunk(String path, long number, ChunkRef ref) {
        NavigableMap<Long, ChunkRef> refs = chunks.get(path);
        if (refs == null) {
            throw new IllegalArgumentException("no array at '" + path + "' to add chunk " + number + " to");
        }
        long size = arrays.get(path).grid().size();
        if (number < 0 || number >= size) {
            throw new IllegalArgumentException("chunk number " + number + " is outside [0, " + size + ") of array '"
                    + path + "'");
        }
        refs.put(number, ref);
        return this;
    }

    /** Every metadata document by key, sorted. */
    public SortedMap<String, ObjectNode> metadata() {
        return Collections.unmodifiableSortedMap(metadata);
    }

    /** The arrays by path, sorted. */
    public SortedMap<String, ZarrArray> arrays() {
        return Collections.unmodifiableSortedMap(arrays);
    }

    /** The chunk references of the array at {@code path} by chunk number (absent chunks are not listed). */
    public NavigableMap<Long, ChunkRef> chunks(String path) {
        NavigableMap<Long, ChunkRef> refs = chunks.get(path);
        if (refs == null) {
            throw new IllegalArgumentException("no array at '" + path + "'");
        }
        return Collections.unmodifiableNavigableMap(refs);
    }

    /** The full key of chunk {@code number} of the array at {@code path} ({@code B04/0/1.2}). */
    public String chunkKey(String path, long number) {
        return key(path, arrays.get(path).grid().key(number));
    }

    /** Number of chunk references in all arrays. */
    public long chunkCount() {
        return chunks.values().stream().mapToLong(Map::size).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceSet r && metadata.equals(r.metadata) && chunks.equals(r.chunks);
    }

    @Override
    public int hashCode() {
        return metadata.hashCode() * 31 + chunks.hashCode();
    }

    @Override
    public String toString() {
        return "ReferenceSet[" + metadata.size() + " metadata keys, " + arrays.size() + " arrays, " + chunkCount()
                + " chunks]";
    }
}
