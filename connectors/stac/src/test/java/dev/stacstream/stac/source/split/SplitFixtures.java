package dev.stacstream.stac.source.split;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits with fixed content for serializer tests and golden files. The JSON is literal text, so the golden bytes
 * do not depend on how the model formats JSON.
 */
public final class SplitFixtures {

    /** Every optional field set; sub-second times; non-ASCII text. */
    public static final StacItemSplit FULL = new StacItemSplit(
            "sentinel-2-l2a",
            "S2B_32TMT_20250601_0_L2A",
            Instant.parse("2025-06-01T10:27:19.024123Z"),
            Instant.parse("2025-06-02T03:14:15.926Z"),
            "{\"type\":\"Feature\",\"stac_version\":\"1.0.0\",\"id\":\"S2B_32TMT_20250601_0_L2A\","
                    + "\"collection\":\"sentinel-2-l2a\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[8.55,47.37]},"
                    + "\"properties\":{\"datetime\":\"2025-06-01T10:27:19.024123Z\","
                    + "\"updated\":\"2025-06-02T03:14:15.926Z\",\"title\":\"Zürich – 東京 ✓\"},"
                    + "\"links\":[],\"assets\":{\"red\":{\"href\":\"s3://sentinel-cogs/B04.tif\"}}}");

    /** No collection and no publication time. */
    public static final StacItemSplit MINIMAL = new StacItemSplit(
            null,
            "lonely-item",
            Instant.parse("1999-12-31T23:59:59Z"),
            null,
            "{\"type\":\"Feature\",\"id\":\"lonely-item\",\"geometry\":null,"
                    + "\"properties\":{\"datetime\":\"1999-12-31T23:59:59Z\"},\"links\":[],\"assets\":{}}");

    /** The fixtures by golden-file name. */
    public static final Map<String, StacItemSplit> BY_NAME = byName();

    private SplitFixtures() {
    }

    private static Map<String, StacItemSplit> byName() {
        Map<String, StacItemSplit> fixtures = new LinkedHashMap<>();
        fixtures.put("full", FULL);
        fixtures.put("minimal", MINIMAL);
        return fixtures;
    }
}
