package dev.stacstream.stac.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The 2D bounding box {@code [west, south, east, north]} of a GeoJSON geometry, for items that carry a geometry but
 * no {@code bbox} (allowed before STAC 1.0). Plain min/max over every position, so a geometry crossing the
 * antimeridian gets the wide box; STAC items that cross it carry a {@code bbox} with west &gt; east, which is used
 * instead whenever present.
 */
final class GeoJsonBounds {

    private GeoJsonBounds() {}

    static Optional<List<Double>> of(JsonNode geometry) {
        double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        visit(geometry, box);
        return box[0] <= box[2] ? Optional.of(List.of(box[0], box[1], box[2], box[3])) : Optional.empty();
    }

    private static void visit(JsonNode node, double[] box) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            visit(node.get("coordinates"), box);
            JsonNode geometries = node.get("geometries");
            if (geometries != null) {
                geometries.forEach(g -> visit(g, box));
            }
            return;
        }
        if (!node.isArray() || node.isEmpty()) {
            return;
        }
        if (node.get(0).isNumber()) {
            if (node.size() >= 2 && node.get(1).isNumber()) {
                double x = node.get(0).asDouble();
                double y = node.get(1).asDouble();
                box[0] = Math.min(box[0], x);
                box[1] = Math.min(box[1], y);
                box[2] = Math.max(box[2], x);
                box[3] = Math.max(box[3], y);
            }
            return;
        }
        node.forEach(child -> visit(child, box));
    }
}
