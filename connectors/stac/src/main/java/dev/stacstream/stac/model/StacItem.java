package dev.stacstream.stac.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A STAC Item (a GeoJSON Feature with {@code properties.datetime}, {@code assets} and {@code links}), read from
 * any STAC version in use (0.9 to 1.1) and any extension set.
 *
 * <p><b>Immutable and lossless.</b> The whole JSON document is kept, so unknown members and extensions survive
 * {@link #toJson()} / {@link #fromJson(String)} unchanged; typed accessors cover what discovery and reading need.
 * The document is validated once, on construction: an id, a datetime (or {@code start_datetime}), and well-typed
 * {@code links}, {@code assets} and extension fields. Geometry may be {@code null} and assets may be empty, as
 * STAC allows; whether such items are usable is the discovery layer's decision.
 *
 * <p><b>Hrefs.</b> Relative asset hrefs resolve against the item's {@code self} link (see {@link #withSelfHref}).
 *
 * <p>{@link Serializable} through its JSON text (serialization proxy), so it can travel in Flink records.
 */
public final class StacItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String SELF = "self";
    private static final String GEOJSON_TYPE = "application/geo+json";

    private final transient ObjectNode node;
    private final transient String id;
    private final transient String collection;
    private final transient Instant datetime;
    private final transient Instant startDatetime;
    private final transient Instant endDatetime;
    private final transient Instant updated;
    private final transient List<Link> links;
    private final transient Projection projection;
    private final transient Map<String, Asset> assets;

    private StacItem(ObjectNode node, String source) {
        JsonFields fields = new JsonFields(source);
        String type = fields.text(node, "type", "type").orElseThrow(() -> fields.error("type", "is missing"));
        if (!"Feature".equals(type)) {
            throw fields.error("type", "is '" + type + "', expected 'Feature'");
        }
        this.id = fields.text(node, "id", "id").filter(s -> !s.isBlank())
                .orElseThrow(() -> fields.error("id", "is missing or blank"));
        JsonFields named = new JsonFields(describe(id, source));
        ObjectNode properties = named.object(node, "properties", "properties")
                .orElseThrow(() -> named.error("properties", "is missing"));
        this.node = node;
        this.collection = named.text(node, "collection", "collection").orElse(null);
        Optional<Instant> datetime = named.instant(properties, "datetime", "properties.datetime");
        this.startDatetime = named.instant(properties, "start_datetime", "properties.start_datetime").orElse(null);
        this.endDatetime = named.instant(properties, "end_datetime", "properties.end_datetime").orElse(null);
        this.datetime = datetime.or(() -> Optional.ofNullable(startDatetime)).orElseThrow(() ->
                named.error("properties.datetime", "is missing or null and there is no start_datetime"));
        this.updated = named.instant(properties, "updated", "properties.updated")
                .or(() -> named.instant(properties, "created", "properties.created")).orElse(null);
        named.numbers(node, "bbox", "bbox");
        this.links = Link.listOf(node, named);
        this.projection = Projection.fromNode(properties, "properties", named);
        String base = Link.first(links, SELF).map(Link::href).orElse(null);
        this.assets = assets(node, properties, base, projection, named);
    }

    /**
     * Parses an item from JSON text.
     *
     * @throws StacFormatException if the text is not a valid STAC item (naming the problem)
     */
    public static StacItem fromJson(String json) {
        return fromJson(json, "STAC item");
    }

    /** As {@link #fromJson(String)}, with {@code source} (e.g. the item's URI) named in error messages. */
    public static StacItem fromJson(String json, String source) {
        return new StacItem(StacJson.parseObject(json, source), source);
    }

    /** Builds an item from a parsed JSON tree (copied, so later changes to {@code node} do not affect it). */
    public static StacItem fromNode(JsonNode node) {
        return fromNode(node, "STAC item");
    }

    /** As {@link #fromNode(JsonNode)}, with {@code source} named in error messages. */
    public static StacItem fromNode(JsonNode node, String source) {
        return new StacItem(StacJson.copyObject(node, source), source);
    }

    public String id() {
        return id;
    }

    /** The {@code collection} id, or {@code null} when the item names none. */
    public String collection() {
        return collection;
    }

    /** {@code properties.datetime}, else {@code properties.start_datetime}; never {@code null}. */
    public Instant datetime() {
        return datetime;
    }

    /** {@code properties.start_datetime}, for items that cover a time range. */
    public Optional<Instant> startDatetime() {
        return Optional.ofNullable(startDatetime);
    }

    /** {@code properties.end_datetime}, for items that cover a time range. */
    public Optional<Instant> endDatetime() {
        return Optional.ofNullable(endDatetime);
    }

    /** {@code properties.updated}, else {@code properties.created}, else empty. */
    public Optional<Instant> updated() {
        return Optional.ofNullable(updated);
    }

    public Optional<String> stacVersion() {
        return Optional.ofNullable(node.get("stac_version")).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    /** The schema URIs of {@code stac_extensions}. */
    public List<String> stacExtensions() {
        return new JsonFields(describe(id, null)).texts(node, "stac_extensions", "stac_extensions");
    }

    /** Whether the item has a (non-null) geometry. */
    public boolean hasGeometry() {
        return !JsonFields.absent(node.get("geometry"));
    }

    /** A copy of the GeoJSON geometry, or empty when it is {@code null}. */
    public Optional<JsonNode> geometry() {
        return hasGeometry() ? Optional.of(node.get("geometry").deepCopy()) : Optional.empty();
    }

    /** The {@code bbox} ({@code [west, south, east, north]} or with heights), empty if absent. */
    public List<Double> bbox() {
        return new JsonFields(describe(id, null)).numbers(node, "bbox", "bbox");
    }

    /** A copy of the {@code properties} object. */
    public ObjectNode properties() {
        return (ObjectNode) node.get("properties").deepCopy();
    }

    /** A copy of one member of {@code properties}, e.g. {@code "eo:cloud_cover"}. */
    public Optional<JsonNode> property(String name) {
        JsonNode value = node.get("properties").get(name);
        return value == null ? Optional.empty() : Optional.of(value.deepCopy());
    }

    /** A textual member of {@code properties}; empty if absent or not a string. */
    public Optional<String> propertyText(String name) {
        JsonNode value = node.get("properties").get(name);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The item's links, in document order. */
    public List<Link> links() {
        return links;
    }

    /** The first link with relation {@code rel}. */
    public Optional<Link> link(String rel) {
        return Link.first(links, rel);
    }

    /** The {@code self} link's href: where the item lives, and the base of its relative hrefs. */
    public Optional<String> selfHref() {
        return link(SELF).map(Link::href);
    }

    /** The item-level {@code proj:*} fields. */
    public Projection projection() {
        return projection;
    }

    /** The assets by key, in document order. */
    public Map<String, Asset> assets() {
        return assets;
    }

    /** The asset with exactly this key. */
    public Optional<Asset> asset(String key) {
        return Optional.ofNullable(assets.get(key));
    }

    /**
     * The asset holding one band, found by asset key, band name or common name, whichever convention the
     * producer used:
     * <ol>
     *   <li>an asset whose key is {@code name} (exact, then ignoring case): Earth Search v1 and USGS use common
     *       names as keys ({@code red}), Earth Search v0 and Planetary Computer use band ids ({@code B04});</li>
     *   <li>a single-band asset whose {@code eo:bands} entry has {@code name} as its name or common name,
     *       GeoTIFFs first (so {@code red} finds {@code red} rather than its JPEG2000 twin), in document order;
     *       multi-band assets such as {@code visual} never match;</li>
     *   <li>on Sentinel-2 items, the conventional other key ({@code red} &lt;-&gt; {@code B04}), by key.</li>
     * </ol>
     */
    public Optional<Asset> assetForBand(String name) {
        Optional<Asset> byKey = assetByKeyIgnoringCase(name);
        if (byKey.isPresent()) {
            return byKey;
        }
        Optional<Asset> byEo = assets.values().stream()
                .filter(a -> a.eoBands().size() == 1 && a.eoBands().get(0).matches(name))
                .min(Comparator.comparing((Asset a) -> !a.isGeoTiff()));
        if (byEo.isPresent()) {
            return byEo;
        }
        return BandAliases.isSentinel2(this)
                ? BandAliases.sentinel2Alias(name).flatMap(this::assetByKeyIgnoringCase)
                : Optional.empty();
    }

    /**
     * This item with its {@code self} link set to {@code href} (replaced, or added if missing): the catalog walker
     * records where it actually read the item from, so relative asset hrefs resolve against that location.
     */
    public StacItem withSelfHref(String href) {
        ObjectNode copy = node.deepCopy();
        ArrayNode newLinks = copy.putArray("links");
        boolean replaced = false;
        JsonNode oldLinks = node.get("links");
        if (oldLinks != null && oldLinks.isArray()) {
            for (JsonNode link : oldLinks) {
                if (!replaced && SELF.equalsIgnoreCase(link.path("rel").asText())) {
                    newLinks.add(((ObjectNode) link.deepCopy()).put("href", href));
                    replaced = true;
                } else {
                    newLinks.add(link.deepCopy());
                }
            }
        }
        if (!replaced) {
            newLinks.addObject().put("rel", SELF).put("href", href).put("type", GEOJSON_TYPE);
        }
        return new StacItem(copy, describe(id, null));
    }

    /** Compact JSON; {@code fromJson(toJson())} equals this item. */
    public String toJson() {
        return StacJson.write(node);
    }

    /** A copy of the JSON tree. */
    public ObjectNode toNode() {
        return node.deepCopy();
    }

    private Optional<Asset> assetByKeyIgnoringCase(String key) {
        Asset exact = assets.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        return assets.values().stream().filter(a -> a.key().equalsIgnoreCase(key)).findFirst();
    }

    private static Map<String, Asset> assets(ObjectNode node, ObjectNode properties, String base,
            Projection itemProjection, JsonFields fields) {
        Optional<ObjectNode> assetsNode = fields.object(node, "assets", "assets");
        if (assetsNode.isEmpty()) {
            return Map.of();
        }
        List<EoBand> itemEoBands = new ArrayList<>();
        List<JsonNode> eo = fields.array(properties, "eo:bands", "properties.eo:bands");
        for (int i = 0; i < eo.size(); i++) {
            itemEoBands.add(EoBand.fromNode(eo.get(i), "properties.eo:bands[" + i + "]", fields));
        }
        Map<String, Asset> result = new LinkedHashMap<>();
        assetsNode.get().properties().forEach(entry -> {
            if (!entry.getValue().isObject()) {
                throw fields.error("assets." + entry.getKey(), "must be an object, found "
                        + StacJson.kind(entry.getValue()));
            }
            result.put(entry.getKey(), new Asset(entry.getKey(), (ObjectNode) entry.getValue(), base,
                    itemEoBands, itemProjection, fields));
        });
        return Collections.unmodifiableMap(result);
    }

    private static String describe(String id, String source) {
        String item = "STAC item '" + id + "'";
        return source == null || source.startsWith("STAC item") ? item : source + " (" + item + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StacItem other && node.equals(other.node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return "StacItem{" + (collection != null ? collection + "/" : "") + id + " @ " + Rfc3339.format(datetime) + "}";
    }

    // Serialization proxy: the JSON text is the serialized form, re-validated on the way in.
    private Object writeReplace() {
        return new SerializedForm(toJson());
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("StacItem is deserialized through its SerializedForm proxy");
    }

    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String json;

        SerializedForm(String json) {
            this.json = json;
        }

        private Object readResolve() {
            return fromJson(json);
        }
    }
}
