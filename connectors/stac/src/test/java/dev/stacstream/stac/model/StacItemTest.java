package dev.stacstream.stac.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Items written for the test: hrefs, older STAC layouts, unknown members, and every way an item can be invalid. */
class StacItemTest {

    /** A minimal valid item; tests change one thing at a time. */
    static ObjectNode minimalItem() {
        return (ObjectNode) StacJson.parse("""
                {"type": "Feature", "stac_version": "1.1.0", "id": "x1", "collection": "c",
                 "bbox": [0, 0, 1, 1],
                 "geometry": {"type": "Point", "coordinates": [0.5, 0.5]},
                 "properties": {"datetime": "2024-05-01T00:00:00Z"},
                 "assets": {"data": {"href": "./data.tif", "type": "image/tiff; application=geotiff"}},
                 "links": []}
                """, "test item");
    }

    @ParameterizedTest(name = "self {0}")
    @CsvSource({
        "https://example.org/stac/col/x1/x1.json, ./data.tif, https://example.org/stac/col/x1/data.tif",
        "https://example.org/stac/col/x1/x1.json, ../shared/data.tif, https://example.org/stac/col/shared/data.tif",
        "https://example.org/stac/col/x1/x1.json, /root/data.tif, https://example.org/root/data.tif",
        "s3://bucket/stac/col/x1/x1.json, data.tif, s3://bucket/stac/col/x1/data.tif",
        "s3://bucket/stac/col/x1/x1.json, ../../other/data.tif, s3://bucket/stac/other/data.tif",
        "file:///data/stac/x1/x1.json, ./data.tif, file:///data/stac/x1/data.tif",
        "s3://bucket/stac/x1/x1.json, https://cdn.example.org/a.tif?sig=a%2Fb, https://cdn.example.org/a.tif?sig=a%2Fb",
        "https://example.org/stac/x1/x1.json, ./my data.tif, https://example.org/stac/x1/my%20data.tif",
    })
    void resolvesAssetHrefsAgainstTheSelfLink(String self, String href, String resolved) {
        ObjectNode json = minimalItem();
        ((ObjectNode) json.get("assets").get("data")).put("href", href);
        json.putArray("links").addObject().put("rel", "self").put("href", self);
        Asset data = StacItem.fromNode(json).asset("data").orElseThrow();

        assertThat(data.href()).isEqualTo(href);
        assertThat(data.resolvedHref()).isEqualTo(resolved);
    }

    @Test
    void relativeAlternatesResolveToo() {
        ObjectNode json = minimalItem();
        ((ObjectNode) json.get("assets").get("data")).putObject("alternate").putObject("mirror").put("href", "../m/d.tif");
        StacItem item = StacItem.fromNode(json).withSelfHref("https://a.org/c/x1/x1.json");

        assertThat(item.asset("data").orElseThrow().alternateHrefs()).containsEntry("mirror", "https://a.org/c/m/d.tif");
    }

    @Test
    void withoutASelfLinkRelativeHrefsStayAsWritten() {
        assertThat(StacItem.fromNode(minimalItem()).asset("data").orElseThrow().resolvedHref()).isEqualTo("./data.tif");
    }

    @Test
    void withSelfHrefReplacesOrAddsTheSelfLinkAndKeepsTheOthers() {
        ObjectNode json = minimalItem();
        json.putArray("links").addObject().put("rel", "self").put("href", "https://old.example.org/x1.json");
        ((ArrayNode) json.get("links")).addObject().put("rel", "parent")
                .put("href", "../catalog.json");

        StacItem moved = StacItem.fromNode(json).withSelfHref("s3://b/x1/x1.json");
        StacItem added = StacItem.fromNode(minimalItem()).withSelfHref("s3://b/x1/x1.json");

        assertThat(moved.links()).extracting(Link::rel, Link::href).containsExactly(
                tuple("self", "s3://b/x1/x1.json"),
                tuple("parent", "../catalog.json"));
        assertThat(added.selfHref()).contains("s3://b/x1/x1.json");
        assertThat(added.link("self").orElseThrow().type()).contains("application/geo+json");
        assertThat(added.asset("data").orElseThrow().resolvedHref()).isEqualTo("s3://b/x1/data.tif");
    }

