package dev.stacstream.stac.source.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.stac.model.StacItem;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The request handling of {@link LoopbackStacApi}, over a {@link GrowingItemSet}.
 *
 * <p>Pagination works like Earth Search's: a full page carries a {@code rel=next} link whose POST body holds only
 * a {@code token} (GET: a {@code token} query parameter); so when the matches fill the last page exactly, the
 * next link leads to an empty page. A token pages through the matches as they were when the search began, and
 * links are built from the request's own host and port, as servers do.
 */
final class SearchHandler extends Handler.Abstract {

    private static final int DEFAULT_LIMIT = 10;
    private static final int UNAVAILABLE = 503;
    private static final String OPEN = "..";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GrowingItemSet items = new GrowingItemSet();
    private final Map<String, Continuation> continuations = new ConcurrentHashMap<>();
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private final AtomicInteger searches = new AtomicInteger();
    private final AtomicInteger pages = new AtomicInteger();
    private final AtomicInteger tokens = new AtomicInteger();

    /** The rest of a search: the matches at its start, the next offset and the page size. */
    private record Continuation(List<StacItem> matches, int offset, int limit) {
    }

    GrowingItemSet items() {
        return items;
    }

    void failNextSearches(int count) {
        failuresToServe.addAndGet(count);
    }

    int searches() {
        return searches.get();
    }

    int pages() {
        return pages.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String origin = "http://" + Request.getServerName(request) + ":" + Request.getServerPort(request);
        try {
            if (path.isEmpty() || path.equals("/")) {
                respond(response, callback, 200, landingPage(origin));
            } else if (path.equals("/search") && request.getMethod().equals("POST")) {
                JsonNode body = JSON.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
                respond(response, callback, 200, search(body.path("token").asText(null), body, origin, true));
            } else if (path.equals("/search") && request.getMethod().equals("GET")) {
                respond(response, callback, 200, search(query(request, "token"), queryAsBody(request), origin, false));
            } else {
                respond(response, callback, 404, error("NotFound", "no route for " + request.getMethod() + " " + path));
            }
        } catch (ServiceUnavailable e) {
            respond(response, callback, UNAVAILABLE, error("ServiceUnavailable", e.getMessage()));
        } catch (IllegalArgumentException e) {
            respond(response, callback, 400, error("BadRequest", e.getMessage()));
        } catch (Exception e) {
            respond(response, callback, 500, error("InternalServerError", String.valueOf(e)));
        }
        return true;
    }

    private ObjectNode search(String token, JsonNode body, String origin, boolean post) {
        Continuation continuation;
        if (token != null) {
            continuation = continuations.remove(token);
            if (continuation == null) {
                throw new IllegalArgumentException("unknown or used token " + token);
            }
        } else {
            if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ServiceUnavailable("injected outage");
            }
            List<String> collections = new ArrayList<>();
            body.path("collections").forEach(c -> collections.add(c.asText()));
            Instant[] range = datetimeRange(body.path("datetime").asText(null));
            int limit = body.path("limit").asInt(DEFAULT_LIMIT);
            continuation = new Continuation(items.matching(collections, range[0], range[1]), 0, limit);
            searches.incrementAndGet();
        }
        pages.incrementAndGet();
        return page(continuation, origin, post);
    }

    private ObjectNode page(Continuation continuation, String origin, boolean post) {
        List<StacItem> matches = continuation.matches();
        int end = Math.min(continuation.offset() + continuation.limit(), matches.size());
        ObjectNode page = JSON.createObjectNode();
        page.put("type", "FeatureCollection");
        ArrayNode features = page.putArray("features");
        matches.subList(continuation.offset(), end).forEach(item -> features.add(item.toNode()));
        page.put("numberReturned", features.size());
        ArrayNode links = page.putArray("links");
        if (features.size() == continuation.limit()) {
            String token = "page-" + tokens.incrementAndGet();
            continuations.put(token, new Continuation(matches, end, continuation.limit()));
            ObjectNode next = links.addObject().put("rel", "next").put("type", "application/geo+json");
            if (post) {
                next.put("href", origin + "/search").put("method", "POST");
                next.putObject("body").put("token", token);
            } else {
                next.put("href", origin + "/search?token=" + token);
            }
        }
        return page;
    }

    /** {@code [start, end]} of a datetime parameter (null = open); a single instant is both. */
    private static Instant[] datetimeRange(String datetime) {
        if (datetime == null) {
            return new Instant[] {null, null};
        }
        String[] ends = datetime.split("/", -1);
        if (ends.length == 1) {
            Instant instant = instant(ends[0]);
            return new Instant[] {instant, instant};
        }
        if (ends.length != 2) {
            throw new IllegalArgumentException("datetime must be an instant or an interval: " + datetime);
        }
        return new Instant[] {instant(ends[0]), instant(ends[1])};
    }

    private static Instant instant(String text) {
        if (text.isEmpty() || text.equals(OPEN)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an RFC 3339 datetime: " + text, e);
        }
    }

    private static ObjectNode queryAsBody(Request request) {
        ObjectNode body = JSON.createObjectNode();
        String collections = query(request, "collections");
        if (collections != null) {
            Arrays.stream(collections.split(",")).forEach(body.putArray("collections")::add);
        }
        String datetime = query(request, "datetime");
        if (datetime != null) {
            body.put("datetime", datetime);
        }
        String limit = query(request, "limit");
        if (limit != null) {
            body.put("limit", Integer.parseInt(limit));
        }
        return body;
    }

    private static String query(Request request, String name) {
        Fields.Field field = Request.extractQueryParameters(request).get(name);
        return field == null ? null : field.getValue();
    }

    private static ObjectNode landingPage(String origin) {
        ObjectNode landing = JSON.createObjectNode();
        landing.put("type", "Catalog").put("stac_version", "1.0.0").put("id", "loopback")
                .put("description", "Loopback STAC API of the source tests");
        landing.putArray("conformsTo")
                .add("https://api.stacspec.org/v1.0.0/core")
                .add("https://api.stacspec.org/v1.0.0/item-search");
        ArrayNode links = landing.putArray("links");
        links.addObject().put("rel", "self").put("href", origin + "/");
        links.addObject().put("rel", "search").put("href", origin + "/search").put("method", "POST")
                .put("type", "application/geo+json");
        return landing;
    }

    private static ObjectNode error(String code, String description) {
        return JSON.createObjectNode().put("code", code).put("description", description);
    }

    private static void respond(Response response, Callback callback, int status, ObjectNode body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/geo+json");
        Content.Sink.write(response, true, body.toString(), callback);
    }

    /** An injected outage of the search endpoint. */
    private static final class ServiceUnavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private ServiceUnavailable(String message) {
            super(message);
        }
    }
}
