package dev.stacstream.stac.client;

import dev.stacstream.storage.http.RetryAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.model.StacJson;
import dev.stacstream.stac.testing.LoopbackServer.Received;
import dev.stacstream.stac.testing.ScriptedServer;
import dev.stacstream.stac.testing.ScriptedServer.Reply;
import dev.stacstream.storage.RetryPolicy;
import dev.stacstream.storage.StorageOptions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The API client against scripted loopback servers, for what the recordings do not show: retries and their limits,
 * error bodies, malformed responses, GET paging styles, merged POST bodies, unusable items, endless next links.
 */
class StacApiClientITCase {

    private static final int MAX_ATTEMPTS = 3;
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    /** Records the waits it is asked for instead of waiting. */
    private static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<SkippedItem> skipped = new CopyOnWriteArrayList<>();

    private StacApiClient client(ScriptedServer server, SearchMethod method) {
        StorageOptions options = StorageOptions.builder()
                .retryPolicy(RetryPolicy.of(MAX_ATTEMPTS, Duration.ofMillis(100), Duration.ofSeconds(30), 2.0))
                .requestTimeout(Duration.ofSeconds(10))
                .build();
        return StacApiClient.builder(server.origin() + "/api/")
                .options(options)
                .searchMethod(method)
                .onSkipped(skipped::add)
                .sleeper(sleeper)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    private static ObjectNode item(String id) {
        ObjectNode item = StacJson.object().put("type", "Feature").put("stac_version", "1.0.0").put("id", id)
                .put("collection", "c");
        item.putObject("geometry").put("type", "Point").putArray("coordinates").add(1).add(2);
        item.putObject("properties").put("datetime", "2024-01-01T00:00:00Z");
        item.putObject("assets").putObject("data").put("href", "https://data.example.org/" + id + ".tif");
        return item;
    }

    /** A FeatureCollection with {@code items} and an optional next link. */
    private static String page(List<ObjectNode> items, ObjectNode next) {
        ObjectNode page = StacJson.object().put("type", "FeatureCollection");
        ArrayNode features = page.putArray("features");
        items.forEach(features::add);
        ArrayNode links = page.putArray("links");
        if (next != null) {
            links.add(next.put("rel", "next"));
        }
        return page.toString();
    }

    private static List<ObjectNode> items(String... ids) {
        return Arrays.stream(ids).map(StacApiClientITCase::item).toList();
    }

    private static List<String> search(StacApiClient client, SearchRequest request, List<Integer> pageSizes) {
        List<String> ids = new ArrayList<>();
        client.search(request, page -> {
            pageSizes.add(page.size());
            page.forEach(i -> ids.add(i.id()));
        });
        return ids;
    }

    private static Map<String, String> params(Received request) {
        Map<String, String> params = new LinkedHashMap<>();
        if (request.query() != null) {
            for (String pair : request.query().split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Test
    void aPersistent500FailsAfterTheBoundedAttemptsNamingTheUrl() {
        try (ScriptedServer server = ScriptedServer.start(r -> Reply.status(500, "{\"code\":\"InternalError\","
                + "\"description\":\"database unavailable\"}"));
                StacApiClient client = client(server, SearchMethod.POST)) {
            SearchRequest request = SearchRequest.builder().collections("c").build();

            assertThatThrownBy(() -> client.search(request, page -> { }))
                    .isInstanceOfSatisfying(StacHttpException.class, e -> {
                        assertThat(e.status()).isEqualTo(500);
                        assertThat(e.attempts()).isEqualTo(MAX_ATTEMPTS);
                        assertThat(e.isRetryable()).isTrue();
                    })
                    .hasMessage("POST " + server.origin() + "/api/search: HTTP 500: InternalError: database unavailable"
                            + " (after 3 attempts)");
            assertThat(server.received()).hasSize(MAX_ATTEMPTS);
            assertThat(sleeper.waits).hasSize(MAX_ATTEMPTS - 1);
        }
    }

    @ParameterizedTest(name = "{0} then 200")
    @CsvSource(nullValues = "-", value = {"429, 7, 7", "503, 2, 2", "502, -, -"})
    void transientStatusesAreRetriedHonouringRetryAfter(int status, String retryAfter, Long minimumSeconds) {
        AtomicInteger calls = new AtomicInteger();
        Function<Received, Reply> script = r -> calls.getAndIncrement() == 0
                ? new Reply(status, retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter), "busy")
                : Reply.json(page(items("a"), null));
        try (ScriptedServer server = ScriptedServer.start(script);
                StacApiClient client = client(server, SearchMethod.POST)) {
            List<String> ids = search(client, SearchRequest.builder().build(), new ArrayList<>());

            assertThat(ids).containsExactly("a");
            assertThat(server.received()).hasSize(2);
            assertThat(sleeper.waits).hasSize(1);
            if (minimumSeconds != null) {
                assertThat(sleeper.waits.get(0)).isEqualTo(Duration.ofSeconds(minimumSeconds));
            } else {
                assertThat(sleeper.waits.get(0)).isLessThanOrEqualTo(Duration.ofMillis(100)); // jitter under the first ceiling
            }
        }
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredFromNow() {
        assertThat(RetryAfter.parse(Optional.of("Wed, 01 May 2024 12:00:05 GMT"), Clock.fixed(NOW, ZoneOffset.UTC)))
                .contains(Duration.ofSeconds(5));
        assertThat(RetryAfter.parse(Optional.of("Wed, 01 May 2024 11:00:00 GMT"), Clock.fixed(NOW, ZoneOffset.UTC)))
                .contains(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of("soon"), Clock.fixed(NOW, ZoneOffset.UTC))).isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource(delimiter = '|', value = {
        "400|{\"detail\":[{\"loc\":[\"body\",\"limit\"],\"msg\":\"ensure this value is less than 10000\"}]}"
                + "|[{\"loc\":[\"body\",\"limit\"],\"msg\":\"ensure this value is less than 10000\"}]",
        "401|{\"message\":\"Missing Authentication Token\"}|Missing Authentication Token",
        "404|<html><body>  Not\t Found </body></html>|<html><body> Not Found </body></html>",
        "405||",
    })
    void clientErrorsFailAtOnceShowingTheServersMessage(int status, String body, String shown) {
        try (ScriptedServer server = ScriptedServer.start(r -> Reply.status(status, body == null ? "" : body));
                StacApiClient client = client(server, SearchMethod.POST)) {
            assertThatThrownBy(() -> client.search(SearchRequest.builder().build(), page -> { }))
                    .isInstanceOfSatisfying(StacHttpException.class, e -> {
                        assertThat(e.isRetryable()).isFalse();
                        assertThat(e.serverMessage()).isEqualTo(shown == null ? "" : shown);
                    })
                    .hasMessage("POST " + server.origin() + "/api/search: HTTP " + status + (shown == null ? "" : ": " + shown));
            assertThat(server.received()).hasSize(1);
            assertThat(sleeper.waits).isEmpty();
        }
    }

    @Test
    void aMalformedPageNamesTheUrlAndTheJsonProblem() {
        try (ScriptedServer server = ScriptedServer.start(r -> Reply.json("{\"type\": \"FeatureCollection\", \"features\": [")); 
                StacApiClient client = client(server, SearchMethod.POST)) {
            assertThatThrownBy(() -> client.search(SearchRequest.builder().build(), page -> { }))
                    .isInstanceOfSatisfying(StacDocumentException.class, e -> assertThat(e.isRetryable()).isFalse())
                    .hasMessageStartingWith("POST " + server.origin() + "/api/search: malformed JSON: Unexpected end-of-input")
                    .hasMessageContaining("(line 1, column");
        }
    }

    @Test
    void aPageThatIsNotAFeatureCollectionIsAnError() {
        try (ScriptedServer server = ScriptedServer.start(r -> Reply.json("{\"type\": \"Catalog\", \"id\": \"x\"}"));
                StacApiClient client = client(server, SearchMethod.POST)) {
            assertThatThrownBy(() -> client.search(SearchRequest.builder().build(), page -> { }))
                    .isInstanceOf(StacDocumentException.class)
                    .hasMessage("POST " + server.origin() + "/api/search: type is 'Catalog', expected 'FeatureCollection'");
        }
    }

    @Test
    void unusableItemsAreSkippedWithAReasonAndCounted() {
        ObjectNode noAssets = item("no-assets");
        noAssets.putObject("assets");
        ObjectNode noGeometry = item("no-geometry");
        noGeometry.putNull("geometry");
        ObjectNode badDatetime = item("bad-datetime");
        ((ObjectNode) badDatetime.get("properties")).put("datetime", "13/01/2024");
        ObjectNode noId = item("x");
        noId.remove("id");
        List<ObjectNode> features = List.of(item("a"), noAssets, noGeometry, badDatetime, noId, item("b"));
        try (ScriptedServer server = ScriptedServer.start(r -> Reply.json(page(features, null)));
                StacApiClient client = client(server, SearchMethod.POST)) {
            List<StacItem> handed = new ArrayList<>();

            SearchSummary summary = client.search(SearchRequest.builder().build(), handed::addAll);

            assertThat(summary).isEqualTo(new SearchSummary(1, 2, 4));
            assertThat(handed).extracting(StacItem::id).containsExactly("a", "b");
            String url = server.origin() + "/api/search";
            assertThat(skipped).extracting(SkippedItem::toString).containsExactly(
                    url + " item 'no-assets': no assets",
                    url + " item 'no-geometry': no geometry (geometry is null or missing)",
                    url + " item 'bad-datetime': features[3]: properties.datetime '13/01/2024' is not an RFC 3339 "
                            + "date-time",
                    url + ": features[4]: id is missing or blank");
        }
    }

    @ParameterizedTest(name = "GET next link by {0}")
    @CsvSource({"token", "page", "startRecord"})
    void followsGetNextLinksOfEveryStyle(String style) {
        // Three pages; the next links carry the server's own state in the style under test.
        Function<Received, Reply> script = r -> {
            String state = params(r).get(style);
            String origin = "http://" + r.header("host");
            String base = origin + "/api/search?collections=c&limit=2&" + style + "=";
            if (state == null) {
                return Reply.json(page(items("a", "b"), StacJson.object().put("href", base + first(style))));
            }
            if (state.equals(first(style))) {
                return Reply.json(page(items("c", "d"), StacJson.object().put("href", base + second(style))));
            }
            return Reply.json(page(items("e"), null));
        };
        try (ScriptedServer server = ScriptedServer.start(script);
                StacApiClient client = client(server, SearchMethod.GET)) {
            List<Integer> pageSizes = new ArrayList<>();

            List<String> ids = search(client, SearchRequest.builder().collections("c").limit(2).build(), pageSizes);

            assertThat(ids).containsExactly("a", "b", "c", "d", "e");
            assertThat(pageSizes).containsExactly(2, 2, 1);
            assertThat(server.received()).extracting(Received::method).containsOnly("GET");
            assertThat(params(server.received().get(2))).containsEntry(style, second(style));
        }
    }

    private static String first(String style) {
        return switch (style) {
            case "token" -> "next:c:b";
            case "page" -> "2";
            default -> "3";
        };
    }

    private static String second(String style) {
        return switch (style) {
            case "token" -> "next:c:d";
            case "page" -> "3";
            default -> "5";
        };
    }

    @Test
    void getSearchSendsEveryParameterInTheQueryString() {
        try (ScriptedServer server = ScriptedServer.start(r -> Reply.json(page(items("a"), null)));
                StacApiClient client = client(server, SearchMethod.GET)) {
            SearchRequest request = SearchRequest.builder().collections("s2", "l8").bbox(-10.5, 40, 5, 50.25)
                    .datetime("2024-01").sortby("-datetime,+id").filter("{\"op\":\"=\",\"args\":[{\"property\":\"a\"},1]}")
                    .limit(5).build();

            search(client, request, new ArrayList<>());

            Received sent = server.received().get(0);
            assertThat(sent.path()).isEqualTo("/api/search");
            assertThat(params(sent)).containsExactlyEntriesOf(request.toQueryParameters());
            assertThat(params(sent)).containsEntry("sortby", "-datetime,+id");
        }
    }

    @Test
    void mergedPostBodiesAndLinkHeadersAreSent() {
        Function<Received, Reply> script = r -> {
            JsonNode body = StacJson.parse(r.body(), "sent");
            if (!body.has("page")) {
                ObjectNode next = StacJson.object().put("href", "http://" + r.header("host") + "/api/search")
                        .put("method", "POST").put("merge", true);
                next.putObject("body").put("page", 2);
                next.putObject("headers").put("X-Paging-Session", "s-1");
                return Reply.json(page(items("a"), next));
            }
            return Reply.json(page(items("b"), null));
        };
        try (ScriptedServer server = ScriptedServer.start(script);
                StacApiClient client = client(server, SearchMethod.POST)) {
            List<String> ids = search(client, SearchRequest.builder().collections("c").limit(1).build(), new ArrayList<>());

            assertThat(ids).containsExactly("a", "b");
            Received second = server.received().get(1);
            assertThat(StacJson.parse(second.body(), "sent"))
                    .isEqualTo(StacJson.parse("{\"collections\":[\"c\"],\"limit\":1,\"page\":2}", "expected"));
            assertThat(second.header("X-Paging-Session")).isEqualTo("s-1");
            assertThat(second.header("Content-Type")).isEqualTo("application/json");
        }
    }

    @Test
    void anEmptyPageEndsTheSearchEvenWithANextLink() {
        try (ScriptedServer server = ScriptedServer.start(r -> Reply.json(page(List.of(),
                StacJson.object().put("href", "http://" + r.header("host") + "/api/search?token=more"))));
                StacApiClient client = client(server, SearchMethod.POST)) {
            SearchSummary summary = client.search(SearchRequest.builder().build(), page -> { });

            assertThat(summary).isEqualTo(new SearchSummary(1, 0, 0));
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void aNextLinkThatRepeatsItsRequestIsReportedInsteadOfLoopingForever() {
        try (ScriptedServer server = ScriptedServer.start(r -> Reply.json(page(items("a"),
                StacJson.object().put("href", "http://" + r.header("host") + "/api/search?token=t"))));
                StacApiClient client = client(server, SearchMethod.GET)) {
            List<String> ids = new ArrayList<>();
            SearchRequest request = SearchRequest.builder().build();

            assertThatThrownBy(() -> client.search(request, page -> page.forEach(i -> ids.add(i.id()))))
                    .isInstanceOf(StacDocumentException.class)
                    .hasMessage("GET " + server.origin() + "/api/search?token=t: next link repeats the request that "
                            + "produced it (the search would never end)");
            assertThat(ids).containsExactly("a", "a");
        }
    }

    @Test
    void aRequestThatMatchesNothingSendsNoRequest() {
        try (ScriptedServer server = ScriptedServer.start(r -> Reply.json(page(items("a"), null)));
                StacApiClient client = client(server, SearchMethod.POST)) {
            SearchRequest empty = SearchRequest.builder().datetime("2023").build()
                    .withDatetimeRange(Instant.parse("2024-06-01T00:00:00Z"), null);

            assertThat(client.search(empty, page -> { })).isEqualTo(SearchSummary.empty());
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void anUnreachableServerIsARetryableIoFailureAfterTheBoundedAttempts() {
        String origin;
        try (ScriptedServer gone = ScriptedServer.start(r -> Reply.json("{}"))) {
            origin = gone.origin();
        }
        StorageOptions options = StorageOptions.builder()
                .retryPolicy(RetryPolicy.of(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(5), 2.0)).build();
        try (StacApiClient client = StacApiClient.builder(origin).options(options).sleeper(sleeper).build()) {
            assertThatThrownBy(() -> client.search(SearchRequest.builder().build(), page -> { }))
                    .isInstanceOfSatisfying(StacIoException.class, e -> {
                        assertThat(e.isRetryable()).isTrue();
                        assertThat(e.attempts()).isEqualTo(MAX_ATTEMPTS);
                    })
                    .hasMessageStartingWith("POST " + origin + "/search: ")
                    .hasMessageContaining("ConnectException")
                    .hasMessageEndingWith("(after 3 attempts)");
        }
    }

    @Test
    void refusesAnApiUrlThatIsNotHttp() {
        assertThatThrownBy(() -> StacApiClient.builder("s3://bucket/catalog.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a STAC API URL must be http:// or https://, got s3://bucket/catalog.json");
    }
}