    @Test
    void keepsUnknownMembersAndExtensionsThroughJson() {
        ObjectNode json = minimalItem();
        json.putObject("my:extension").put("answer", 42).putArray("list").add("a").add(1.5);
        ((ObjectNode) json.get("properties")).put("vendor:flag", true).putNull("vendor:nothing");
        ((ObjectNode) json.get("assets").get("data")).put("file:size", 123456789012L);

        StacItem item = StacItem.fromJson(StacItem.fromNode(json).toJson());

        assertThat(item.toNode()).isEqualTo(json);
        assertThat(item.property("vendor:flag").orElseThrow().asBoolean()).isTrue();
        assertThat(item.property("vendor:nothing").orElseThrow().isNull()).isTrue();
        assertThat(item.asset("data").orElseThrow().field("file:size").orElseThrow().asLong()).isEqualTo(123456789012L);
    }

    @Test
    void accessorsHandOutCopies() {
        StacItem item = StacItem.fromNode(minimalItem());
        item.toNode().put("id", "changed");
        item.properties().put("datetime", "1999-01-01T00:00:00Z");
        item.asset("data").orElseThrow().toNode().put("href", "changed.tif");

        assertThat(item.id()).isEqualTo("x1");
        assertThat(item.toNode()).isEqualTo(minimalItem());
    }

    @Test
    void readsTheStac09LayoutWithItemLevelEoBandsAndAssetIndices() {
        StacItem item = StacItem.fromJson(resource("/model/stac-0.9-eo-band-indices.json"), "stac-0.9 fixture");

        assertThat(item.datetime()).isEqualTo(Instant.parse("2019-05-01T08:00:00Z"));
        assertThat(item.assetForBand("red").orElseThrow().key()).isEqualTo("band-2");
        assertThat(item.assetForBand("b3").orElseThrow().key()).isEqualTo("band-3");
        assertThat(item.asset("rgb").orElseThrow().eoBands()).extracting(b -> b.commonName().orElseThrow())
                .containsExactly("red", "blue", "nir");
        assertThat(item.asset("band-2").orElseThrow().resolvedHref())
                .isEqualTo("https://example.org/catalog/fixture-stac09/bands/b2.tif");
        assertThat(item.projection().epsg()).hasValue(32632);
    }

