package dev.stacstream.stac.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.stac.model.StacCatalog;
import dev.stacstream.stac.model.StacCollection;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.model.StacJson;
import dev.stacstream.stac.testing.CassetteServer;
import dev.stacstream.stac.testing.LoopbackServer.Received;
import dev.stacstream.stac.testing.TestCorpus;
import dev.stacstream.storage.RetryPolicy;
import dev.stacstream.storage.StorageOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real STAC API sessions (pystac-client's VCR recordings of Earth Search v1 and Planetary Computer) replayed from a
 * loopback server: every paging style in them, the landing page, conformance, collections, and a 404.
 */
class CassetteReplayITCase {

    private static final String EARTH_SEARCH = "https://earth-search.aws.element84.com/v1";
    private static final String PLANETARY_COMPUTER = "https://planetarycomputer.microsoft.com/api/stac/v1";
    private static final StorageOptions OPTIONS = StorageOptions.builder()
            .retryPolicy(RetryPolicy.of(2, Duration.ofMillis(1), Duration.ofMillis(5), 2.0))
            .build();

    private static CassetteServer replay(String cassette) {
        return CassetteServer.replay(TestCorpus.require().cassette(cassette));
    }

    private static StacApiClient client(CassetteServer server, String recordedApi) {
        return StacApiClient.builder(server.url(recordedApi)).options(OPTIONS).build();
    }

    /** Collects the pages a search hands on. */
    private static final class Pages {
        final List<List<StacItem>> pages = new ArrayList<>();

        void accept(List<StacItem> page) {
            pages.add(page);
        }

        List<String> ids() {
            return pages.stream().flatMap(List::stream).map(StacItem::id).toList();
        }
    }

    @Test
    void earthSearchPostNextLinkWithOnlyATokenThenAnEmptyLastPage() {
        try (CassetteServer server = replay("earth-search-v1_search_s2l2a+landsat_post-next.yaml");
                StacApiClient client = client(server, EARTH_SEARCH)) {
            SearchRequest request = SearchRequest.builder()
                    .datetime("2023-10-08")
                    .collections("sentinel-2-l2a", "landsat-c2-l2")
                    .intersects("{\"type\": \"Point\", \"coordinates\": [-105.1019, 40.1672]}")
                    .build();
            Pages pages = new Pages();

            SearchSummary summary = client.search(request, pages::accept);

            assertThat(summary).isEqualTo(new SearchSummary(2, 2, 0));
            assertThat(pages.ids()).containsExactly("S2A_13TDE_20231008_0_L2A", "LC08_L2SP_033032_20231008_02_T1");
            assertThat(pages.pages.get(1)).isEmpty();
            List<Received> received = server.received();
            assertThat(received).extracting(Received::line).containsExactly("POST /v1/search", "POST /v1/search");
            // The second request is exactly the link's body: the original parameters plus the "next" token.
            assertThat(StacJson.parse(received.get(1).body(), "sent").get("next").asText())
                    .isEqualTo("2023-10-08T17:37:26.656958Z,LC08_L2SP_033032_20231008_02_T1,landsat-c2-l2");
            // Links inside the items were rewritten to the replay server.
            assertThat(pages.pages.get(0).get(0).selfHref()).hasValue(
                    server.origin() + "/v1/collections/sentinel-2-l2a/items/S2A_13TDE_20231008_0_L2A");
        }
    }

    @ParameterizedTest(name = "max-items {0}")
    @CsvSource({"30, 3, 30", "25, 3, 25", "10, 1, 10", "11, 2, 11"})
    void planetaryComputerPostTokenPagesUpToMaxItems(long maxItems, int pages, long items) {
        try (CassetteServer server = replay("planetary-computer_search_naip_3pages_token.yaml");
                StacApiClient client = client(server, PLANETARY_COMPUTER)) {
            SearchRequest request = SearchRequest.builder().collections("naip").limit(10).maxItems(maxItems).build();
            Pages handed = new Pages();

            SearchSummary summary = client.search(request, handed::accept);

            assertThat(summary).isEqualTo(new SearchSummary(pages, items, 0));
            assertThat(handed.ids()).hasSize((int) items).doesNotHaveDuplicates()
                    .startsWith("mt_m_4911664_se_11_060_20231117_20240103");
            List<Received> received = server.received();
            assertThat(received).hasSize(pages).allSatisfy(r -> assertThat(r.line()).isEqualTo("POST /api/stac/v1/search"));
            for (int i = 1; i < pages; i++) {
                assertThat(StacJson.parse(received.get(i).body(), "sent").get("token").asText()).startsWith("next:naip:");
            }
            assertThat(handed.pages.get(0).get(0).collection()).isEqualTo("naip");
        }
    }

    @Test
    void planetaryComputerThirtyItemsAreTheThreeRecordedPagesInOrder() {
        try (CassetteServer server = replay("planetary-computer_search_naip_3pages_token.yaml");
                StacApiClient client = client(server, PLANETARY_COMPUTER)) {
            Pages handed = new Pages();
            client.search(SearchRequest.builder().collections("naip").limit(10).maxItems(30).build(), handed::accept);

            assertThat(handed.pages).hasSize(3).allSatisfy(page -> assertThat(page).hasSize(10));
            assertThat(handed.ids().get(10)).isEqualTo("mt_m_4811501_nw_11_060_20231117_20240103");
            assertThat(handed.ids().get(29)).isEqualTo("mt_m_4511352_sw_12_060_20231117_20240103");
        }
    }

    @Test
    void landingPageThenSearchWithLimitOne() {
        try (CassetteServer server = replay("earth-search-v1_search_limit1_matched.yaml");
                StacApiClient client = client(server, EARTH_SEARCH)) {
            StacCatalog landing = client.landingPage();
            Pages handed = new Pages();

            SearchSummary summary = client.search(
                    SearchRequest.builder().collections("cop-dem-glo-30").limit(1).maxItems(1).build(), handed::accept);

            assertThat(landing.id()).isEqualTo("earth-search-aws");
            assertThat(landing.links("search")).allSatisfy(l -> assertThat(l.href()).isEqualTo(server.origin() + "/v1/search"));
            assertThat(summary).isEqualTo(new SearchSummary(1, 1, 0));
            assertThat(handed.ids()).containsExactly("Copernicus_DSM_COG_10_S90_00_W180_00_DEM");
            assertThat(server.received()).extracting(Received::line).containsExactly("GET /v1", "POST /v1/search");
        }
    }

    @Test
    void withoutMaxItemsTheClientFollowsTheNextLinkTheRecordingDidNotFollow() {
        // The recording stops after page 1 although the server offered a next page: proof that the client follows
        // it (the replay server answers 421, not recorded) and reports the server's answer on one line.
        try (CassetteServer server = replay("earth-search-v1_search_limit1_matched.yaml");
                StacApiClient client = client(server, EARTH_SEARCH)) {
            Pages handed = new Pages();
            SearchRequest request = SearchRequest.builder().collections("cop-dem-glo-30").limit(1).build();

            assertThatThrownBy(() -> client.search(request, handed::accept))
                    .isInstanceOfSatisfying(StacHttpException.class, e -> {
                        assertThat(e.status()).isEqualTo(CassetteServer.NO_RECORDING);
                        assertThat(e.isRetryable()).isFalse();
                    })
                    .hasMessageStartingWith("POST " + server.origin() + "/v1/search: HTTP 421: NoRecordedInteraction");
            assertThat(handed.ids()).containsExactly("Copernicus_DSM_COG_10_S90_00_W180_00_DEM");
            assertThat(StacJson.parse(server.received().get(1).body(), "sent").get("next").asText())
                    .endsWith("Copernicus_DSM_COG_10_S90_00_W180_00_DEM,cop-dem-glo-30");
        }
    }

    @Test
    void landingPageConformanceAndCollections() {
        try (CassetteServer server = replay("earth-search-v1_landing+collections.yaml");
                StacApiClient client = client(server, EARTH_SEARCH)) {
            List<String> conformance = client.conformance();
            List<StacCollection> collections = client.collections();

            assertThat(conformance).contains("https://api.stacspec.org/v1.0.0/core",
                    "https://api.stacspec.org/v1.0.0/item-search");
            assertThat(collections).hasSize(9).extracting(StacCollection::id)
                    .contains("sentinel-2-l2a", "sentinel-2-c1-l2a", "landsat-c2-l2");
            assertThat(server.received()).extracting(Received::line).containsExactly("GET /v1", "GET /v1/collections");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"aster-l1t", "landsat-8-c2-l2", "sentinel-2-l2a", "naip"})
    void planetaryComputerCollections(String id) {
        try (CassetteServer server = replay("planetary-computer_collections_s2l2a_landsat8c2l2_naip_aster.yaml");
                StacApiClient client = client(server, PLANETARY_COMPUTER)) {
            StacCollection collection = client.collection(id);

            assertThat(collection.id()).isEqualTo(id);
            assertThat(collection.field("msft:container")).isPresent();
            assertThat(collection.itemAssetKeys()).isNotEmpty();
        }
    }

    @Test
    void missingCollectionIsA404WithTheServersMessage() {
        try (CassetteServer server = replay("earth-search-v1_collection_404.yaml");
                StacApiClient client = client(server, EARTH_SEARCH)) {
            assertThat(client.landingPage().id()).isEqualTo("earth-search-aws");

            assertThatThrownBy(() -> client.collection("foo"))
                    .isInstanceOfSatisfying(StacHttpException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.serverMessage()).isEqualTo("NotFound: Not Found");
                        assertThat(e.attempts()).isEqualTo(1);
                        assertThat(e.isRetryable()).isFalse();
                        assertThat(e.location()).isEqualTo("GET " + server.origin() + "/v1/collections/foo");
                    })
                    .hasMessage("GET " + server.origin() + "/v1/collections/foo: HTTP 404: NotFound: Not Found");
            assertThat(server.received()).extracting(Received::line).containsExactly("GET /v1", "GET /v1/collections/foo");
        }
    }
}
