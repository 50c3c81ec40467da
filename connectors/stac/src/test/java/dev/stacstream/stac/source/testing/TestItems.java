package dev.stacstream.stac.source.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.stac.model.StacItem;

import java.time.Instant;

/**
 * Small but complete STAC 1.0 items for source tests: a point geometry, one COG asset, and the properties the
 * source reads ({@code datetime}, optional {@code updated}).
 */
public final class TestItems {

    /** The collection of {@link #item(String, Instant)}. */
    public static final String COLLECTION = "sentinel-2-l2a";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestItems() {
    }

    /** An item of {@link #COLLECTION} acquired at {@code datetime}, without {@code updated}. */
    public static StacItem item(String id, Instant datetime) {
        return item(COLLECTION, id, datetime, null);
    }

    /** An item of {@link #COLLECTION} acquired at {@code datetime} and published at {@code updated}. */
    public static StacItem item(String id, Instant datetime, Instant updated) {
        return item(COLLECTION, id, datetime, updated);
    }

    /**
     * @param collection null for an item without a collection
     * @param updated null for an item that states no publication time
     */
    public static StacItem item(String collection, String id, Instant datetime, Instant updated) {
        return StacItem.fromNode(node(collection, id, datetime, updated));
    }

    /** The JSON tree of {@link #item(String, String, Instant, Instant)}, for tests that add members. */
    public static ObjectNode node(String collection, String id, Instant datetime, Instant updated) {
        ObjectNode item = JSON.createObjectNode();
        item.put("type", "Feature");
        item.put("stac_version", "1.0.0");
        item.put("id", id);
        if (collection != null) {
            item.put("collection", collection);
        }
        ObjectNode geometry = item.putObject("geometry");
        geometry.put("type", "Point");
        geometry.putArray("coordinates").add(8.55).add(47.37);
        item.putArray("bbox").add(8.55).add(47.37).add(8.55).add(47.37);
        ObjectNode properties = item.putObject("properties");
        properties.put("datetime", datetime.toString());
        if (updated != null) {
            properties.put("updated", updated.toString());
        }
        item.putArray("links");
        ObjectNode red = item.putObject("assets").putObject("red");
        red.put("href", "s3://sentinel-cogs/" + (collection == null ? "none" : collection) + "/" + id + "/B04.tif");
        red.put("type", "image/tiff; application=geotiff; profile=cloud-optimized");
        return item;
    }
}