    @Test
    void timeRangeItemsUseStartDatetime() {
        ObjectNode json = minimalItem();
        ((ObjectNode) json.get("properties")).putNull("datetime").put("start_datetime", "2024-01-01T00:00:00Z")
                .put("end_datetime", "2024-01-31T23:59:59Z").put("created", "2024-02-02T00:00:00Z");

        StacItem item = StacItem.fromNode(json);

        assertThat(item.datetime()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(item.endDatetime()).contains(Instant.parse("2024-01-31T23:59:59Z"));
        assertThat(item.updated()).contains(Instant.parse("2024-02-02T00:00:00Z"));
    }

    @Test
    void nullGeometryAndEmptyAssetsAreValidStac() {
        ObjectNode json = minimalItem();
        json.putNull("geometry");
        json.remove("bbox");
        json.putObject("assets");

        StacItem item = StacItem.fromNode(json);

        assertThat(item.hasGeometry()).isFalse();
        assertThat(item.geometry()).isEmpty();
        assertThat(item.assets()).isEmpty();
    }

    @Test
    void nonFiniteNodataReadsFromTheExtensionsStrings() {
        ObjectNode json = minimalItem();
        ((ObjectNode) json.get("assets").get("data")).putArray("raster:bands")
                .add(StacJson.object().put("nodata", "nan")).add(StacJson.object().put("nodata", "-inf"));

        List<RasterBand> bands = StacItem.fromNode(json).asset("data").orElseThrow().rasterBands();

        assertThat(bands.get(0).nodata().getAsDouble()).isNaN();
        assertThat(bands.get(1).nodata().getAsDouble()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    static Stream<Arguments> invalidItems() {
        return Stream.of(
                invalid("no id", j -> j.remove("id"), "id is missing or blank"),
                invalid("blank id", j -> j.put("id", " "), "id is missing or blank"),
                invalid("numeric id", j -> j.put("id", 7), "id must be a string, found a number"),
                invalid("not a Feature", j -> j.put("type", "FeatureCollection"),
                        "type is 'FeatureCollection', expected 'Feature'"),
                invalid("no properties", j -> j.remove("properties"), "(STAC item 'x1'): properties is missing"),
                invalid("no datetime", j -> ((ObjectNode) j.get("properties")).remove("datetime"),
                        "properties.datetime is missing or null and there is no start_datetime"),
                invalid("bad datetime", j -> ((ObjectNode) j.get("properties")).put("datetime", "2020-13-01T00:00:00Z"),
                        "properties.datetime '2020-13-01T00:00:00Z' is not an RFC 3339 date-time"),
                invalid("datetime without offset", j -> ((ObjectNode) j.get("properties"))
                        .put("datetime", "2020-01-01T00:00:00"), "is not an RFC 3339 date-time"),
                invalid("bad updated", j -> ((ObjectNode) j.get("properties")).put("updated", "yesterday"),
                        "properties.updated 'yesterday' is not an RFC 3339 date-time"),
                invalid("assets not an object", j -> j.putArray("assets"), "assets must be an object, found an array"),
                invalid("asset without href", j -> ((ObjectNode) j.get("assets").get("data")).remove("href"),
                        "assets.data.href is missing"),
                invalid("unknown data_type", j -> ((ObjectNode) j.get("assets").get("data")).putArray("raster:bands")
                        .addObject().put("data_type", "uint7"),
                        "assets.data.raster:bands[0].data_type 'uint7' is not a raster:bands data type"),
                invalid("scale not a number", j -> ((ObjectNode) j.get("assets").get("data")).putArray("raster:bands")
                        .addObject().put("scale", "0.1"), "assets.data.raster:bands[0].scale must be a number"),
                invalid("eo:bands index out of range", j -> ((ObjectNode) j.get("assets").get("data"))
                        .putArray("eo:bands").add(3), "assets.data.eo:bands[0] refers to band 3 but properties.eo:bands has 0"),
                invalid("link without href", j -> j.putArray("links").addObject().put("rel", "self"),
                        "links[0].href is missing"),
                invalid("proj:epsg not an integer", j -> ((ObjectNode) j.get("properties")).put("proj:epsg", "EPSG:4326"),
                        "properties.proj:epsg must be an integer, found a string"));
    }

    private static Arguments invalid(String name, Consumer<ObjectNode> change, String message) {
        ObjectNode json = minimalItem();
        change.accept(json);
        return Arguments.of(name, json.toString(), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidItems")
    void rejectsInvalidItemsNamingTheProblem(String name, String json, String message) {
        assertThatThrownBy(() -> StacItem.fromJson(json, "s3://bucket/x1.json"))
                .isInstanceOf(StacFormatException.class)
                .hasMessageStartingWith("s3://bucket/x1.json")
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "'{\"type\": \"Feature\", \"id\": '|malformed JSON: Unexpected end-of-input",
        "'[1, 2]'|expected a JSON object, found an array",
        "'{\"a\": 1} {\"b\": 2}'|malformed JSON: Trailing token",
        "'   '|empty document, expected JSON",
    })
    void rejectsTextThatIsNotOneJsonObject(String text, String message) {
        assertThatThrownBy(() -> StacItem.fromJson(text, "https://host/item.json"))
                .isInstanceOf(StacFormatException.class)
                .hasMessageStartingWith("https://host/item.json: ")
                .hasMessageContaining(message);
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> StacItem.fromJson("{\n  \"id\": \"x\",\n  \"type\": Feature\n}", "item.json"))
                .isInstanceOf(StacFormatException.class)
                .hasMessageContaining("(line 3, column");
    }

    private static String resource(String path) {
        try (InputStream in = StacItemTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
