package dev.stacstream.stac.client;

import dev.stacstream.stac.model.StacItem;
import java.util.List;
import java.util.function.Consumer;

/**
 * One way to find STAC items: a STAC API's {@code /search}, or a walk of a static catalog. The narrow seam between
 * discovery and the Flink source (tests plug in fakes here).
 *
 * <p>Not thread-safe: one search at a time per instance. Implementations hold connections; close them.
 */
public interface ItemSearch extends AutoCloseable {

    /**
     * One full pass: calls {@code pageConsumer} for every page, in server order, following every next link; returns
     * a summary. Stops after a page without a next link, an empty page, or {@link SearchRequest#maxItems()} items.
     * Items that cannot be used are skipped with a reason (logged and counted), never handed on.
     *
     * @throws StacException when the search cannot be completed (after bounded retries for transient failures);
     *     pages already handed to the consumer stay handed
     */
    SearchSummary search(SearchRequest request, Consumer<List<StacItem>> pageConsumer);

    @Override
    void close();
}
