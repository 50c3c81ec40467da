package dev.stacstream.stac.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A STAC Collection: a catalog of items sharing a license, extents, {@code summaries} and {@code item_assets}.
 * Immutable and lossless; extension members (e.g. Planetary Computer's {@code msft:*}) stay reachable through
 * {@link #field}.
 */
public final class StacCollection {

    /** One temporal extent interval; an open end is empty. */
    public record Interval(Optional<Instant> start, Optional<Instant> end) {}

    private final ObjectNode node;
    private final String id;
    private final List<Link> links;
    private final List<List<Double>> spatialExtent;
    private final List<Interval> temporalExtent;

    private StacCollection(ObjectNode node, String source) {
        JsonFields fields = new JsonFields(source);
        fields.text(node, "type", "type").filter(t -> !t.equals("Collection")).ifPresent(t -> {
            throw fields.error("type", "is '" + t + "', expected 'Collection'");
        });
        this.id = fields.text(node, "id", "id").filter(s -> !s.isBlank())
                .orElseThrow(() -> fields.error("id", "is missing or blank"));
        JsonFields named = new JsonFields(source + " (collection '" + id + "')");
        this.links = Link.listOf(node, named);
        ObjectNode extent = named.object(node, "extent", "extent")
                .orElseThrow(() -> named.error("extent", "is missing"));
        this.spatialExtent = spatial(extent, named);
        this.temporalExtent = temporal(extent, named);
        this.node = node;
    }

    public static StacCollection fromJson(String json, String source) {
        return new StacCollection(StacJson.parseObject(json, source), source);
    }

    public static StacCollection fromNode(JsonNode node, String source) {
        return new StacCollection(StacJson.copyObject(node, source), source);
    }

    public String id() {
        return id;
    }

    public Optional<String> title() {
        return text("title");
    }

    public Optional<String> description() {
        return text("description");
    }

    public Optional<String> license() {
        return text("license");
    }

    public List<Link> links() {
        return links;
    }

    public Optional<Link> link(String rel) {
        return Link.first(links, rel);
    }

    /** {@code extent.spatial.bbox}: the overall box first, then optional sub-boxes. */
    public List<List<Double>> spatialExtent() {
        return spatialExtent;
    }

    /** {@code extent.temporal.interval}: the overall interval first, then optional sub-intervals. */
    public List<Interval> temporalExtent() {
        return temporalExtent;
    }

    /** The keys of {@code item_assets} (asset definitions every item shares), in document order. */
    public List<String> itemAssetKeys() {
        JsonNode itemAssets = node.get("item_assets");
        List<String> keys = new ArrayList<>();
        if (itemAssets != null && itemAssets.isObject()) {
            itemAssets.fieldNames().forEachRemaining(keys::add);
        }
        return List.copyOf(keys);
    }

    /** A copy of any member, e.g. {@code "summaries"} or {@code "msft:container"}. */
    public Optional<JsonNode> field(String name) {
        JsonNode value = node.get(name);
        return value == null ? Optional.empty() : Optional.of(value.deepCopy());
    }

    public String toJson() {
        return StacJson.write(node);
    }

    public ObjectNode toNode() {
        return node.deepCopy();
    }

    private Optional<String> text(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static List<List<Double>> spatial(ObjectNode extent, JsonFields fields) {
        Optional<ObjectNode> spatial = fields.object(extent, "spatial", "extent.spatial");
        if (spatial.isEmpty()) {
            return List.of();
        }
        List<List<Double>> boxes = new ArrayList<>();
        List<JsonNode> nodes = fields.array(spatial.get(), "bbox", "extent.spatial.bbox");
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode box = nodes.get(i);
            ObjectNode holder = StacJson.object();
            holder.set("bbox", box);
            boxes.add(fields.numbers(holder, "bbox", "extent.spatial.bbox[" + i + "]"));
        }
        return List.copyOf(boxes);
    }

    private static List<Interval> temporal(ObjectNode extent, JsonFields fields) {
        Optional<ObjectNode> temporal = fields.object(extent, "temporal", "extent.temporal");
        if (temporal.isEmpty()) {
            return List.of();
        }
        List<Interval> intervals = new ArrayList<>();
        List<JsonNode> nodes = fields.array(temporal.get(), "interval", "extent.temporal.interval");
        for (int i = 0; i < nodes.size(); i++) {
            String path = "extent.temporal.interval[" + i + "]";
            JsonNode pair = nodes.get(i);
            if (!pair.isArray() || pair.size() != 2) {
                throw fields.error(path, "must be an array of two date-times (or null), found " + pair);
            }
            ObjectNode holder = StacJson.object();
            holder.set("start", pair.get(0));
            holder.set("end", pair.get(1));
            intervals.add(new Interval(fields.instant(holder, "start", path + "[0]"),
                    fields.instant(holder, "end", path + "[1]")));
        }
        return List.copyOf(intervals);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StacCollection c && node.equals(c.node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return "Collection{" + id + "}";
    }
}
