package dev.stacstream.stac.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.stac.model.StacJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two wire forms of a {@link SearchRequest}: the JSON body of {@code POST /search} and the query parameters of
 * {@code GET /search}, as the STAC API item-search, query, filter, sort and fields extensions define them.
 */
final class SearchEncoding {

    private SearchEncoding() {}

    static ObjectNode postBody(SearchRequest r) {
        ObjectNode body = StacJson.object();
        if (!r.collections().isEmpty()) {
            r.collections().forEach(body.putArray("collections")::add);
        }
        if (!r.ids().isEmpty()) {
            r.ids().forEach(body.putArray("ids")::add);
        }
        if (!r.bbox().isEmpty()) {
            r.bbox().forEach(body.putArray("bbox")::add);
        }
        r.intersects().ifPresent(geometry -> body.set("intersects", json(geometry, "intersects")));
        r.datetime().ifPresent(datetime -> body.put("datetime", datetime.format()));
        r.query().ifPresent(query -> body.set("query", json(query, "query")));
        r.filter().ifPresent(filter -> {
            body.set("filter", json(filter, "filter"));
            body.put("filter-lang", SearchRequest.FILTER_LANG);
        });
        if (!r.sortby().isEmpty()) {
            ArrayNode sorts = body.putArray("sortby");
            r.sortby().forEach(s -> sorts.addObject().put("field", s.field()).put("direction", s.direction()));
        }
        if (!r.fields().isEmpty()) {
            ObjectNode fields = body.putObject("fields");
            List<String> include = r.fields().stream().filter(x -> !x.startsWith("-")).toList();
            List<String> exclude = r.fields().stream().filter(x -> x.startsWith("-")).map(x -> x.substring(1)).toList();
            if (!include.isEmpty()) {
                include.forEach(fields.putArray("include")::add);
            }
            if (!exclude.isEmpty()) {
                exclude.forEach(fields.putArray("exclude")::add);
            }
        }
        r.limit().ifPresent(limit -> body.put("limit", limit));
        return body;
    }

    static Map<String, String> queryParameters(SearchRequest r) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!r.collections().isEmpty()) {
            params.put("collections", String.join(",", r.collections()));
        }
        if (!r.ids().isEmpty()) {
            params.put("ids", String.join(",", r.ids()));
        }
        if (!r.bbox().isEmpty()) {
            params.put("bbox", r.bbox().stream().map(SearchEncoding::number).collect(Collectors.joining(",")));
        }
        r.intersects().ifPresent(geometry -> params.put("intersects", StacJson.write(json(geometry, "intersects"))));
        r.datetime().ifPresent(datetime -> params.put("datetime", datetime.format()));
        r.query().ifPresent(query -> params.put("query", StacJson.write(json(query, "query"))));
        r.filter().ifPresent(filter -> {
            params.put("filter", StacJson.write(json(filter, "filter")));
            params.put("filter-lang", SearchRequest.FILTER_LANG);
        });
        if (!r.sortby().isEmpty()) {
            params.put("sortby", r.sortby().stream().map(SortField::toQueryForm).collect(Collectors.joining(",")));
        }
        if (!r.fields().isEmpty()) {
            params.put("fields", String.join(",", r.fields()));
        }
        r.limit().ifPresent(limit -> params.put("limit", Integer.toString(limit)));
        return params;
    }

    /** Whole numbers without a fraction ({@code 40}, not {@code 40.0}), as people write bboxes. */
    private static String number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** Parses a JSON parameter that the builder already validated. */
    private static JsonNode json(String text, String parameter) {
        return StacJson.parse(text, parameter);
    }
}
