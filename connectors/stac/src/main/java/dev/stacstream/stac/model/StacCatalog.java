package dev.stacstream.stac.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A STAC Catalog, or any document that plays its role: a Collection (which is a Catalog with extents) and a STAC
 * API landing page (a Catalog with {@code conformsTo}). What discovery needs from it: its links to children and
 * items, and the API's conformance classes. Immutable and lossless, like {@link StacItem}.
 */
public final class StacCatalog {

    private static final Set<String> TYPES = Set.of("Catalog", "Collection");

    private final ObjectNode node;
    private final String id;
    private final String type;
    private final List<Link> links;
    private final List<String> conformsTo;

    private StacCatalog(ObjectNode node, String source) {
        JsonFields fields = new JsonFields(source);
        // STAC 0.x catalogs have no "type"; from 1.0 it is "Catalog" or "Collection".
        this.type = fields.text(node, "type", "type").orElse("Catalog");
        if (!TYPES.contains(type)) {
            throw fields.error("type", "is '" + type + "', expected 'Catalog' or 'Collection'");
        }
        this.id = fields.text(node, "id", "id").filter(s -> !s.isBlank())
                .orElseThrow(() -> fields.error("id", "is missing or blank"));
        this.links = Link.listOf(node, fields);
        this.conformsTo = fields.texts(node, "conformsTo", "conformsTo");
        this.node = node;
    }

    /** Parses a catalog, collection or landing page; {@code source} (its URI) is named in errors. */
    public static StacCatalog fromJson(String json, String source) {
        return new StacCatalog(StacJson.parseObject(json, source), source);
    }

    /** Builds one from a parsed tree (copied). */
    public static StacCatalog fromNode(JsonNode node, String source) {
        return new StacCatalog(StacJson.copyObject(node, source), source);
    }

    public String id() {
        return id;
    }

    /** {@code "Catalog"} or {@code "Collection"}. */
    public String type() {
        return type;
    }

    public boolean isCollection() {
        return "Collection".equals(type);
    }

    public Optional<String> title() {
        return Optional.ofNullable(node.get("title")).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    public Optional<String> description() {
        return Optional.ofNullable(node.get("description")).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    public List<Link> links() {
        return links;
    }

    /** Links with relation {@code rel}, in order. */
    public List<Link> links(String rel) {
        return links.stream().filter(l -> l.rel().equalsIgnoreCase(rel)).toList();
    }

    public Optional<Link> link(String rel) {
        return Link.first(links, rel);
    }

    /** {@code rel=child} links: sub-catalogs and collections. */
    public List<Link> childLinks() {
        return links("child");
    }

    /** {@code rel=item} links. */
    public List<Link> itemLinks() {
        return links("item");
    }

    /** The conformance classes a STAC API landing page declares ({@code conformsTo}); empty for static catalogs. */
    public List<String> conformsTo() {
        return conformsTo;
    }

    /** A copy of any member. */
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

    @Override
    public boolean equals(Object o) {
        return o instanceof StacCatalog c && node.equals(c.node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return type + "{" + id + ", " + links.size() + " links}";
    }
}
