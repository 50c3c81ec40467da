package dev.stacstream.stac.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stacstream.stac.testing.Cassette;
import dev.stacstream.stac.testing.TestCorpus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Collections, catalogs (landing pages) and ItemCollections (search pages) from the corpus. */
class StacDocumentsTest {

    private static final String PC_COLLECTION = "collections/planetary-computer_sentinel-2-l2a.collection.json";

    @Test
    void readsThePlanetaryComputerCollection() {
        TestCorpus corpus = TestCorpus.require();
        StacCollection collection = StacCollection.fromJson(corpus.read(PC_COLLECTION), PC_COLLECTION);

        assertThat(collection.id()).isEqualTo("sentinel-2-l2a");
        assertThat(collection.spatialExtent()).containsExactly(List.of(-180.0, -90.0, 180.0, 90.0));
        assertThat(collection.temporalExtent()).containsExactly(new StacCollection.Interval(
                Optional.of(Instant.parse("2015-06-27T10:25:31.456Z")), Optional.empty()));
        assertThat(collection.itemAssetKeys()).contains("B04", "SCL", "visual");
        assertThat(collection.field("msft:container").orElseThrow().asText()).isEqualTo("sentinel2-l2");
        assertThat(collection.link("items").orElseThrow().href()).endsWith("/collections/sentinel-2-l2a/items");
        assertThat(collection.toNode()).isEqualTo(StacJson.parse(corpus.read(PC_COLLECTION), PC_COLLECTION));
    }

    @Test
    void readsEveryCollectionTheApisServed() {
        TestCorpus corpus = TestCorpus.require();
        Cassette esCollections = corpus.cassette("earth-search-v1_landing+collections.yaml");
        JsonNode list = StacJson.parse(esCollections.interactions().get(1).responseBody(), "ES /collections");
        Cassette pc = corpus.cassette("planetary-computer_collections_s2l2a_landsat8c2l2_naip_aster.yaml");

        List<String> esIds = new ArrayList<>();
        for (JsonNode node : list.get("collections")) {
            StacCollection collection = StacCollection.fromNode(node, "ES /collections");
            esIds.add(collection.id());
            assertThat(collection.temporalExtent()).isNotEmpty();
        }
        List<String> pcIds = pc.interactions().stream()
                .map(i -> StacCollection.fromJson(i.responseBody(), i.uri().toString()).id()).toList();

        assertThat(esIds).hasSize(9).contains("sentinel-2-l2a", "sentinel-2-c1-l2a", "landsat-c2-l2");
        assertThat(pcIds).containsExactly("aster-l1t", "landsat-8-c2-l2", "sentinel-2-l2a", "naip");
    }

    @Test
    void readsALandingPageAsACatalogWithConformanceAndSearchLinks() {
        Cassette cassette = TestCorpus.require().cassette("earth-search-v1_landing+collections.yaml");
        StacCatalog landing = StacCatalog.fromJson(cassette.interactions().get(0).responseBody(), "landing");

        assertThat(landing.id()).isEqualTo("earth-search-aws");
        assertThat(landing.isCollection()).isFalse();
        assertThat(landing.conformsTo()).contains("https://api.stacspec.org/v1.0.0/item-search");
        assertThat(landing.links("search")).extracting(Link::method).containsExactly("GET", "POST");
        assertThat(landing.link("data").orElseThrow().href()).isEqualTo("https://earth-search.aws.element84.com/v1/collections");
    }

