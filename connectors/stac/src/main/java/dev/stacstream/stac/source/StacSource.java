package dev.stacstream.stac.source;

import dev.stacstream.stac.client.ItemSearchProvider;
import dev.stacstream.stac.client.SearchRequest;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.source.config.DiscoverySettings;
import dev.stacstream.stac.source.config.StacStartingPosition;
import dev.stacstream.stac.source.enumerator.DiscoveryPosition;
import dev.stacstream.stac.source.enumerator.StacEnumeratorState;
import dev.stacstream.stac.source.enumerator.StacEnumeratorStateSerializer;
import dev.stacstream.stac.source.enumerator.StacSplitEnumerator;
import dev.stacstream.stac.source.reader.StacSourceReader;
import dev.stacstream.stac.source.split.StacItemSplit;
import dev.stacstream.stac.source.split.StacItemSplitSerializer;
import dev.stacstream.stac.source.typeutils.StacItemTypeInfo;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.time.Clock;
import java.util.Objects;

/**
 * A Flink source of the STAC items that a search matches, each emitted exactly once (also across failures and
 * savepoints), with the item {@code datetime} as event time.
 *
 * <pre>{@code
 * StacSource source = StacSource.builder()
 *         .setSearch(ItemSearchProvider.api("https://earth-search.aws.element84.com/v1", StorageOptions.defaults()))
 *         .setRequest(SearchRequest.builder().collections("sentinel-2-l2a").bbox(5.9, 45.8, 10.5, 47.8).build())
 *         .setStartingPosition(StacStartingPosition.fromDatetime(Instant.parse("2025-01-01T00:00:00Z")))
 *         .setPollInterval(Duration.ofMinutes(5))
 *         .setLookback(Duration.ofDays(3))
 *         .build();
 * env.fromSource(source, StacWatermarkStrategies.forItemDatetime(Duration.ofDays(3), Duration.ofMinutes(10)), "stac");
 * }</pre>
 *
 * <p>Bounded ({@code setBounded(true)}): one search pass, then end of input. Continuous (the default): a new
 * round every poll interval, searching from the cursor's high-water mark minus the look-back; see
 * {@link dev.stacstream.stac.source.config.StacSourceOptions} for the cursor and its limits, and
 * {@link StacSplitEnumerator} for the threads and failure handling.
 *
 * <p>This class is only a serializable description; enumerator and readers are created in
 * {@link #createEnumerator}/{@link #createReader} where they run.
 */
public final class StacSource
        implements Source<StacItem, StacItemSplit, StacEnumeratorState>, ResultTypeQueryable<StacItem> {

    private static final long serialVersionUID = 1L;

    private final ItemSearchProvider search;
    private final SearchRequest request;
    private final StacStartingPosition startingPosition;
    private final boolean bounded;
    private final DiscoverySettings settings;

    StacSource(
            ItemSearchProvider search,
            SearchRequest request,
            StacStartingPosition startingPosition,
            boolean bounded,
            DiscoverySettings settings) {
        this.search = Objects.requireNonNull(search,
                "StacSource needs an item search: call setSearch(ItemSearchProvider.api(..)) or"
                        + " setSearch(ItemSearchProvider.catalog(..))");
        this.request = Objects.requireNonNull(request,
                "StacSource needs a search request: call setRequest(SearchRequest.builder()...build())");
        this.startingPosition = Objects.requireNonNull(startingPosition, "setStartingPosition(null)");
        this.settings = Objects.requireNonNull(settings, "discovery settings");
        if (bounded && startingPosition.kind() == StacStartingPosition.Kind.LATEST) {
            throw new IllegalArgumentException("setStartingPosition(latest()) emits only items that appear after the"
                    + " job started, which a bounded source (setBounded(true)) never waits for; use earliest() or"
                    + " fromDatetime(..)");
        }
        this.bounded = bounded;
    }

    public static StacSourceBuilder builder() {
        return new StacSourceBuilder();
    }

    @Override
    public Boundedness getBoundedness() {
        return bounded ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<StacItem, StacItemSplit> createReader(SourceReaderContext readerContext) {
        return new StacSourceReader(readerContext);
    }

    @Override
    public SplitEnumerator<StacItemSplit, StacEnumeratorState> createEnumerator(
            SplitEnumeratorContext<StacItemSplit> enumContext) {
        return restoreEnumerator(enumContext, null);
    }

    /** @param checkpoint the restored state, or null to start from the starting position */
    @Override
    public SplitEnumerator<StacItemSplit, StacEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<StacItemSplit> enumContext, StacEnumeratorState checkpoint) {
        Clock clock = Clock.systemUTC();
        StacEnumeratorState state = checkpoint != null
                ? checkpoint
                : StacEnumeratorState.initial(DiscoveryPosition.initial(startingPosition, clock.instant()));
        return new StacSplitEnumerator(enumContext, search, request, settings, bounded, state, clock);
    }

    @Override
    public SimpleVersionedSerializer<StacItemSplit> getSplitSerializer() {
        return StacItemSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<StacEnumeratorState> getEnumeratorCheckpointSerializer() {
        return StacEnumeratorStateSerializer.INSTANCE;
    }

    @Override
    public TypeInformation<StacItem> getProducedType() {
        return StacItemTypeInfo.INSTANCE;
    }

    public ItemSearchProvider search() {
        return search;
    }

    public SearchRequest request() {
        return request;
    }

    public StacStartingPosition startingPosition() {
        return startingPosition;
    }

    public DiscoverySettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return String.format("StacSource{%s, %s, start %s, %s, %s}", search, request, startingPosition,
                bounded ? "bounded" : "continuous", settings);
    }
}
