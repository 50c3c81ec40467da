package dev.stacstream.job.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsers for the JSON-valued search keys, written in YAML and kept as compact JSON text to send to a STAC API
 * unchanged: {@code source.query} (query extension), {@code source.filter} (CQL2-JSON) and
 * {@code source.intersects} (GeoJSON geometry). They check structure, not semantics: the server is the judge of
 * property names, but a typo in an operator or an unclosed ring is caught before the job starts.
 */
final class SearchJsonParsers {

    /** Operators of the STAC API query extension. */
    static final List<String> QUERY_OPERATORS = List.of("eq", "neq", "lt", "lte", "gt", "gte", "startsWith",
            "endsWith", "contains", "in");

    /** Position nesting depth of each GeoJSON geometry type's {@code coordinates}. */
    private static final Map<String, Integer> COORDINATE_DEPTH = Map.of("Point", 1, "MultiPoint", 2,
            "LineString", 2, "MultiLineString", 3, "Polygon", 3, "MultiPolygon", 4);
    private static final String GEOMETRY_COLLECTION = "GeometryCollection";
    private static final Set<String> POLYGONAL = Set.of("Polygon", "MultiPolygon");
    private static final int MIN_RING_POSITIONS = 4;
    private static final int MIN_POSITION_DIMENSIONS = 2;

    private SearchJsonParsers() {
    }

    /** {@code {property: {operator: value}}}, e.g. {@code {eo:cloud_cover: {lt: 20}}}. */
    static ValueParser<String> query() {
        return node -> {
            requireMapping(node, "a mapping of property names to {operator: value}, like {eo:cloud_cover: {lt: 20}}");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                if (!property.getValue().isObject() || property.getValue().isEmpty()) {
                    throw new IllegalArgumentException(property.getKey() + ": expected {operator: value}, like"
                            + " {lt: 20}, got " + ValueParsers.describe(property.getValue()));
                }
                for (Iterator<Map.Entry<String, JsonNode>> ops = property.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!QUERY_OPERATORS.contains(op.getKey())) {
                        throw new IllegalArgumentException(property.getKey() + ": unknown operator '" + op.getKey()
                                + "' (expected one of " + String.join(", ", QUERY_OPERATORS) + ")");
                    }
                    if (op.getKey().equals("in") && !op.getValue().isArray()) {
                        throw new IllegalArgumentException(property.getKey() + ": operator 'in' needs a list");
                    }
                }
            }
            return node.toString();
        };
    }

    /** A CQL2-JSON expression: a mapping with {@code op} and {@code args}. */
    static ValueParser<String> cql2Filter() {
        return node -> {
            requireMapping(node, "a CQL2-JSON expression (a mapping with op and args)");
            if (!node.path("op").isTextual() || !node.path("args").isArray()) {
                throw new IllegalArgumentException("expected a CQL2-JSON expression with 'op' (a string) and 'args'"
                        + " (a list), like {op: '<', args: [{property: eo:cloud_cover}, 20]}");
            }
            return node.toString();
        };
    }

    /** A GeoJSON geometry in longitude/latitude degrees. */
    static ValueParser<SpatialFilter.Intersects> geometry() {
        return node -> {
            checkGeometry(node);
            return new SpatialFilter.Intersects(node.toString());
        };
    }

    private static void checkGeometry(JsonNode node) {
        requireMapping(node, "a GeoJSON geometry, like {type: Polygon, coordinates: [[[lon, lat], ...]]}");
        String type = node.path("type").asText("");
        if (type.equals(GEOMETRY_COLLECTION)) {
            if (!node.path("geometries").isArray()) {
                throw new IllegalArgumentException("a GeometryCollection needs a 'geometries' list");
            }
            node.path("geometries").forEach(SearchJsonParsers::checkGeometry);
            return;
        }
        Integer depth = COORDINATE_DEPTH.get(type);
        if (depth == null) {
            throw new IllegalArgumentException("unknown GeoJSON geometry type '" + type + "' (expected one of Point,"
                    + " MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection)");
        }
        checkCoordinates(node.path("coordinates"), depth, type);
    }

    private static void checkCoordinates(JsonNode coordinates, int depth, String type) {
        if (!coordinates.isArray()) {
            throw new IllegalArgumentException("the " + type + " has no 'coordinates' list");
        }
        if (depth == 1) {
            if (coordinates.size() < MIN_POSITION_DIMENSIONS) {
                throw new IllegalArgumentException("a position of the " + type + " has fewer than 2 numbers");
            }
            ValueParsers.numbers(coordinates, coordinates.size(), "[lon, lat]");
            return;
        }
        if (coordinates.isEmpty()) {
            throw new IllegalArgumentException("the " + type + " has an empty coordinates list");
        }
        boolean ringLevel = POLYGONAL.contains(type) && depth == 2;
        if (ringLevel) {
            checkRing(coordinates, type);
        }
        for (JsonNode child : coordinates) {
            checkCoordinates(child, depth - 1, type);
        }
    }

    private static void checkRing(JsonNode ring, String type) {
        if (ring.size() < MIN_RING_POSITIONS) {
            throw new IllegalArgumentException("a ring of the " + type + " has " + ring.size()
                    + " positions; a closed ring needs at least 4");
        }
        if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
            throw new IllegalArgumentException("a ring of the " + type + " is not closed (its first and last"
                    + " positions differ)");
        }
    }

    private static void requireMapping(JsonNode node, String expected) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected " + expected + ", got " + ValueParsers.describe(node));
        }
    }
}
