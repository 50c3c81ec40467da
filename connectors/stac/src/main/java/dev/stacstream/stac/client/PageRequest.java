package dev.stacstream.stac.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request for a STAC API page: method ({@code GET} or {@code POST}), URL, extra headers and, for POST, the
 * JSON body. Immutable by convention: the body is never modified after construction (callers pass fresh trees).
 */
record PageRequest(String method, URI uri, Map<String, List<String>> headers, ObjectNode body) {

    static final String GET = "GET";
    static final String POST = "POST";

    PageRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        if (POST.equals(method) && body == null) {
            throw new IllegalArgumentException("POST " + uri + " needs a body");
        }
    }

    static PageRequest get(URI uri) {
        return new PageRequest(GET, uri, Map.of(), null);
    }

    static PageRequest post(URI uri, ObjectNode body) {
        return new PageRequest(POST, uri, Map.of(), body);
    }

    /** {@code "POST https://host/search"}, for messages. */
    String describe() {
        return method + " " + uri;
    }
}
