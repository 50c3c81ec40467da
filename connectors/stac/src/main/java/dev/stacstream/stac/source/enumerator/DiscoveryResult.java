package dev.stacstream.stac.source.enumerator;

import dev.stacstream.stac.client.SearchSummary;
import dev.stacstream.stac.model.StacItem;

import java.time.Instant;
import java.util.List;

/**
 * What one discovery round on the worker thread hands back to the coordinator thread.
 *
 * @param from the position the round searched from; the result is applied only if it is still current
 * @param searched false if the round did not search (discovery paused or finished); then the rest is empty
 * @param startedAt wall-clock start of the search
 * @param items every item of every page, in server order
 * @param summary the client's page and skip counts
 */
record DiscoveryResult(
        DiscoveryPosition from, boolean searched, Instant startedAt, List<StacItem> items, SearchSummary summary) {

    static DiscoveryResult skipped(DiscoveryPosition from) {
        return new DiscoveryResult(from, false, null, List.of(), new SearchSummary(0, 0, 0));
    }

    static DiscoveryResult completed(
            DiscoveryPosition from, Instant startedAt, List<StacItem> items, SearchSummary summary) {
        return new DiscoveryResult(from, true, startedAt, items, summary);
    }
}
