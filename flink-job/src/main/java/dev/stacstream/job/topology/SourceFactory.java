package dev.stacstream.job.topology;

import dev.stacstream.job.config.SourceConfig;
import dev.stacstream.job.config.SpatialFilter;
import dev.stacstream.job.config.StacEndpoint;
import dev.stacstream.stac.client.ItemSearchProvider;
import dev.stacstream.stac.client.SearchRequest;
import dev.stacstream.stac.source.StacSource;
import dev.stacstream.stac.source.config.StacStartingPosition;
import dev.stacstream.storage.StorageOptions;

/** Builds the {@link StacSource} from the pipeline file's {@code source.*} section. */
final class SourceFactory {

    private SourceFactory() {}

    static StacSource source(SourceConfig source, StorageOptions storage) {
        String uri = source.endpoint().uri().toString();
        ItemSearchProvider search = source.endpoint() instanceof StacEndpoint.Api
                ? ItemSearchProvider.api(uri, storage)
                : ItemSearchProvider.catalog(uri, storage);
        return StacSource.builder()
                .setSearch(search)
                .setRequest(request(source))
                .setStartingPosition(StacStartingPosition.earliest())
                .setBounded(source.bounded())
                .setPollInterval(source.pollInterval())
                .setLookback(source.lookback())
                .build();
    }

    static SearchRequest request(SourceConfig source) {
        SearchRequest.Builder b = SearchRequest.builder();
        if (!source.collections().isEmpty()) {
            b.collections(source.collections());
        }
        SpatialFilter spatial = source.spatialFilter();
        if (spatial instanceof SpatialFilter.Bbox box) {
            b.bbox(box.west(), box.south(), box.east(), box.north());
        } else if (spatial instanceof SpatialFilter.Intersects geometry) {
            b.intersects(geometry.geometryJson());
        }
        if (!source.datetime().isUnbounded()) {
            String start = source.datetime().start().map(Object::toString).orElse("..");
            String end = source.datetime().end().map(Object::toString).orElse("..");
            b.datetime(start + "/" + end);
        }
        source.queryJson().ifPresent(b::query);
        source.filterJson().ifPresent(b::filter);
        return b.build();
    }
}
