package dev.stacstream.stac.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A GeoJSON FeatureCollection of STAC items: a STAC API search page (with {@code next} link and, on some servers,
 * {@code numberMatched}/{@code numberReturned} or the older {@code context}) or an ItemCollection file.
 *
 * <p>The page itself must be well-formed; its features are checked one by one ({@link #features()}), so that one
 * malformed item is reported and skipped instead of losing the page.
 */
public final class ItemCollection {

    /** One feature of the page: a valid item or the reason it is not one. */
    public sealed interface Feature permits Valid, Invalid {}

    /** A feature that is a valid STAC item. */
    public record Valid(StacItem item) implements Feature {}

    /**
     * A feature that is not a valid STAC item.
     *
     * @param index its position in {@code features}
     * @param id its {@code id} if it has a textual one, for the report
     * @param reason what is wrong with it, e.g. {@code features[3]: properties.datetime is missing ...}
     */
    public record Invalid(int index, Optional<String> id, String reason) implements Feature {}

    private final ObjectNode node;
    private final String source;
    private final List<Link> links;

    private ItemCollection(ObjectNode node, String source) {
        JsonFields fields = new JsonFields(source);
        String type = fields.text(node, "type", "type").orElseThrow(() -> fields.error("type", "is missing"));
        if (!"FeatureCollection".equals(type)) {
            throw fields.error("type", "is '" + type + "', expected 'FeatureCollection'");
        }
        JsonNode features = node.get("features");
        if (features == null || !features.isArray()) {
            throw fields.error("features", "must be an array, found " + StacJson.kind(features));
        }
        this.links = Link.listOf(node, fields);
        this.node = node;
        this.source = source;
    }

    /** Parses a FeatureCollection; {@code source} (its URL) is named in errors. */
    public static ItemCollection fromJson(String json, String source) {
        return new ItemCollection(StacJson.parseObject(json, source), source);
    }

    /** Builds one from a parsed tree (copied). */
    public static ItemCollection fromNode(JsonNode node, String source) {
        return new ItemCollection(StacJson.copyObject(node, source), source);
    }

    /** How many features the page holds. */
    public int size() {
        return node.get("features").size();
    }

    /** Every feature, parsed, in page order. */
    public List<Feature> features() {
        JsonNode features = node.get("features");
        List<Feature> result = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            JsonNode id = feature.path("id");
            Optional<String> idText = id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
            try {
                result.add(new Valid(StacItem.fromNode(feature, source + " features[" + i + "]")));
            } catch (StacFormatException e) {
                result.add(new Invalid(i, idText, "features[" + i + "]: " + e.problem()));
            }
        }
        return result;
    }

    /** Only the valid items, failing on the first invalid one (for documents that must be entirely valid). */
    public List<StacItem> items() {
        List<StacItem> items = new ArrayList<>();
        for (Feature f : features()) {
            if (f instanceof Invalid invalid) {
                throw new StacFormatException(source, invalid.reason()
                        + invalid.id().map(id -> " (item '" + id + "')").orElse(""));
            }
            items.add(((Valid) f).item());
        }
        return items;
    }

    public List<Link> links() {
        return links;
    }

    /** The {@code rel=next} link, if the server offers another page. */
    public Optional<Link> nextLink() {
        return Link.first(links, "next");
    }

    /**
     * How many items match the whole search, if the server says: {@code numberMatched} (OGC API Features), else
     * the older {@code context.matched} (STAC API context extension).
     */
    public OptionalLong numberMatched() {
        JsonNode matched = node.get("numberMatched");
        if (matched == null || !matched.isIntegralNumber()) {
            matched = node.path("context").get("matched");
        }
        return matched != null && matched.isIntegralNumber() ? OptionalLong.of(matched.asLong()) : OptionalLong.empty();
    }

    public String toJson() {
        return StacJson.write(node);
    }

    @Override
    public String toString() {
        return "ItemCollection{" + source + ", " + size() + " features}";
    }
}
