package dev.stacstream.sinks.kerchunk.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code .zarray} document of a zarr v2 array: shape, chunk shape, numpy dtype string, compressor and filters
 * (numcodecs configurations, {@code null} for none), fill value, C order.
 *
 * @param compressor a codec configuration object, or a JSON null node
 * @param filters an array of codec configurations, or a JSON null node
 * @param fillValue a number, one of the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, or null
 */
public record ZarrArray(List<Integer> shape, List<Integer> chunks, String dtype, JsonNode compressor, JsonNode filters,
        JsonNode fillValue) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int ZARR_FORMAT = 2;

    public ZarrArray {
        shape = List.copyOf(shape);
        chunks = List.copyOf(chunks);
        Objects.requireNonNull(dtype, "dtype");
        compressor = compressor == null ? NullNode.instance : compressor.deepCopy();
        filters = filters == null ? NullNode.instance : filters.deepCopy();
        fillValue = fillValue == null ? NullNode.instance : fillValue.deepCopy();
        if (shape.size() != chunks.size()) {
            throw new IllegalArgumentException("shape " + shape + " and chunks " + chunks + " differ in rank");
        }
    }

    /** The chunk grid. */
    public ChunkGrid grid() {
        return new ChunkGrid(shape, chunks);
    }

    /** This array with {@code size} prepended to the shape and {@code 1} to the chunks (a stacking axis). */
    public ZarrArray stacked(int size) {
        List<Integer> s = new ArrayList<>(shape);
        s.add(0, size);
        List<Integer> c = new ArrayList<>(chunks);
        c.add(0, 1);
        return new ZarrArray(s, c, dtype, compressor, filtersWithShape(c), fillValue);
    }

    /** This array with another size of its first axis. */
    public ZarrArray withFirstAxis(int size) {
        List<Integer> s = new ArrayList<>(shape);
        s.set(0, size);
        return new ZarrArray(s, chunks, dtype, compressor, filters, fillValue);
    }

    /** Predictor filters carry the chunk shape; a stacked array's chunks gain a leading 1. */
    private JsonNode filtersWithShape(List<Integer> newChunks) {
        if (!filters.isArray()) {
            return filters;
        }
        ArrayNode out = JSON.arrayNode();
        for (JsonNode filter : filters) {
            ObjectNode copy = filter.deepCopy();
            if (copy.has("shape")) {
                ArrayNode s = copy.putArray("shape");
                newChunks.forEach(s::add);
            }
            out.add(copy);
        }
        return out;
    }

    /** The {@code .zarray} document. */
    public ObjectNode toJson() {
        ObjectNode n = JSON.objectNode();
        ArrayNode c = n.putArray("chunks");
        chunks.forEach(c::add);
        n.set("compressor", compressor.deepCopy());
        n.put("dtype", dtype);
        n.set("fill_value", fillValue.deepCopy());
        n.set("filters", filters.deepCopy());
        n.put("order", "C");
        ArrayNode s = n.putArray("shape");
        shape.forEach(s::add);
        n.put("zarr_format", ZARR_FORMAT);
        return n;
    }

    /**
     * Reads a {@code .zarray} document.
     *
     * @throws IllegalArgumentException naming the problem when it is not a zarr v2 array in C order
     */
    public static ZarrArray fromJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(".zarray is not a JSON object");
        }
        if (n.path("zarr_format").asInt() != ZARR_FORMAT) {
            throw new IllegalArgumentException(".zarray zarr_format is " + n.get("zarr_format") + ", expected 2");
        }
        if (!"C".equals(n.path("order").asText("C"))) {
            throw new IllegalArgumentException(".zarray order is " + n.get("order") + ", only C order is read");
        }
        if (!n.path("dtype").isTextual()) {
            throw new IllegalArgumentException(".zarray dtype " + n.get("dtype") + " is not a numpy dtype string");
        }
        return new ZarrArray(ints(n, "shape"), ints(n, "chunks"), n.get("dtype").asText(), n.get("compressor"),
                n.get("filters"), n.get("fill_value"));
    }

    private static List<Integer> ints(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException(".zarray " + field + " is missing or not an array");
        }
        List<Integer> out = new ArrayList<>();
        for (JsonNode v : a) {
            if (!v.canConvertToInt()) {
                throw new IllegalArgumentException(".zarray " + field + " " + a + " is not a list of integers");
            }
            out.add(v.intValue());
        }
        return out;
    }
}
