package dev.stacstream.stac.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stacstream.stac.model.StacJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SearchRequestTest {

    private static SearchRequest everything() {
        return SearchRequest.builder()
                .collections("sentinel-2-l2a", "landsat-c2-l2")
                .ids("a", "b")
                .bbox(-105.2, 39.9, -104.9, 40.2)
                .datetime("2023-10-08")
                .query("{\"eo:cloud_cover\": {\"lt\": 20}}")
                .filter("{\"op\": \"<=\", \"args\": [{\"property\": \"eo:cloud_cover\"}, 20]}")
                .sortby("-datetime,+id")
                .fields(List.of("id", "properties.datetime", "-links"))
                .limit(50)
                .maxItems(120)
                .build();
    }

    @Test
    void writesThePostBodyOfEveryParameter() {
        JsonNode expected = StacJson.parse("""
                {"collections": ["sentinel-2-l2a", "landsat-c2-l2"], "ids": ["a", "b"],
                 "bbox": [-105.2, 39.9, -104.9, 40.2],
                 "datetime": "2023-10-08T00:00:00Z/2023-10-08T23:59:59Z",
                 "query": {"eo:cloud_cover": {"lt": 20}},
                 "filter": {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 20]}, "filter-lang": "cql2-json",
                 "sortby": [{"field": "datetime", "direction": "desc"}, {"field": "id", "direction": "asc"}],
                 "fields": {"include": ["id", "properties.datetime"], "exclude": ["links"]},
                 "limit": 50}
                """, "expected");

        assertThat(everything().toPostBody()).isEqualTo(expected);
        assertThat(everything().maxItems()).hasValue(120);
    }

    @Test
    void writesTheGetParametersOfEveryParameter() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("collections", "sentinel-2-l2a,landsat-c2-l2");
        expected.put("ids", "a,b");
        expected.put("bbox", "-105.2,39.9,-104.9,40.2");
        expected.put("datetime", "2023-10-08T00:00:00Z/2023-10-08T23:59:59Z");
        expected.put("query", "{\"eo:cloud_cover\":{\"lt\":20}}");
        expected.put("filter", "{\"op\":\"<=\",\"args\":[{\"property\":\"eo:cloud_cover\"},20]}");
        expected.put("filter-lang", "cql2-json");
        expected.put("sortby", "-datetime,+id");
        expected.put("fields", "id,properties.datetime,-links");
        expected.put("limit", "50");

        assertThat(everything().toQueryParameters()).containsExactlyEntriesOf(expected);
    }

    @Test
    void reproducesTheBodyPystacClientSentToEarthSearch() {
        SearchRequest request = SearchRequest.builder()
                .datetime("2023-10-08T00:00:00Z/2023-10-08T23:59:59Z")
                .collections("sentinel-2-l2a", "landsat-c2-l2")
                .intersects("{\"type\": \"Point\", \"coordinates\": [-105.1019, 40.1672]}")
                .build();

        assertThat(request.toPostBody()).isEqualTo(StacJson.parse("{\"datetime\": \"2023-10-08T00:00:00Z/2023-10-08T23:59:59Z\", "
                + "\"collections\": [\"sentinel-2-l2a\", \"landsat-c2-l2\"], \"intersects\": {\"type\": \"Point\", "
                + "\"coordinates\": [-105.1019, 40.1672]}}", "recorded"));
        assertThat(request.toQueryParameters()).containsEntry("intersects",
                "{\"type\":\"Point\",\"coordinates\":[-105.1019,40.1672]}");
    }

    @Test
    void anEmptyRequestSendsAnEmptyBody() {
        assertThat(SearchRequest.builder().build().toPostBody()).isEmpty();
        assertThat(SearchRequest.builder().build().toQueryParameters()).isEmpty();
    }

    @Test
    void narrowsToADatetimeRangeWithinTheUsersOwn() {
        SearchRequest request = SearchRequest.builder().collections("c").datetime("2023-01-01T00:00:00Z/2023-12-31T00:00:00Z")
                .build();

        SearchRequest narrowed = request.withDatetimeRange(Instant.parse("2023-06-01T00:00:00Z"), null);
        SearchRequest disjoint = request.withDatetimeRange(Instant.parse("2024-01-01T00:00:00Z"), null);
        SearchRequest open = SearchRequest.builder().build().withDatetimeRange(null, Instant.parse("2020-01-01T00:00:00Z"));

        assertThat(narrowed.datetime().orElseThrow().format()).isEqualTo("2023-06-01T00:00:00Z/2023-12-31T00:00:00Z");
        assertThat(narrowed.collections()).containsExactly("c");
        assertThat(narrowed.matchesNothing()).isFalse();
        assertThat(disjoint.matchesNothing()).isTrue();
        assertThat(open.datetime().orElseThrow().format()).isEqualTo("../2020-01-01T00:00:00Z");
        assertThat(SearchRequest.builder().build().withDatetimeRange(null, null).datetime()).isEmpty();
        assertThat(request.withDatetimeRange(Instant.parse("2023-02-01T00:00:00Z"), Instant.parse("2023-01-01T00:00:00Z"))
                .matchesNothing()).isTrue();
    }

    @Test
    void isSerializableAndAValue() throws Exception {
        SearchRequest request = everything().withDatetimeRange(Instant.parse("2023-10-08T12:00:00Z"), null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(request);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            SearchRequest copy = (SearchRequest) in.readObject();
            assertThat(copy).isEqualTo(request).hasSameHashCodeAs(request);
            assertThat(copy.toPostBody()).isEqualTo(request.toPostBody());
        }
        assertThat(request.toBuilder().build()).isEqualTo(request.toBuilder().build());
    }

    static Stream<Arguments> invalidParameters() {
        return Stream.of(
                bad("bbox of 3", () -> SearchRequest.builder().bbox(List.of(1.0, 2.0, 3.0)),
                        "bbox must have 4 or 6 numbers, got 3"),
                bad("south above north", () -> SearchRequest.builder().bbox(0, 10, 1, 5),
                        "bbox south/north must satisfy -90 <= south <= north <= 90"),
                bad("latitude 91", () -> SearchRequest.builder().bbox(0, 0, 1, 91), "-90 <= south <= north <= 90"),
                bad("bbox and intersects", () -> SearchRequest.builder().bbox(0, 0, 1, 1)
                        .intersects("{\"type\":\"Point\",\"coordinates\":[0,0]}").build(),
                        "bbox and intersects cannot both be set"),
                bad("intersects not geometry", () -> SearchRequest.builder().intersects("{\"coordinates\": [0, 0]}"),
                        "intersects must be a GeoJSON geometry with a \"type\""),
                bad("query not JSON", () -> SearchRequest.builder().query("{eo:cloud_cover: 1}"),
                        "query: malformed JSON"),
                bad("filter an array", () -> SearchRequest.builder().filter("[1]"), "filter must be a JSON object"),
                bad("limit 0", () -> SearchRequest.builder().limit(0), "limit must be >= 1, got 0"),
                bad("max-items 0", () -> SearchRequest.builder().maxItems(0), "max-items must be >= 1, got 0"),
                bad("blank collection", () -> SearchRequest.builder().collections("a", " "),
                        "collections must not contain blank entries"),
                bad("empty sort field", () -> SearchRequest.builder().sortby("datetime,,id"), "has an empty field"),
                bad("bad datetime", () -> SearchRequest.builder().datetime("2023-13"), "datetime '2023-13'"));
    }

    private static Arguments bad(String name, Supplier<Object> build, String message) {
        return Arguments.of(name, build, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidParameters")
    void rejectsInvalidParametersNamingThem(String name, Supplier<Object> build, String message) {
        assertThatThrownBy(build::get).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
