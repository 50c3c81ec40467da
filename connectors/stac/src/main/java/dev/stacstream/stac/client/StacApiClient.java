package dev.stacstream.stac.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stacstream.stac.model.ItemCollection;
import dev.stacstream.stac.model.Link;
import dev.stacstream.stac.model.StacCatalog;
import dev.stacstream.stac.model.StacCollection;
import dev.stacstream.stac.model.StacFormatException;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.storage.StorageOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of one STAC API: its landing page, conformance classes and collections, and item search with
 * pagination as the server directs it (see {@link NextPage}).
 *
 * <p>Search sends {@code POST {api}/search} (or GET, see {@link SearchMethod}) and then follows each page's
 * {@code rel=next} link until a page has no next link, a page has no features (Earth Search answers the request
 * after its last page with an empty page), or {@link SearchRequest#maxItems()} items have been handed on. Features
 * that are not valid items, and items without geometry or assets, are {@linkplain SkippedItem skipped}: reported to
 * the listener (by default logged as a warning) and counted.
 *
 * <p>Not thread-safe; one search at a time. Close it to release the HTTP client.
 */
public final class StacApiClient implements ItemSearch {

    private static final Logger LOG = LoggerFactory.getLogger(StacApiClient.class);

    private final String apiUrl;
    private final SearchMethod method;
    private final Consumer<SkippedItem> skipListener;
    private final JsonHttp http;

    private StacApiClient(Builder b) {
        this.apiUrl = stripTrailingSlash(b.apiUrl);
        this.method = b.method;
        this.skipListener = b.skipListener;
        this.http = new JsonHttp(b.options, b.sleeper, b.clock);
    }

    /** @param apiUrl the API root (landing page) URL */
    public static Builder builder(String apiUrl) {
        return new Builder(apiUrl);
    }

    /** The API root URL, without a trailing slash. */
    public String apiUrl() {
        return apiUrl;
    }

    /** The landing page: a catalog with the API's links and {@code conformsTo}. */
    public StacCatalog landingPage() {
        PageRequest request = PageRequest.get(uri(apiUrl));
        return parse(request, http.send(request), StacCatalog::fromNode);
    }

    /**
     * The conformance classes: the landing page's {@code conformsTo}, or {@code GET /conformance} for servers that
     * only publish them there.
     */
    public List<String> conformance() {
        List<String> fromLanding = landingPage().conformsTo();
        if (!fromLanding.isEmpty()) {
            return fromLanding;
        }
        PageRequest request = PageRequest.get(uri(apiUrl + "/conformance"));
        JsonNode json = http.send(request);
        JsonNode classes = json.get("conformsTo");
        if (classes == null || !classes.isArray()) {
            throw new StacDocumentException(request.describe(), "conformsTo must be an array of URIs");
        }
        List<String> result = new ArrayList<>();
        classes.forEach(c -> result.add(c.asText()));
        return List.copyOf(result);
    }

    /** Every collection of {@code GET /collections}, following {@code next} links where the server pages them. */
    public List<StacCollection> collections() {
        List<StacCollection> collections = new ArrayList<>();
        PageRequest request = PageRequest.get(uri(apiUrl + "/collections"));
        while (true) {
            JsonNode json = http.send(request);
            JsonNode array = json.get("collections");
            if (array == null || !array.isArray()) {
                throw new StacDocumentException(request.describe(), "collections must be an array, found "
                        + (array == null ? "nothing" : array.getNodeType()));
            }
            for (int i = 0; i < array.size(); i++) {
                JsonNode collection = array.get(i);
                String source = request.describe() + " collections[" + i + "]";
                collections.add(parse(request, collection, (node, s) -> StacCollection.fromNode(node, source)));
            }
            Optional<Link> next = nextLink(request, json);
            if (array.isEmpty() || next.isEmpty()) {
                return List.copyOf(collections);
            }
            PageRequest following = NextPage.follow(request, next.get());
            if (NextPage.repeats(request, following)) {
                throw new StacDocumentException(request.describe(), "next link repeats the request that produced it");
            }
            request = following;
        }
    }

    /**
     * {@code GET /collections/{id}}.
     *
     * @throws StacHttpException with status 404 and the server's message when there is no such collection
     */
    public StacCollection collection(String id) {
        Objects.requireNonNull(id, "collection id");
        PageRequest request = PageRequest.get(uri(apiUrl + "/collections/" + encodePathSegment(id)));
        return parse(request, http.send(request), StacCollection::fromNode);
    }

    @Override
    public SearchSummary search(SearchRequest request, Consumer<List<StacItem>> pageConsumer) {
        if (request.matchesNothing()) {
            return SearchSummary.empty();
        }
        PageRequest current = firstRequest(request);
        long remaining = request.maxItems().orElse(Long.MAX_VALUE);
        int pages = 0;
        long items = 0;
        long skipped = 0;
        while (true) {
            JsonNode json = http.send(current);
            pages++;
            ItemCollection page = parse(current, json, ItemCollection::fromNode);
            List<StacItem> accepted = new ArrayList<>(page.size());
            for (ItemCollection.Feature feature : page.features()) {
                Optional<SkippedItem> skip = check(current, feature, accepted);
                if (skip.isPresent()) {
                    skipped++;
                    report(skip.get());
                }
            }
            List<StacItem> handed = accepted.size() > remaining ? accepted.subList(0, (int) remaining) : accepted;
            pageConsumer.accept(List.copyOf(handed));
            items += handed.size();
            remaining -= handed.size();
            Optional<Link> next = page.nextLink();
            if (remaining == 0 || page.size() == 0 || next.isEmpty()) {
                LOG.debug("Search {} done after {} pages: {} items, {} skipped (last page: {} features, next link {})",
                        request, pages, items, skipped, page.size(), next.isPresent() ? "present" : "absent");
                return new SearchSummary(pages, items, skipped);
            }
            PageRequest following = NextPage.follow(current, next.get());
            if (NextPage.repeats(current, following)) {
                throw new StacDocumentException(current.describe(),
                        "next link repeats the request that produced it (the search would never end)");
            }
            current = following;
        }
    }

    private PageRequest firstRequest(SearchRequest request) {
        String searchUrl = apiUrl + "/search";
        if (method == SearchMethod.POST) {
            return PageRequest.post(uri(searchUrl), request.toPostBody());
        }
        Map<String, String> params = request.toQueryParameters();
        String query = params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return PageRequest.get(uri(query.isEmpty() ? searchUrl : searchUrl + "?" + query));
    }

    /** Adds a usable item to {@code accepted}, or says why the feature is skipped. */
    private static Optional<SkippedItem> check(PageRequest request, ItemCollection.Feature feature,
            List<StacItem> accepted) {
        String location = request.uri().toString();
        if (feature instanceof ItemCollection.Invalid invalid) {
            return Optional.of(new SkippedItem(location, invalid.id(), invalid.reason()));
        }
        StacItem item = ((ItemCollection.Valid) feature).item();
        Optional<String> rejection = ItemAcceptance.rejection(item);
        if (rejection.isPresent()) {
            return Optional.of(new SkippedItem(location, Optional.of(item.id()), rejection.get()));
        }
        accepted.add(item);
        return Optional.empty();
    }

    private void report(SkippedItem skipped) {
        skipListener.accept(skipped);
    }

    private static Optional<Link> nextLink(PageRequest request, JsonNode json) {
        if (!json.has("links")) {
            return Optional.empty();
        }
        return parse(request, json, Link::parseAll).stream()
                .filter(l -> l.rel().equalsIgnoreCase("next")).findFirst();
    }

    /** Runs a model parser, turning its format errors into a {@link StacDocumentException} naming the request. */
    private static <T> T parse(PageRequest request, JsonNode json, ModelParser<T> parser) {
        try {
            return parser.parse(json, request.describe());
        } catch (StacFormatException e) {
            throw new StacDocumentException(request.describe(), e);
        }
    }

    @FunctionalInterface
    private interface ModelParser<T> {
        T parse(JsonNode node, String source);
    }

    private static URI uri(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid STAC API URL: " + url + " (" + e.getMessage() + ")", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encodePathSegment(String segment) {
        return encode(segment).replace("+", "%20");
    }

    private static String stripTrailingSlash(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "StacApiClient{" + apiUrl + ", " + method + "}";
    }

    /** Builds a {@link StacApiClient}. */
    public static final class Builder {
        private final String apiUrl;
        private StorageOptions options = StorageOptions.defaults();
        private SearchMethod method = SearchMethod.POST;
        private Consumer<SkippedItem> skipListener = SkippedItem::log;
        private Sleeper sleeper = Sleeper.THREAD;
        private Clock clock = Clock.systemUTC();

        private Builder(String apiUrl) {
            Objects.requireNonNull(apiUrl, "apiUrl");
            if (!apiUrl.startsWith("http://") && !apiUrl.startsWith("https://")) {
                throw new IllegalArgumentException("a STAC API URL must be http:// or https://, got " + apiUrl);
            }
            this.apiUrl = apiUrl;
        }

        /** Timeouts and retry policy (the HTTP settings of the storage options apply). */
        public Builder options(StorageOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        public Builder searchMethod(SearchMethod method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /** Called for every skipped item instead of the default, a warning in the log. */
        public Builder onSkipped(Consumer<SkippedItem> listener) {
            this.skipListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** For tests: how retry delays are waited out. */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** For tests: the clock HTTP-date {@code Retry-After} values are measured against. */
        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public StacApiClient build() {
            return new StacApiClient(this);
        }
    }
}