    @Test
    void readsSearchPagesWithTheirNextLinkAndCounts() {
        Cassette cassette = TestCorpus.require().cassette("earth-search-v1_search_s2l2a+landsat_post-next.yaml");
        ItemCollection first = ItemCollection.fromJson(cassette.interactions().get(0).responseBody(), "page 1");
        ItemCollection last = ItemCollection.fromJson(cassette.interactions().get(1).responseBody(), "page 2");

        Link next = first.nextLink().orElseThrow();
        assertThat(first.items()).extracting(StacItem::id)
                .containsExactly("S2A_13TDE_20231008_0_L2A", "LC08_L2SP_033032_20231008_02_T1");
        assertThat(first.numberMatched()).hasValue(2);
        assertThat(next.method()).isEqualTo("POST");
        assertThat(next.merge()).isFalse();
        assertThat(next.body().orElseThrow().get("next").asText())
                .isEqualTo("2023-10-08T17:37:26.656958Z,LC08_L2SP_033032_20231008_02_T1,landsat-c2-l2");
        assertThat(last.size()).isZero();
        assertThat(last.nextLink()).isEmpty();
    }

    @Test
    void readsContextMatchedFromOlderServers() {
        ItemCollection page = ItemCollection.fromJson(
                "{\"type\":\"FeatureCollection\",\"features\":[],\"context\":{\"returned\":0,\"matched\":17}}", "p");
        assertThat(page.numberMatched()).hasValue(17);
    }

    @Test
    void reportsEachInvalidFeatureWithoutLosingThePage() {
        String page = "{\"type\":\"FeatureCollection\",\"features\":["
                + StacItemTest.minimalItem() + ","
                + "{\"type\":\"Feature\",\"id\":\"bad\",\"properties\":{}},"
                + "{\"type\":\"Feature\",\"properties\":{\"datetime\":\"2020-01-01T00:00:00Z\"}}]}";
        List<ItemCollection.Feature> features = ItemCollection.fromJson(page, "https://h/search").features();

        assertThat(features.get(0)).isInstanceOfSatisfying(ItemCollection.Valid.class,
                v -> assertThat(v.item().id()).isEqualTo("x1"));
        assertThat(features.get(1)).isInstanceOfSatisfying(ItemCollection.Invalid.class, invalid -> {
            assertThat(invalid.index()).isEqualTo(1);
            assertThat(invalid.id()).contains("bad");
            assertThat(invalid.reason()).isEqualTo("features[1]: properties.datetime is missing or null and there is "
                    + "no start_datetime");
        });
        assertThat(features.get(2)).isInstanceOfSatisfying(ItemCollection.Invalid.class, invalid -> {
            assertThat(invalid.id()).isEmpty();
            assertThat(invalid.reason()).isEqualTo("features[2]: id is missing or blank");
        });
        assertThatThrownBy(() -> ItemCollection.fromJson(page, "https://h/search").items())
                .isInstanceOf(StacFormatException.class)
                .hasMessage("https://h/search: features[1]: properties.datetime is missing or null and there is no "
                        + "start_datetime (item 'bad')");
    }

    @Test
    void rejectsAPageThatIsNotAFeatureCollection() {
        assertThatThrownBy(() -> ItemCollection.fromJson("{\"type\":\"Feature\",\"features\":[]}", "https://h/search"))
                .isInstanceOf(StacFormatException.class)
                .hasMessage("https://h/search: type is 'Feature', expected 'FeatureCollection'");
        assertThatThrownBy(() -> ItemCollection.fromJson("{\"type\":\"FeatureCollection\"}", "https://h/search"))
                .isInstanceOf(StacFormatException.class)
                .hasMessage("https://h/search: features must be an array, found nothing");
    }

    @Test
    void catalogsWithoutTypeAreStacZeroCatalogs() {
        StacCatalog catalog = StacCatalog.fromJson(
                "{\"id\":\"old\",\"description\":\"0.8\",\"links\":[{\"rel\":\"child\",\"href\":\"a/catalog.json\"},"
                        + "{\"rel\":\"item\",\"href\":\"i.json\"}]}", "old.json");

        assertThat(catalog.type()).isEqualTo("Catalog");
        assertThat(catalog.childLinks()).extracting(Link::href).containsExactly("a/catalog.json");
        assertThat(catalog.itemLinks()).extracting(Link::href).containsExactly("i.json");
    }
}
