package dev.stacstream.stac.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON configuration every STAC document goes through: parsing with errors that name the document and
 * the position of the problem, and compact writing.
 *
 * <p>Numbers keep their JSON form where Jackson allows (integers stay integers; decimals are doubles, which
 * print back to the same value), and documents must be single JSON values: trailing content after the top-level
 * value is an error rather than silently ignored.
 */
public final class StacJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StacJson() {}

    /** The shared, thread-safe mapper (configure nothing on it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Parses {@code json}.
     *
     * @param source the document's URI or description, used in the error message
     * @throws StacFormatException if it is not a single well-formed JSON value
     */
    public static JsonNode parse(String json, String source) {
        if (json == null || json.isBlank()) {
            throw new StacFormatException(source, "empty document, expected JSON");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StacFormatException(source, "malformed JSON: " + describe(e), e);
        }
    }

    /** Parses UTF-8 {@code bytes}; see {@link #parse(String, String)}. */
    public static JsonNode parse(byte[] bytes, String source) {
        return parse(new String(bytes, StandardCharsets.UTF_8), source);
    }

    /** Parses {@code json} and requires a JSON object. */
    public static ObjectNode parseObject(String json, String source) {
        return requireObject(parse(json, source), source);
    }

    /** {@code node} as an object, or a format error naming {@code source} and what was found instead. */
    public static ObjectNode requireObject(JsonNode node, String source) {
        if (node == null || !node.isObject()) {
            throw new StacFormatException(source, "expected a JSON object, found " + kind(node));
        }
        return (ObjectNode) node;
    }

    /** A private copy of {@code node}, which must be an object (model classes own their tree). */
    public static ObjectNode copyObject(JsonNode node, String source) {
        return requireObject(node, source).deepCopy();
    }

    /** Compact JSON text of {@code node}. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree built from parsed JSON always serialises; this is a bug, not bad input.
            throw new UncheckedIOException("cannot write a JSON tree", e);
        }
    }

    /** A short name for the JSON type of {@code node}, for messages ("a string", "null", ...). */
    public static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case BINARY -> "binary data";
            case MISSING -> "nothing";
        };
    }

    /** Jackson's message without its source dump, plus line and column. */
    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            return String.format("%s (line %d, column %d)", message, location.getLineNr(), location.getColumnNr());
        }
        return message;
    }
}
