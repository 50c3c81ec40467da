package dev.stacstream.sinks.kerchunk.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.sinks.kerchunk.ChunkRef;
import dev.stacstream.sinks.kerchunk.ManifestFormatException;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.zarr.ZarrArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads kerchunk JSON, version 0 (a flat object) or 1 ({@code version}, {@code refs}, {@code templates}), into a
 * {@link ReferenceSet}: metadata strings (or objects) parsed, {@code {{name}}} templates expanded, chunk keys mapped
 * to chunk numbers through their array's {@code .zarray}. {@code gen} entries are not expanded (fsspec ignores them
 * by default too) and make the read fail rather than lose chunks.
 */
public final class KerchunkJsonReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

    private KerchunkJsonReader() {}

    /**
     * Parses {@code json}.
     *
     * @param source the manifest's location, named in errors
     * @throws ManifestFormatException when it is not a kerchunk reference set this reader understands
     */
    public static ReferenceSet read(byte[] json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ManifestFormatException(source, "not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + source, e);
        }
        if (root == null || !root.isObject()) {
            throw new ManifestFormatException(source, "not a JSON object");
        }
        JsonNode refs = root;
        Map<String, String> templates = new HashMap<>();
        if (root.has("version")) {
            if (root.get("version").asInt() != 1) {
                throw new ManifestFormatException(source, "kerchunk version " + root.get("version") + " is not 0 or 1");
            }
            if (root.has("gen") && !root.get("gen").isEmpty()) {
                throw new ManifestFormatException(source, "'gen' references are not supported");
            }
            root.path("templates").fields().forEachRemaining(e -> templates.put(e.getKey(), e.getValue().asText()));
            refs = root.get("refs");
            if (refs == null || !refs.isObject()) {
                throw new ManifestFormatException(source, "version 1 without a 'refs' object");
            }
        }
        return toReferenceSet(refs, templates, source);
    }

    private static ReferenceSet toReferenceSet(JsonNode refs, Map<String, String> templates, String source) {
        ReferenceSet out = new ReferenceSet();
        List<Map.Entry<String, JsonNode>> chunkEntries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = refs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            if (name.startsWith(".z")) {
                out.putMetadata(e.getKey(), metadata(e.getKey(), e.getValue(), source));
            } else {
                chunkEntries.add(e);
            }
        }
        for (Map.Entry<String, JsonNode> e : chunkEntries) {
            String key = e.getKey();
            int slash = key.lastIndexOf('/');
            String path = slash < 0 ? "" : key.substring(0, slash);
            ZarrArray array = out.arrays().get(path);
            if (array == null) {
                throw new ManifestFormatException(source, "chunk key '" + key + "' has no .zarray at '" + path + "'");
            }
            long number;
            try {
                number = array.grid().number(key.substring(slash + 1));
            } catch (IllegalArgumentException bad) {
                throw new ManifestFormatException(source, "chunk key '" + key + "': " + bad.getMessage(), bad);
            }
            out.putChunk(path, number, chunk(key, e.getValue(), templates, source));
        }
        return out;
    }

    private static ObjectNode metadata(String key, JsonNode value, String source) {
        JsonNode doc = value;
        if (value.isTextual()) {
            try {
                doc = MAPPER.readTree(value.textValue());
            } catch (JsonProcessingException e) {
                throw new ManifestFormatException(source, "metadata '" + key + "' is not JSON: " + e.getOriginalMessage(), e);
            }
        }
        if (doc == null || !doc.isObject()) {
            throw new ManifestFormatException(source, "metadata '" + key + "' is not a JSON object");
        }
        return (ObjectNode) doc;
    }

    private static ChunkRef chunk(String key, JsonNode value, Map<String, String> templates, String source) {
        if (value.isTextual()) {
            return ChunkRef.Inline.fromJsonText(value.textValue());
        }
        if (value.isArray() && value.size() == 3 && value.get(0).isTextual() && value.get(1).canConvertToLong()
                && value.get(2).canConvertToLong()) {
            return new ChunkRef.Range(expand(value.get(0).textValue(), templates, key, source),
                    value.get(1).longValue(), value.get(2).longValue());
        }
        throw new ManifestFormatException(source, "chunk '" + key + "' is " + value
                + ", expected [url, offset, length] or inline text");
    }

    private static String expand(String url, Map<String, String> templates, String key, String source) {
        Matcher m = TEMPLATE.matcher(url);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = templates.get(m.group(1));
            if (value == null) {
                throw new ManifestFormatException(source, "chunk '" + key + "' uses undefined template " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
