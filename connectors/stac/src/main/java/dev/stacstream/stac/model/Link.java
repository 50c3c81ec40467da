package dev.stacstream.stac.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A STAC link: {@code rel} and {@code href}, plus the STAC API extensions a {@code next} link may carry: the HTTP
 * {@code method} (default {@code GET}), extra {@code headers}, a JSON {@code body} for POST, and {@code merge}
 * (whether the body is merged into the previous request's body rather than replacing it). Immutable.
 */
public final class Link {

    /** The HTTP method of a link that does not say. */
    public static final String DEFAULT_METHOD = "GET";

    private final String rel;
    private final String href;
    private final String type;
    private final String title;
    private final String method;
    private final Map<String, List<String>> headers;
    private final ObjectNode body;
    private final boolean merge;

    private Link(String rel, String href, String type, String title, String method,
            Map<String, List<String>> headers, ObjectNode body, boolean merge) {
        this.rel = rel;
        this.href = href;
        this.type = type;
        this.title = title;
        this.method = method;
        this.headers = headers;
        this.body = body;
        this.merge = merge;
    }

    /** A plain link (GET, no headers or body). */
    public static Link of(String rel, String href) {
        return new Link(Objects.requireNonNull(rel, "rel"), Objects.requireNonNull(href, "href"),
                null, null, DEFAULT_METHOD, Map.of(), null, false);
    }

    /**
     * Reads {@code links[index]} of a document.
     *
     * @throws StacFormatException if {@code rel} or {@code href} is missing, or a member has the wrong type
     */
    static Link fromNode(JsonNode node, String path, JsonFields fields) {
        if (!node.isObject()) {
            throw fields.error(path, "must be an object, found " + StacJson.kind(node));
        }
        String rel = fields.text(node, "rel", path + ".rel")
                .orElseThrow(() -> fields.error(path + ".rel", "is missing"));
        String href = fields.text(node, "href", path + ".href")
                .orElseThrow(() -> fields.error(path + ".href", "is missing"));
        String method = fields.text(node, "method", path + ".method")
                .map(m -> m.toUpperCase(Locale.ROOT)).orElse(DEFAULT_METHOD);
        ObjectNode body = fields.object(node, "body", path + ".body").map(ObjectNode::deepCopy).orElse(null);
        JsonNode merge = node.get("merge");
        if (!JsonFields.absent(merge) && !merge.isBoolean()) {
            throw fields.error(path + ".merge", "must be a boolean, found " + StacJson.kind(merge));
        }
        return new Link(rel, href,
                fields.text(node, "type", path + ".type").orElse(null),
                fields.text(node, "title", path + ".title").orElse(null),
                method, headers(node, path, fields), body, merge != null && merge.asBoolean(false));
    }

    /** Every link of a document's {@code links} array, in order (empty when there is none). */
    static List<Link> listOf(JsonNode document, JsonFields fields) {
        List<JsonNode> nodes = fields.array(document, "links", "links");
        List<Link> links = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            links.add(fromNode(nodes.get(i), "links[" + i + "]", fields));
        }
        return List.copyOf(links);
    }

    /**
     * The {@code links} of any STAC or STAC API document (a search page, a {@code /collections} response).
     *
     * @param source the document, named in errors
     */
    public static List<Link> parseAll(JsonNode document, String source) {
        return listOf(document, new JsonFields(source));
    }

    /** The first link with relation {@code rel} (case-insensitive, as RFC 8288 relation types are). */
    public static Optional<Link> first(List<Link> links, String rel) {
        return links.stream().filter(l -> l.rel.equalsIgnoreCase(rel)).findFirst();
    }

    /** Header values may be a string or an array of strings (STAC API "Link Object" extension). */
    private static Map<String, List<String>> headers(JsonNode node, String path, JsonFields fields) {
        Optional<ObjectNode> headers = fields.object(node, "headers", path + ".headers");
        if (headers.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        headers.get().properties().forEach(entry -> {
            String headerPath = path + ".headers." + entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isTextual()) {
                result.put(entry.getKey(), List.of(value.asText()));
            } else if (value.isArray()) {
                result.put(entry.getKey(), fields.texts(headers.get(), entry.getKey(), headerPath));
            } else {
                throw fields.error(headerPath, "must be a string or an array of strings, found "
                        + StacJson.kind(value));
            }
        });
        return Collections.unmodifiableMap(result);
    }

    public String rel() {
        return rel;
    }

    /** The target as written in the document (possibly relative). */
    public String href() {
        return href;
    }

    /** The target resolved against {@code base}, the location of the document holding the link. */
    public String resolvedHref(String base) {
        return Hrefs.resolve(base, href);
    }

    /** The media type, if given. */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /** Upper-case HTTP method; {@value #DEFAULT_METHOD} unless the link says otherwise. */
    public String method() {
        return method;
    }

    /** Extra request headers to send when following the link. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** A copy of the JSON body to send when following the link (POST paging), if any. */
    public Optional<ObjectNode> body() {
        return Optional.ofNullable(body).map(ObjectNode::deepCopy);
    }

    /** Whether {@link #body()} is merged into the previous request body instead of replacing it. */
    public boolean merge() {
        return merge;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Link l && rel.equals(l.rel) && href.equals(l.href) && Objects.equals(type, l.type)
                && Objects.equals(title, l.title) && method.equals(l.method) && headers.equals(l.headers)
                && Objects.equals(body, l.body) && merge == l.merge;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rel, href, method, body);
    }

    @Override
    public String toString() {
        return "Link{rel=" + rel + ", " + method + " " + href + (body != null ? ", body=" + body : "")
                + (merge ? ", merge" : "") + "}";
    }
}
