package dev.stacstream.stac.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One asset of a {@link StacItem}: its href (as written and resolved against the item's location), media type,
 * roles, and the per-asset extension fields the pipeline needs ({@code eo:bands}, {@code raster:bands},
 * {@code proj:*}, {@code alternate}). Immutable; every other member stays available through {@link #field}.
 */
public final class Asset {

    private final String key;
    private final ObjectNode node;
    private final String base;
    private final List<EoBand> eoBands;
    private final List<RasterBand> rasterBands;
    private final Projection projection;
    private final Map<String, String> alternates;

    /**
     * @param node the asset object, owned by the (immutable) item and never handed out
     * @param base the item's location for resolving relative hrefs, or {@code null}
     * @param itemEoBands item-level {@code eo:bands} that older items' assets refer to by index
     * @param itemProjection the item's {@code proj:*}, the fallback of each asset field
     */
    Asset(String key, ObjectNode node, String base, List<EoBand> itemEoBands, Projection itemProjection,
            JsonFields fields) {
        String path = "assets." + key;
        this.key = key;
        this.node = node;
        this.base = base;
        fields.text(node, "href", path + ".href").orElseThrow(() -> fields.error(path + ".href", "is missing"));
        this.eoBands = eoBands(node, path, itemEoBands, fields);
        List<RasterBand> raster = new ArrayList<>();
        List<JsonNode> rasterNodes = fields.array(node, "raster:bands", path + ".raster:bands");
        for (int i = 0; i < rasterNodes.size(); i++) {
            raster.add(RasterBand.fromNode(rasterNodes.get(i), path + ".raster:bands[" + i + "]", fields));
        }
        this.rasterBands = List.copyOf(raster);
        this.projection = Projection.fromNode(node, path, fields).orElse(itemProjection);
        this.alternates = alternates(node, path, base, fields);
    }

    /** The asset's key in the item's {@code assets} object. */
    public String key() {
        return key;
    }

    /** The href exactly as written in the item. */
    public String href() {
        return node.get("href").asText();
    }

    /** The href resolved against the item's self link (unchanged when it is already absolute). */
    public String resolvedHref() {
        return Hrefs.resolve(base, href());
    }

    /**
     * The href to read with a given scheme: the asset's own href if it has that scheme, else the first
     * {@code alternate} href that does (e.g. {@code "s3"} for USGS's requester-pays alternates of https hrefs).
     */
    public Optional<String> hrefWithScheme(String scheme) {
        String wanted = scheme.toLowerCase(Locale.ROOT);
        String own = resolvedHref();
        if (Hrefs.scheme(own).filter(wanted::equals).isPresent()) {
            return Optional.of(own);
        }
        return alternates.values().stream().filter(h -> Hrefs.scheme(h).filter(wanted::equals).isPresent()).findFirst();
    }

    /** The {@code alternate} hrefs by name (alternate-assets extension), resolved, in document order. */
    public Map<String, String> alternateHrefs() {
        return alternates;
    }

    /** The media type, e.g. {@code image/tiff; application=geotiff; profile=cloud-optimized}. */
    public Optional<String> type() {
        return text("type");
    }

    public Optional<String> title() {
        return text("title");
    }

    /** The asset's roles ({@code data}, {@code overview}, {@code reflectance}, ...), empty if none. */
    public List<String> roles() {
        JsonNode roles = node.get("roles");
        if (roles == null || !roles.isArray()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        roles.forEach(r -> result.add(r.asText()));
        return List.copyOf(result);
    }

    /** Whether the media type says GeoTIFF (any profile); JPEG2000, XML, thumbnails and so on are not. */
    public boolean isGeoTiff() {
        return type().map(t -> t.toLowerCase(Locale.ROOT))
                .map(t -> t.startsWith("image/tiff") || t.startsWith("image/vnd.stac.geotiff"))
                .orElse(false);
    }

    /** The bands of {@code eo:bands}, in order (index references of older STAC versions resolved). */
    public List<EoBand> eoBands() {
        return eoBands;
    }

    /** The bands of {@code raster:bands}, in order; empty when the asset does not use the raster extension. */
    public List<RasterBand> rasterBands() {
        return rasterBands;
    }

    /** The asset's {@code proj:*} fields, each falling back to the item's. */
    public Projection projection() {
        return projection;
    }

    /** A copy of any member of the asset, e.g. {@code "file:checksum"}. */
    public Optional<JsonNode> field(String name) {
        JsonNode value = node.get(name);
        return value == null ? Optional.empty() : Optional.of(value.deepCopy());
    }

    /** A copy of the asset object. */
    public ObjectNode toNode() {
        return node.deepCopy();
    }

    private Optional<String> text(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /**
     * {@code eo:bands} objects, or (STAC 0.9 and earlier) integer indices into the item's {@code properties.eo:bands}.
     */
    private static List<EoBand> eoBands(ObjectNode node, String path, List<EoBand> itemEoBands, JsonFields fields) {
        List<JsonNode> nodes = fields.array(node, "eo:bands", path + ".eo:bands");
        List<EoBand> bands = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode band = nodes.get(i);
            String bandPath = path + ".eo:bands[" + i + "]";
            if (band.isIntegralNumber()) {
                int index = band.asInt();
                if (index < 0 || index >= itemEoBands.size()) {
                    throw fields.error(bandPath, "refers to band " + index + " but properties.eo:bands has "
                            + itemEoBands.size());
                }
                bands.add(itemEoBands.get(index));
            } else {
                bands.add(EoBand.fromNode(band, bandPath, fields));
            }
        }
        return List.copyOf(bands);
    }

    private static Map<String, String> alternates(ObjectNode node, String path, String base, JsonFields fields) {
        Optional<ObjectNode> alternate = fields.object(node, "alternate", path + ".alternate");
        if (alternate.isEmpty()) {
            return Map.of();
        }
        Map<String, String> hrefs = new LinkedHashMap<>();
        alternate.get().properties().forEach(entry -> {
            String altPath = path + ".alternate." + entry.getKey();
            if (!entry.getValue().isObject()) {
                throw fields.error(altPath, "must be an object, found " + StacJson.kind(entry.getValue()));
            }
            String href = fields.text(entry.getValue(), "href", altPath + ".href")
                    .orElseThrow(() -> fields.error(altPath + ".href", "is missing"));
            hrefs.put(entry.getKey(), Hrefs.resolve(base, href));
        });
        return Collections.unmodifiableMap(hrefs);
    }

    @Override
    public String toString() {
        return "Asset{" + key + " -> " + href() + "}";
    }
}
