package dev.stacstream.stac.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.stac.model.Link;
import dev.stacstream.stac.model.StacJson;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The paging rules of STAC API next links, without I/O. */
class NextPageTest {

    private static final URI SEARCH = URI.create("https://api.example.org/v1/search");

    private static Link next(String json) {
        return Link.parseAll(StacJson.parse("{\"links\": [" + json + "]}", "page"), "page").get(0);
    }

    private static ObjectNode body(String json) {
        return (ObjectNode) StacJson.parse(json, "body");
    }

    @Test
    void postLinkBodyReplacesThePreviousBodyUnlessMerged() {
        PageRequest first = PageRequest.post(SEARCH, body("{\"collections\": [\"c\"], \"limit\": 10}"));

        PageRequest replaced = NextPage.follow(first, next(
                "{\"rel\": \"next\", \"method\": \"POST\", \"href\": \"https://api.example.org/v1/search\","
                        + " \"body\": {\"token\": \"t2\"}, \"merge\": false}"));
        PageRequest merged = NextPage.follow(first, next(
                "{\"rel\": \"next\", \"method\": \"POST\", \"href\": \"https://api.example.org/v1/search\","
                        + " \"body\": {\"token\": \"t2\", \"limit\": 20}, \"merge\": true}"));

        assertThat(replaced.body()).isEqualTo(body("{\"token\": \"t2\"}"));
        assertThat(merged.body()).isEqualTo(body("{\"collections\": [\"c\"], \"limit\": 20, \"token\": \"t2\"}"));
        assertThat(merged.method()).isEqualTo("POST");
    }

    @Test
    void postLinkWithoutBodyRepeatsThePreviousBody() {
        PageRequest first = PageRequest.post(SEARCH, body("{\"collections\": [\"c\"]}"));

        PageRequest following = NextPage.follow(first, next(
                "{\"rel\": \"next\", \"method\": \"POST\", \"href\": \"search?page=2\"}"));

        assertThat(following.body()).isEqualTo(first.body());
        assertThat(following.uri()).isEqualTo(URI.create("https://api.example.org/v1/search?page=2"));
    }

    @Test
    void getLinkIsFollowedVerbatimWithItsHeaders() {
        PageRequest first = PageRequest.post(SEARCH, body("{\"collections\": [\"c\"]}"));

        PageRequest following = NextPage.follow(first, next("{\"rel\": \"next\", \"href\": "
                + "\"https://api.example.org/v1/search?collections=c&token=next%3Aabc\", "
                + "\"headers\": {\"Authorization\": \"Bearer x\", \"X-Multi\": [\"a\", \"b\"]}}"));

        assertThat(following.method()).isEqualTo("GET");
        assertThat(following.body()).isNull();
        assertThat(following.uri().getRawQuery()).isEqualTo("collections=c&token=next%3Aabc");
        assertThat(following.headers()).isEqualTo(Map.of("Authorization", List.of("Bearer x"), "X-Multi", List.of("a", "b")));
    }

    @Test
    void refusesMethodsOtherThanGetAndPost() {
        PageRequest first = PageRequest.get(SEARCH);
        assertThatThrownBy(() -> NextPage.follow(first, next("{\"rel\": \"next\", \"method\": \"put\", \"href\": \"s\"}")))
                .isInstanceOf(StacUnsupportedException.class)
                .hasMessage("GET https://api.example.org/v1/search: next link asks for HTTP method PUT; only GET and "
                        + "POST paging is supported");
    }

    @Test
    void detectsALinkThatRepeatsItsOwnRequest() {
        PageRequest first = PageRequest.post(SEARCH, body("{\"token\": \"same\"}"));
        PageRequest again = NextPage.follow(first, next(
                "{\"rel\": \"next\", \"method\": \"POST\", \"href\": \"search\", \"body\": {\"token\": \"same\"}}"));
        PageRequest onward = NextPage.follow(first, next(
                "{\"rel\": \"next\", \"method\": \"POST\", \"href\": \"search\", \"body\": {\"token\": \"other\"}}"));

        assertThat(NextPage.repeats(first, again)).isTrue();
        assertThat(NextPage.repeats(first, onward)).isFalse();
    }
}
