package dev.stacstream.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.model.StacJson;
import dev.stacstream.stac.testing.CassetteServer;
import dev.stacstream.stac.testing.StaticCatalogFixture;
import dev.stacstream.stac.testing.TestCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code stacstream discover} run in-process: against recorded STAC API sessions replayed on loopback and against a
 * generated static catalog. Stdout must be NDJSON of valid items, stderr the summary line.
 */
class DiscoverCommandITCase {

    private static final String PLANETARY_COMPUTER = "https://planetarycomputer.microsoft.com/api/stac/v1";
    private static final String EARTH_SEARCH = "https://earth-search.aws.element84.com/v1";
    private static final String SUMMARY = "stacstream discover: %d items, %d pages, %d skipped in ";

    @TempDir
    Path tmp;

    private record Result(int exit, String out, String err) {

        List<StacItem> items() {
            return out.lines().map(line -> StacItem.fromJson(line, "stdout line")).toList();
        }

        List<String> ids() {
            return items().stream().map(StacItem::id).toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StacstreamCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    private static String[] args(String... args) {
        return Stream.concat(Stream.of("discover"), Stream.of(args)).toArray(String[]::new);
    }

    @ParameterizedTest(name = "--max-items {0}")
    @CsvSource({"25, 3", "10, 1"})
    void pagesThroughPlanetaryComputerTokens(int maxItems, int pages) {
        try (CassetteServer server = CassetteServer.replay(
                TestCorpus.require().cassette("planetary-computer_search_naip_3pages_token.yaml"))) {
            Result r = cli(args("--api", server.url(PLANETARY_COMPUTER), "--collections", "naip", "--limit", "10",
                    "--max-items", Integer.toString(maxItems)));

            assertThat(r.exit).as(r.err).isZero();
            assertThat(r.items()).hasSize(maxItems).allSatisfy(item -> assertThat(item.collection()).isEqualTo("naip"));
            assertThat(r.ids()).doesNotHaveDuplicates().startsWith("mt_m_4911664_se_11_060_20231117_20240103");
            assertThat(r.errLines()).singleElement().asString()
                    .startsWith(String.format(SUMMARY, maxItems, pages, 0)).endsWith(" s");
        }
    }

    @Test
    void followsEarthSearchToItsEmptyLastPage() {
        try (CassetteServer server = CassetteServer.replay(
                TestCorpus.require().cassette("earth-search-v1_search_s2l2a+landsat_post-next.yaml"))) {
            Result r = cli(args("--api", server.url(EARTH_SEARCH), "--collections", "sentinel-2-l2a,landsat-c2-l2",
                    "--intersects", "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": "
                            + "{\"type\": \"Point\", \"coordinates\": [-105.1019, 40.1672]}}",
                    "--datetime", "2023-10-08"));

            assertThat(r.exit).as(r.err).isZero();
            assertThat(r.ids()).containsExactly("S2A_13TDE_20231008_0_L2A", "LC08_L2SP_033032_20231008_02_T1");
            assertThat(r.errLines()).singleElement().asString().startsWith(String.format(SUMMARY, 2, 2, 0));
            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void intersectsCanBeAGeoJsonFile() throws IOException {
        Path aoi = Files.writeString(tmp.resolve("aoi.geojson"), "{\"type\": \"FeatureCollection\", \"features\": "
                + "[{\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"Point\", "
                + "\"coordinates\": [-105.1019, 40.1672]}}]}");
        try (CassetteServer server = CassetteServer.replay(
                TestCorpus.require().cassette("earth-search-v1_search_s2l2a+landsat_post-next.yaml"))) {
            Result r = cli(args("--api", server.url(EARTH_SEARCH), "--collections", "sentinel-2-l2a,landsat-c2-l2",
                    "--intersects", aoi.toString(), "--datetime", "2023-10-08T00:00:00Z/2023-10-08T23:59:59Z"));

            assertThat(r.exit).as(r.err).isZero();
            assertThat(r.ids()).hasSize(2);
        }
    }

    @Test
    void walksAStaticCatalogWithLocalFilters() {
        Path root = StaticCatalogFixture.standard().withProblems().write(tmp.resolve("catalog"));

        Result r = cli(args("--catalog", root.toString(), "--bbox", "9,44,12,47", "--datetime", "2023-01"));

        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.ids()).containsExactly("s2-a", "s2-b", "lc-a");
        assertThat(r.items().get(0).asset("B04").orElseThrow().resolvedHref())
                .isEqualTo(tmp.resolve("catalog/sentinel-2-l2a/s2-a/B04.tif").toUri().toString());
        List<String> err = r.errLines();
        assertThat(err).hasSize(5);
        assertThat(err.subList(0, 4)).allSatisfy(line -> assertThat(line).startsWith("stacstream discover: skipped "));
        assertThat(err.get(0)).endsWith("s2-no-assets.json item 's2-no-assets': no assets");
        assertThat(err.get(4)).startsWith(String.format(SUMMARY, 3, 2, 4));
    }

    @Test
    void eachOutputLineIsOneCompactItem() {
        Path root = StaticCatalogFixture.standard().write(tmp.resolve("catalog"));

        Result r = cli(args("--catalog", root.toUri().toString(), "--ids", "lc-b", "--max-items", "1"));

        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out.lines()).singleElement().satisfies(line -> {
            assertThat(line).doesNotContain("\n").startsWith("{").endsWith("}");
            assertThat(StacJson.parse(line, "line").get("properties").get("start_datetime").asText())
                    .isEqualTo("2023-02-10T00:00:00Z");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bbox of 3 numbers|--bbox|1,2,3|stacstream discover: --bbox: bbox must have 4 or 6 numbers, got 3: [1.0, 2.0, 3.0]",
        "bad datetime|--datetime|2023-13|stacstream discover: --datetime: datetime '2023-13' is not an RFC 3339",
        "query not JSON|--query|{cloud: 1}|stacstream discover: --query: query: malformed JSON",
        "zero limit|--limit|0|stacstream discover: --limit: limit must be >= 1, got 0",
        "intersects neither JSON nor file|--intersects|no-such.geojson|stacstream discover: --intersects: "
                + "'no-such.geojson' is neither GeoJSON text nor a readable file",
    })
    void badOptionValuesAreOneLineInputErrors(String name, String option, String value, String message) {
        Result r = cli(args("--catalog", tmp.toString(), option, value));

        assertThat(r.exit).isEqualTo(StacstreamCli.EXIT_INPUT_ERROR);
        assertThat(r.out).isEmpty();
        assertThat(r.errLines()).singleElement().asString().startsWith(message);
    }

    @Test
    void aMissingCatalogIsAnInputErrorNamingIt() {
        Path missing = tmp.resolve("nowhere/catalog.json");

        Result r = cli(args("--catalog", missing.toString()));

        assertThat(r.exit).isEqualTo(StacstreamCli.EXIT_INPUT_ERROR);
        assertThat(r.errLines()).singleElement().asString()
                .isEqualTo("stacstream discover: stac: " + missing.toUri() + ": no such file");
    }

    @Test
    void serverSideParametersAgainstACatalogAreRefused() {
        Path root = StaticCatalogFixture.standard().write(tmp.resolve("catalog"));

        Result r = cli(args("--catalog", root.toString(), "--filter", "{\"op\":\"=\",\"args\":[{\"property\":\"id\"},\"x\"]}"));

        assertThat(r.exit).isEqualTo(StacstreamCli.EXIT_INPUT_ERROR);
        assertThat(r.errLines()).singleElement().asString().startsWith("stacstream discover: stac: ")
                .contains("a static catalog has no server-side search: filter cannot be used");
    }

    @Test
    void anApiErrorIsOneLineWithTheServersMessage() {
        try (CassetteServer server = CassetteServer.replay(
                TestCorpus.require().cassette("earth-search-v1_collection_404.yaml"))) {
            Result r = cli(args("--api", server.url(EARTH_SEARCH), "--collections", "foo"));

            // Nothing was recorded for a search; the replay server says so, and the CLI shows it on one line.
            assertThat(r.exit).isEqualTo(StacstreamCli.EXIT_INPUT_ERROR);
            assertThat(r.errLines()).singleElement().asString()
                    .startsWith("stacstream discover: stac: POST " + server.origin() + "/v1/search: HTTP 421: "
                            + "NoRecordedInteraction");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "neither source|",
        "both sources|--api http://127.0.0.1:1 --catalog /tmp/catalog.json",
        "unknown method|--api http://127.0.0.1:1 --method PUT",
    })
    void usageErrorsExitWithTheUsageCode(String name, String arguments) {
        String[] extra = arguments == null ? new String[0] : arguments.split(" ");

        Result r = cli(args(extra));

        assertThat(r.exit).isEqualTo(StacstreamCli.EXIT_USAGE);
        assertThat(r.out).isEmpty();
    }
}
