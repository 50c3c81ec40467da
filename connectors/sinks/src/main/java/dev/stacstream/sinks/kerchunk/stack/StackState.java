package dev.stacstream.sinks.kerchunk.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.sinks.kerchunk.ManifestFormatException;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.item.ManifestKind;
import dev.stacstream.sinks.kerchunk.item.ManifestVersion;
import dev.stacstream.sinks.kerchunk.zarr.ZarrArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A stack version as stored: its root attributes, the stacked data array (shape {@code [T, ...]}) with its
 * dimension names, and the per-time entries in order. Small: everything but the chunk references, which stay in
 * the manifest and stream through {@link StackRows}.
 *
 * @param dataArray {@code null} for a stack that does not exist yet
 */
record StackState(StackKey key, ObjectNode rootAttributes, ZarrArray dataArray, List<String> dimensions,
        List<StackEntry> entries) {

    StackState {
        entries = List.copyOf(entries);
        dimensions = List.copyOf(dimensions);
    }

    static StackState empty(StackKey key) {
        return new StackState(key, null, null, List.of(), List.of());
    }

    boolean isEmpty() {
        return dataArray == null;
    }

    /** The number of chunks one time step holds (the chunk grid of one item's level 0). */
    long chunksPerStep() {
        return dataArray.withFirstAxis(1).grid().size();
    }

    /**
     * Reads the state from a manifest's metadata and its coordinate chunks.
     *
     * @param coordinateChunks the inline chunk of each coordinate array, by name (absent when missing)
     * @throws ManifestFormatException when the manifest is not a version-1 time stack of {@code key}
     */
    static StackState decode(StackKey key, SortedMap<String, ObjectNode> metadata, Map<String, byte[]> coordinateChunks,
            String source) {
        ObjectNode root = metadata.get(ReferenceSet.ZATTRS);
        JsonNode stamp = root == null ? null : root.get(ManifestVersion.ATTRIBUTE);
        if (stamp == null || !ManifestKind.TIME_STACK.attributeValue().equals(stamp.path("manifest").asText())) {
            throw new ManifestFormatException(source, "is not a stacstream time stack (root attribute "
                    + ManifestVersion.ATTRIBUTE + " is " + stamp + ")");
        }
        if (stamp.path("version").asInt() != ManifestVersion.CURRENT) {
            throw new ManifestFormatException(source, "time stack version " + stamp.get("version")
                    + " is not " + ManifestVersion.CURRENT);
        }
        ObjectNode zarray = metadata.get(ReferenceSet.key(key.asset(), ReferenceSet.ZARRAY));
        ObjectNode zattrs = metadata.get(ReferenceSet.key(key.asset(), ReferenceSet.ZATTRS));
        if (zarray == null || zattrs == null) {
            throw new ManifestFormatException(source, "has no array '" + key.asset() + "'");
        }
        ZarrArray data;
        try {
            data = ZarrArray.fromJson(zarray);
        } catch (IllegalArgumentException e) {
            throw new ManifestFormatException(source, "'" + key.asset() + "': " + e.getMessage(), e);
        }
        List<String> dims = new ArrayList<>();
        zattrs.path("_ARRAY_DIMENSIONS").forEach(d -> dims.add(d.asText()));
        if (data.shape().isEmpty() || dims.size() != data.shape().size()) {
            throw new ManifestFormatException(source, "'" + key.asset() + "' has no time axis");
        }
        Map<String, ZarrArray> coordinates = new LinkedHashMap<>();
        for (String name : StackCoordinates.NAMES) {
            ObjectNode a = metadata.get(ReferenceSet.key(name, ReferenceSet.ZARRAY));
            if (a != null) {
                coordinates.put(name, ZarrArray.fromJson(a));
            }
        }
        int t = data.shape().get(0);
        List<StackEntry> entries = StackCoordinates.decode(t, coordinates, coordinateChunks, source);
        return new StackState(key, root, data, dims.subList(1, dims.size()), entries);
    }
}
