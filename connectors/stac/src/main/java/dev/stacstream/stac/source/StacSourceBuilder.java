package dev.stacstream.stac.source;

import dev.stacstream.stac.client.ItemSearchProvider;
import dev.stacstream.stac.client.SearchRequest;
import dev.stacstream.stac.source.config.DiscoverySettings;
import dev.stacstream.stac.source.config.RepublishPolicy;
import dev.stacstream.stac.source.config.StacSourceOptions;
import dev.stacstream.stac.source.config.StacStartingPosition;

import org.apache.flink.configuration.Configuration;

import java.time.Duration;

/**
 * Builds a {@link StacSource}. Required: {@link #setSearch} and {@link #setRequest}; everything else has a default
 * (earliest, continuous, and the defaults of {@link StacSourceOptions}).
 *
 * <p>Discovery settings can come from a Flink configuration ({@link #setConfiguration}) or from the setters here;
 * a setter always wins over the configuration, whatever the call order, and the configuration wins over the
 * defaults. Invalid values are reported by {@link #build()} with the name of the key and of the setter.
 */
public final class StacSourceBuilder {

    private final Configuration explicit = new Configuration();
    private Configuration configuration = new Configuration();
    private ItemSearchProvider search;
    private SearchRequest request;
    private StacStartingPosition startingPosition = StacStartingPosition.earliest();
    private boolean bounded;

    StacSourceBuilder() {
    }

    /** Where items come from: {@code ItemSearchProvider.api(url, options)} or {@code .catalog(uri, options)}. */
    public StacSourceBuilder setSearch(ItemSearchProvider search) {
        this.search = search;
        return this;
    }

    /** What to search for; continuous discovery narrows its datetime range to the cursor's window each round. */
    public StacSourceBuilder setRequest(SearchRequest request) {
        this.request = request;
        return this;
    }

    /** Where a job without restored state starts; ignored on restore. Default {@code earliest()}. */
    public StacSourceBuilder setStartingPosition(StacStartingPosition startingPosition) {
        this.startingPosition = startingPosition;
        return this;
    }

    /** True: one pass, then end of input. False (default): poll forever. */
    public StacSourceBuilder setBounded(boolean bounded) {
        this.bounded = bounded;
        return this;
    }

    /** Discovery options ({@link StacSourceOptions}) that the setters below do not override. */
    public StacSourceBuilder setConfiguration(Configuration configuration) {
        this.configuration = new Configuration(configuration);
        return this;
    }

    /** {@link StacSourceOptions#POLL_INTERVAL}. */
    public StacSourceBuilder setPollInterval(Duration pollInterval) {
        explicit.set(StacSourceOptions.POLL_INTERVAL, pollInterval);
        return this;
    }

    /** {@link StacSourceOptions#LOOKBACK}. */
    public StacSourceBuilder setLookback(Duration lookback) {
        explicit.set(StacSourceOptions.LOOKBACK, lookback);
        return this;
    }

    /** {@link StacSourceOptions#REPUBLISHED_ITEMS}. */
    public StacSourceBuilder setRepublishedItems(RepublishPolicy policy) {
        explicit.set(StacSourceOptions.REPUBLISHED_ITEMS, policy);
        return this;
    }

    /** {@link StacSourceOptions#MAX_CONSECUTIVE_FAILURES}. */
    public StacSourceBuilder setMaxConsecutiveDiscoveryFailures(int maxFailures) {
        explicit.set(StacSourceOptions.MAX_CONSECUTIVE_FAILURES, maxFailures);
        return this;
    }

    /** {@link StacSourceOptions#MAX_PENDING_SPLITS}. */
    public StacSourceBuilder setMaxPendingSplits(int maxPendingSplits) {
        explicit.set(StacSourceOptions.MAX_PENDING_SPLITS, maxPendingSplits);
        return this;
    }

    /** Validates the settings and builds the source. */
    public StacSource build() {
        Configuration resolved = new Configuration(configuration);
        resolved.addAll(explicit);
        return new StacSource(search, request, startingPosition, bounded, DiscoverySettings.from(resolved));
    }
}
