package dev.stacstream.stac.source.typeutils;

import static dev.stacstream.stac.source.testing.TestItems.item;

import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.source.testing.TestItems;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.time.Instant;

/**
 * Flink's serializer contract (copy, sequences, snapshot and restore, duplication, Java serializability) checked
 * by Flink's own {@link SerializerTestBase} on items with and without optional members.
 */
class StacItemSerializerTest extends SerializerTestBase<StacItem> {

    @Override
    protected TypeSerializer<StacItem> createSerializer() {
        return StacItemSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<StacItem> getTypeClass() {
        return StacItem.class;
    }

    /** A STAC item has no empty value, so {@link StacItemSerializer#createInstance()} returns null. */
    @Override
    protected boolean allowNullInstances(TypeSerializer<StacItem> serializer) {
        return true;
    }

    @Override
    protected StacItem[] getTestData() {
        var withExtension = TestItems.node("landsat-c2-l2", "LC09_L2SP_195027_20250601_02_T1",
                Instant.parse("2025-06-01T10:12:13.456789Z"), Instant.parse("2025-06-03T00:00:00Z"));
        withExtension.withArray("stac_extensions").add("https://stac-extensions.github.io/eo/v1.1.0/schema.json");
        withExtension.withObjectProperty("properties").put("eo:cloud_cover", 12.5).put("title", "Zürich – 東京");
        withExtension.put("x-unknown-member", "kept");
        return new StacItem[] {
            item("a", Instant.parse("2025-06-01T00:00:00Z")),
            TestItems.item(null, "no-collection", Instant.parse("1970-01-01T00:00:00Z"), null),
            StacItem.fromNode(withExtension),
            item("padded", Instant.parse("2025-06-01T00:00:00Z"))
                    .withSelfHref("https://example.test/" + "very-long-path/".repeat(5000) + "item.json"),
        };
    }
}
