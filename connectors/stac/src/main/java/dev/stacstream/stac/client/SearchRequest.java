package dev.stacstream.stac.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.stac.model.StacFormatException;
import dev.stacstream.stac.model.StacJson;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A STAC item search: the STAC API {@code /search} parameters (core, {@code query}, {@code filter} (CQL2-JSON),
 * {@code sort}, {@code fields}) plus the client-side total {@code maxItems}. Immutable, {@link Serializable}, built
 * with {@link #builder()}; every setter validates and names the parameter it rejects.
 *
 * <p>{@link #toPostBody()} and {@link #toQueryParameters()} give the two wire forms. A request can be narrowed to a
 * time window with {@link #withDatetimeRange}; when the window and the user's {@code datetime} do not meet, the
 * request {@linkplain #matchesNothing() matches nothing} and searches return at once without a request.
 */
public final class SearchRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Length of a 2D bbox {@code [west, south, east, north]}. */
    private static final int BBOX_2D = 4;
    /** Length of a 3D bbox {@code [west, south, minz, east, north, maxz]}. */
    private static final int BBOX_3D = 6;
    /** The filter language of {@link #filter()}; only CQL2-JSON is sent. */
    public static final String FILTER_LANG = "cql2-json";

    private final List<String> collections;
    private final List<String> ids;
    private final List<Double> bbox;
    private final String intersects;
    private final DatetimeInterval datetime;
    private final String query;
    private final String filter;
    private final List<SortField> sortby;
    private final List<String> fields;
    private final Integer limit;
    private final Long maxItems;
    private final boolean matchesNothing;

    private SearchRequest(Builder b, boolean matchesNothing) {
        this.collections = List.copyOf(b.collections);
        this.ids = List.copyOf(b.ids);
        this.bbox = List.copyOf(b.bbox);
        this.intersects = b.intersects;
        this.datetime = b.datetime;
        this.query = b.query;
        this.filter = b.filter;
        this.sortby = List.copyOf(b.sortby);
        this.fields = List.copyOf(b.fields);
        this.limit = b.limit;
        this.maxItems = b.maxItems;
        this.matchesNothing = matchesNothing;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's parameters. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.collections = new ArrayList<>(collections);
        b.ids = new ArrayList<>(ids);
        b.bbox = new ArrayList<>(bbox);
        b.intersects = intersects;
        b.datetime = datetime;
        b.query = query;
        b.filter = filter;
        b.sortby = new ArrayList<>(sortby);
        b.fields = new ArrayList<>(fields);
        b.limit = limit;
        b.maxItems = maxItems;
        return b;
    }

    /**
     * This request restricted to {@code [fromInclusive, toInclusive]} ({@code null} = open end), intersected with
     * the request's own {@code datetime}. Continuous discovery uses it to ask only for what is new since its cursor.
     * If the two do not meet, the result {@linkplain #matchesNothing() matches nothing}.
     */
    public SearchRequest withDatetimeRange(Instant fromInclusive, Instant toInclusive) {
        if (fromInclusive != null && toInclusive != null && fromInclusive.isAfter(toInclusive)) {
            return new SearchRequest(toBuilder(), true);
        }
        DatetimeInterval window = DatetimeInterval.of(fromInclusive, toInclusive);
        Optional<DatetimeInterval> narrowed = datetime == null ? Optional.of(window) : datetime.intersect(window);
        if (narrowed.isEmpty()) {
            return new SearchRequest(toBuilder(), true);
        }
        Builder b = toBuilder();
        b.datetime = narrowed.get().start().isEmpty() && narrowed.get().end().isEmpty() ? null : narrowed.get();
        return new SearchRequest(b, matchesNothing);
    }

    public List<String> collections() {
        return collections;
    }

    public List<String> ids() {
        return ids;
    }

    /** {@code [west, south, east, north]} or the 3D form; empty when not set. */
    public List<Double> bbox() {
        return bbox;
    }

    /** The GeoJSON geometry text of {@code intersects}. */
    public Optional<String> intersects() {
        return Optional.ofNullable(intersects);
    }

    public Optional<DatetimeInterval> datetime() {
        return Optional.ofNullable(datetime);
    }

    /** The JSON text of the query extension's {@code query} object. */
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    /** The CQL2-JSON text of {@code filter}. */
    public Optional<String> filter() {
        return Optional.ofNullable(filter);
    }

    public List<SortField> sortby() {
        return sortby;
    }

    /** The fields extension's entries: {@code name} to include, {@code -name} to exclude. */
    public List<String> fields() {
        return fields;
    }

    /** Items per page asked of the server. */
    public OptionalInt limit() {
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** Total items after which the search stops, across pages. */
    public OptionalLong maxItems() {
        return maxItems == null ? OptionalLong.empty() : OptionalLong.of(maxItems);
    }

    /** Whether the request cannot match any item (its time window is empty): searches return without a request. */
    public boolean matchesNothing() {
        return matchesNothing;
    }

    /** The body of {@code POST /search}. Only the parameters that are set appear. */
    public ObjectNode toPostBody() {
        return SearchEncoding.postBody(this);
    }

    /**
     * The query parameters of {@code GET /search}, unencoded, in a stable order: lists comma-separated, JSON
     * parameters ({@code intersects}, {@code query}, {@code filter}) as compact JSON text.
     */
    public Map<String, String> toQueryParameters() {
        return SearchEncoding.queryParameters(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchRequest r && collections.equals(r.collections) && ids.equals(r.ids)
                && bbox.equals(r.bbox) && Objects.equals(intersects, r.intersects)
                && Objects.equals(datetime, r.datetime) && Objects.equals(query, r.query)
                && Objects.equals(filter, r.filter) && sortby.equals(r.sortby) && fields.equals(r.fields)
                && Objects.equals(limit, r.limit) && Objects.equals(maxItems, r.maxItems)
                && matchesNothing == r.matchesNothing;
    }

    @Override
    public int hashCode() {
        return Objects.hash(collections, ids, bbox, intersects, datetime, query, filter, sortby, fields, limit,
                maxItems, matchesNothing);
    }

    @Override
    public String toString() {
        return "SearchRequest" + toQueryParameters() + (maxItems != null ? " maxItems=" + maxItems : "")
                + (matchesNothing ? " (matches nothing)" : "");
    }

    /** Builds a {@link SearchRequest}; unset parameters are left out of the request. */
    public static final class Builder {
        private List<String> collections = new ArrayList<>();
        private List<String> ids = new ArrayList<>();
        private List<Double> bbox = new ArrayList<>();
        private String intersects;
        private DatetimeInterval datetime;
        private String query;
        private String filter;
        private List<SortField> sortby = new ArrayList<>();
        private List<String> fields = new ArrayList<>();
        private Integer limit;
        private Long maxItems;

        private Builder() {}

        public Builder collections(List<String> collections) {
            this.collections = nonBlank(collections, "collections");
            return this;
        }

        public Builder collections(String... collections) {
            return collections(List.of(collections));
        }

        public Builder ids(List<String> ids) {
            this.ids = nonBlank(ids, "ids");
            return this;
        }

        public Builder ids(String... ids) {
            return ids(List.of(ids));
        }

        /** {@code [west, south, east, north]} in degrees (west &gt; east crosses the antimeridian), or 3D. */
        public Builder bbox(List<Double> bbox) {
            if (bbox.size() != BBOX_2D && bbox.size() != BBOX_3D) {
                throw new IllegalArgumentException("bbox must have 4 or 6 numbers, got " + bbox.size() + ": " + bbox);
            }
            int half = bbox.size() / 2;
            double south = bbox.get(1);
            double north = bbox.get(half + 1);
            if (bbox.stream().anyMatch(v -> v == null || !Double.isFinite(v))) {
                throw new IllegalArgumentException("bbox has a non-finite number: " + bbox);
            }
            if (south > north || south < -90 || north > 90) {
                throw new IllegalArgumentException("bbox south/north must satisfy -90 <= south <= north <= 90, got "
                        + bbox);
            }
            this.bbox = new ArrayList<>(bbox);
            return this;
        }

        public Builder bbox(double west, double south, double east, double north) {
            return bbox(List.of(west, south, east, north));
        }

        /** A GeoJSON geometry (JSON text); mutually exclusive with {@link #bbox}. */
        public Builder intersects(String geoJsonGeometry) {
            JsonNode geometry = jsonObject(geoJsonGeometry, "intersects");
            if (!geometry.path("type").isTextual()) {
                throw new IllegalArgumentException("intersects must be a GeoJSON geometry with a \"type\": "
                        + geoJsonGeometry);
            }
            this.intersects = StacJson.write(geometry);
            return this;
        }

        public Builder datetime(DatetimeInterval datetime) {
            this.datetime = datetime;
            return this;
        }

        /** The text form of {@link DatetimeInterval#parse}. */
        public Builder datetime(String datetime) {
            return datetime(DatetimeInterval.parse(datetime));
        }

        /** The query extension's object (JSON text), e.g. {@code {"eo:cloud_cover":{"lt":20}}}. */
        public Builder query(String json) {
            this.query = StacJson.write(jsonObject(json, "query"));
            return this;
        }

        /** A CQL2-JSON filter expression (JSON text). */
        public Builder filter(String cql2Json) {
            this.filter = StacJson.write(jsonObject(cql2Json, "filter"));
            return this;
        }

        public Builder sortby(List<SortField> sortby) {
            this.sortby = new ArrayList<>(sortby);
            return this;
        }

        /** The GET form, e.g. {@code -datetime,+id}. */
        public Builder sortby(String sortby) {
            return sortby(SortField.parseList(sortby));
        }

        /** Fields extension entries: {@code name} to include, {@code -name} to exclude. */
        public Builder fields(List<String> fields) {
            this.fields = nonBlank(fields, "fields");
            return this;
        }

        /** Items per page, at least 1. */
        public Builder limit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be >= 1, got " + limit);
            }
            this.limit = limit;
            return this;
        }

        /** Total items to return across pages, at least 1. */
        public Builder maxItems(long maxItems) {
            if (maxItems < 1) {
                throw new IllegalArgumentException("max-items must be >= 1, got " + maxItems);
            }
            this.maxItems = maxItems;
            return this;
        }

        /** @throws IllegalArgumentException if both {@code bbox} and {@code intersects} are set */
        public SearchRequest build() {
            if (!bbox.isEmpty() && intersects != null) {
                throw new IllegalArgumentException("bbox and intersects cannot both be set (STAC API item search)");
            }
            return new SearchRequest(this, false);
        }

        private static List<String> nonBlank(List<String> values, String parameter) {
            for (String v : values) {
                if (v == null || v.isBlank()) {
                    throw new IllegalArgumentException(parameter + " must not contain blank entries: " + values);
                }
            }
            return new ArrayList<>(values);
        }

        private static JsonNode jsonObject(String text, String parameter) {
            try {
                JsonNode node = StacJson.parse(text, parameter);
                if (!node.isObject()) {
                    throw new IllegalArgumentException(parameter + " must be a JSON object, found "
                            + StacJson.kind(node) + ": " + text);
                }
                return node;
            } catch (StacFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }
}
