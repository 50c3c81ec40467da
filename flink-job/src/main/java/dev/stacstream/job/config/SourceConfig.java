package dev.stacstream.job.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code source.*} section: where items come from and which of them the job processes. Immutable; built by
 * the loader (or by {@link #builder(StacEndpoint)} in tests and tools) with the defaults of {@link PipelineOptions}.
 */
public final class SourceConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private final StacEndpoint endpoint;
    private final List<String> collections;
    private final SpatialFilter spatialFilter;
    private final DatetimeRange datetime;
    private final String queryJson;
    private final String filterJson;
    private final boolean bounded;
    private final Duration pollInterval;
    private final Duration lookback;

    private SourceConfig(Builder b) {
        this.endpoint = b.endpoint;
        this.collections = List.copyOf(b.collections);
        this.spatialFilter = Objects.requireNonNull(b.spatialFilter, "spatial filter");
        this.datetime = Objects.requireNonNull(b.datetime, "datetime");
        this.queryJson = b.queryJson;
        this.filterJson = b.filterJson;
        this.bounded = b.bounded == null ? b.endpoint instanceof StacEndpoint.Catalog : b.bounded;
        this.pollInterval = requirePositive(b.pollInterval, PipelineOptions.SOURCE_POLL_INTERVAL.key());
        this.lookback = Objects.requireNonNull(b.lookback, "lookback");
        if (lookback.isNegative()) {
            throw new IllegalArgumentException(PipelineOptions.SOURCE_LOOKBACK.key() + " must not be negative");
        }
    }

    /** A builder with every optional setting at its default. */
    public static Builder builder(StacEndpoint endpoint) {
        return new Builder(endpoint);
    }

    /** The static catalog or STAC API to read. */
    public StacEndpoint endpoint() {
        return endpoint;
    }

    /** Collection ids to read; empty means every collection of the endpoint. */
    public List<String> collections() {
        return collections;
    }

    /** The footprint filter ({@code source.bbox} or {@code source.intersects}). */
    public SpatialFilter spatialFilter() {
        return spatialFilter;
    }

    /** The item datetime filter; {@link DatetimeRange#unbounded()} when not set. */
    public DatetimeRange datetime() {
        return datetime;
    }

    /** The STAC API query-extension object as compact JSON, e.g. {@code {"eo:cloud_cover":{"lt":20}}}. */
    public Optional<String> queryJson() {
        return Optional.ofNullable(queryJson);
    }

    /** The CQL2-JSON filter expression as compact JSON. */
    public Optional<String> filterJson() {
        return Optional.ofNullable(filterJson);
    }

    /** True: read the items that exist now, then finish. False: keep polling for new items. */
    public boolean bounded() {
        return bounded;
    }

    /** Time between discovery rounds of a continuous source. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** How far below the newest item datetime seen each discovery round searches again (late publications). */
    public Duration lookback() {
        return lookback;
    }

    private static Duration requirePositive(Duration d, String key) {
        Objects.requireNonNull(d, key);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(key + " must be positive, got " + DurationFormat.format(d));
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceConfig s && endpoint.equals(s.endpoint) && collections.equals(s.collections)
                && spatialFilter.equals(s.spatialFilter) && datetime.equals(s.datetime)
                && Objects.equals(queryJson, s.queryJson) && Objects.equals(filterJson, s.filterJson)
                && bounded == s.bounded && pollInterval.equals(s.pollInterval) && lookback.equals(s.lookback);
    }

    @Override
    public int hashCode() {
        return Objects.hash(endpoint, collections, spatialFilter, datetime, queryJson, filterJson, bounded,
                pollInterval, lookback);
    }

    @Override
    public String toString() {
        return "SourceConfig{endpoint=" + endpoint + ", collections=" + collections + ", spatialFilter="
                + spatialFilter + ", datetime=" + datetime + ", query=" + queryJson + ", filter=" + filterJson
                + ", bounded=" + bounded + ", pollInterval=" + pollInterval + ", lookback=" + lookback + "}";
    }

    /** Builds a {@link SourceConfig}; unset optional values take the defaults of {@link PipelineOptions}. */
    public static final class Builder {
        private final StacEndpoint endpoint;
        private List<String> collections = List.of();
        private SpatialFilter spatialFilter = SpatialFilter.anywhere();
        private DatetimeRange datetime = DatetimeRange.unbounded();
        private String queryJson;
        private String filterJson;
        private Boolean bounded;
        private Duration pollInterval = PipelineOptions.SOURCE_POLL_INTERVAL.defaultValue().orElseThrow();
        private Duration lookback = PipelineOptions.SOURCE_LOOKBACK.defaultValue().orElseThrow();

        private Builder(StacEndpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        public Builder collections(List<String> collections) {
            this.collections = List.copyOf(collections);
            return this;
        }

        public Builder spatialFilter(SpatialFilter spatialFilter) {
            this.spatialFilter = spatialFilter;
            return this;
        }

        public Builder datetime(DatetimeRange datetime) {
            this.datetime = datetime;
            return this;
        }

        public Builder queryJson(String queryJson) {
            this.queryJson = queryJson;
            return this;
        }

        public Builder filterJson(String filterJson) {
            this.filterJson = filterJson;
            return this;
        }

        /** Overrides the default, which is bounded for a static catalog and continuous for an API. */
        public Builder bounded(boolean bounded) {
            this.bounded = bounded;
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        public Builder lookback(Duration lookback) {
            this.lookback = lookback;
            return this;
        }

        public SourceConfig build() {
            return new SourceConfig(this);
        }
    }
}
