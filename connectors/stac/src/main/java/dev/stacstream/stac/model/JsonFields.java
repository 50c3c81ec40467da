package dev.stacstream.stac.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Typed reads of optional JSON members with messages that name the member ({@code assets.B04.raster:bands[0].scale}).
 * A member that is absent or JSON {@code null} reads as empty; one of the wrong type is a {@link StacFormatException}.
 */
final class JsonFields {

    private final String source;

    /** @param source the document, as error messages should name it */
    JsonFields(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    StacFormatException error(String path, String problem) {
        return new StacFormatException(source, path + " " + problem);
    }

    Optional<String> text(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (absent(value)) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw error(path, "must be a string, found " + StacJson.kind(value));
        }
        return Optional.of(value.asText());
    }

    OptionalDouble number(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (absent(value)) {
            return OptionalDouble.empty();
        }
        if (!value.isNumber()) {
            throw error(path, "must be a number, found " + StacJson.kind(value));
        }
        return OptionalDouble.of(value.asDouble());
    }

    OptionalInt integer(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (absent(value)) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw error(path, "must be an integer, found " + describe(value));
        }
        return OptionalInt.of(value.asInt());
    }

    Optional<ObjectNode> object(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (absent(value)) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw error(path, "must be an object, found " + StacJson.kind(value));
        }
        return Optional.of((ObjectNode) value);
    }

    /** The array's elements, or an empty list when the member is absent. */
    List<JsonNode> array(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (absent(value)) {
            return List.of();
        }
        if (!value.isArray()) {
            throw error(path, "must be an array, found " + StacJson.kind(value));
        }
        List<JsonNode> elements = new ArrayList<>(value.size());
        value.forEach(elements::add);
        return elements;
    }

    List<Double> numbers(JsonNode parent, String field, String path) {
        List<Double> numbers = new ArrayList<>();
        List<JsonNode> elements = array(parent, field, path);
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            if (!element.isNumber()) {
                throw error(path + "[" + i + "]", "must be a number, found " + StacJson.kind(element));
            }
            numbers.add(element.asDouble());
        }
        return List.copyOf(numbers);
    }

    List<String> texts(JsonNode parent, String field, String path) {
        List<String> texts = new ArrayList<>();
        List<JsonNode> elements = array(parent, field, path);
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            if (!element.isTextual()) {
                throw error(path + "[" + i + "]", "must be a string, found " + StacJson.kind(element));
            }
            texts.add(element.asText());
        }
        return List.copyOf(texts);
    }

    Optional<Instant> instant(JsonNode parent, String field, String path) {
        Optional<String> text = text(parent, field, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Rfc3339.parse(text.get()));
        } catch (DateTimeParseException e) {
            throw error(path, "'" + text.get() + "' is not an RFC 3339 date-time");
        }
    }

    static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    private static String describe(JsonNode value) {
        return value.isNumber() ? value.asText() : StacJson.kind(value);
    }
}
