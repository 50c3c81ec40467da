package dev.stacstream.stac.catalog;

import dev.stacstream.stac.client.ItemAcceptance;
import dev.stacstream.stac.client.ItemSearch;
import dev.stacstream.stac.client.SearchRequest;
import dev.stacstream.stac.client.SearchSummary;
import dev.stacstream.stac.client.SkippedItem;
import dev.stacstream.stac.client.StacDocumentException;
import dev.stacstream.stac.client.StacIoException;
import dev.stacstream.stac.client.StacUnsupportedException;
import dev.stacstream.stac.model.Hrefs;
import dev.stacstream.stac.model.Link;
import dev.stacstream.stac.model.StacCatalog;
import dev.stacstream.stac.model.StacFormatException;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.model.StacJson;
import dev.stacstream.storage.StorageOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the items of a static STAC catalog by walking it: from the root {@code catalog.json} (or a collection),
 * depth-first through {@code child} links, reading every {@code item} link, with relative hrefs resolved against
 * the document that holds them. Works on local disk, HTTP(S) and S3 through the storage module.
 *
 * <p>A static catalog has no server-side search, so the request's {@code collections}, {@code ids}, {@code bbox}
 * and {@code datetime} are applied {@linkplain LocalFilter locally}; {@code intersects}, {@code query},
 * {@code filter}, {@code sortby} and {@code fields} need a server and are refused with a
 * {@link StacUnsupportedException}. Items are delivered in batches of {@link SearchRequest#limit()} (default
 * {@value #DEFAULT_BATCH_ITEMS}), each batch's documents read concurrently, in catalog order.
 *
 * <p>Errors: a catalog or collection that cannot be read or parsed fails the search (naming its URI; retryable if
 * the storage failure was). An item document that is missing, unreadable for a non-transient reason, malformed, or
 * unusable (no geometry, no assets) is {@linkplain SkippedItem skipped} with the reason. Each item's {@code self}
 * link is set to where it was read, so its relative asset hrefs resolve.
 *
 * <p>Not thread-safe; one search at a time. Close it to release the storage clients.
 */
public final class CatalogWalker implements ItemSearch {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogWalker.class);

    /** Items per delivered batch when the request sets no {@code limit}. */
    public static final int DEFAULT_BATCH_ITEMS = 100;

    private final String rootLocation;
    private final DocumentReader reader;
    private final Consumer<SkippedItem> skipListener;

    private CatalogWalker(String catalogUri, StorageOptions options, Consumer<SkippedItem> skipListener) {
        this.rootLocation = Hrefs.locationOf(Objects.requireNonNull(catalogUri, "catalogUri"));
        this.reader = new DocumentReader(Objects.requireNonNull(options, "options"));
        this.skipListener = Objects.requireNonNull(skipListener, "skipListener");
    }

    /**
     * A walker of the catalog at {@code catalogUri} (local path, {@code file:}, {@code http(s):}, {@code s3:}) that
     * logs skipped items as warnings.
     */
    public static CatalogWalker open(String catalogUri, StorageOptions options) {
        return new CatalogWalker(catalogUri, options, SkippedItem::log);
    }

    /** As {@link #open(String, StorageOptions)}, reporting every skipped item to {@code skipListener} instead. */
    public static CatalogWalker open(String catalogUri, StorageOptions options, Consumer<SkippedItem> skipListener) {
        return new CatalogWalker(catalogUri, options, skipListener);
    }

    /** The root document's location (a local path becomes a {@code file:} URI). */
    public String rootLocation() {
        return rootLocation;
    }

    @Override
    public SearchSummary search(SearchRequest request, Consumer<List<StacItem>> pageConsumer) {
        refuseServerSideParameters(request);
        if (request.matchesNothing()) {
            return SearchSummary.empty();
        }
        Walk walk = new Walk(request, pageConsumer);
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(new Node(rootLocation, null));
        while (!pending.isEmpty() && !walk.full()) {
            Node node = pending.pop();
            if (!walk.visited.add(node.location)) {
                continue; // a catalog linked twice, or a cycle
            }
            StacCatalog catalog = readCatalog(node.location);
            String collection = catalog.isCollection() ? catalog.id() : node.enclosingCollection;
            if (collection == null || walk.filter.admitsCollection(collection)) {
                walk.items(node.location, collection, catalog.itemLinks());
            }
            List<Link> children = catalog.childLinks();
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(new Node(resolve(node.location, children.get(i)), collection));
            }
        }
        SearchSummary summary = walk.summary();
        LOG.debug("Walk of {} done: {} documents visited, {}", rootLocation, walk.visited.size(), summary);
        return summary;
    }

    private StacCatalog readCatalog(String location) {
        byte[] bytes = reader.read(location);
        try {
            return StacCatalog.fromNode(StacJson.parse(bytes, location), location);
        } catch (StacFormatException e) {
            throw new StacDocumentException(location, e);
        }
    }

    private static String resolve(String base, Link link) {
        try {
            return link.resolvedHref(base);
        } catch (StacFormatException e) {
            throw new StacDocumentException(base, e);
        }
    }

    private void refuseServerSideParameters(SearchRequest request) {
        List<String> unsupported = new ArrayList<>();
        request.intersects().ifPresent(x -> unsupported.add("intersects"));
        request.query().ifPresent(x -> unsupported.add("query"));
        request.filter().ifPresent(x -> unsupported.add("filter"));
        if (!request.sortby().isEmpty()) {
            unsupported.add("sortby");
        }
        if (!request.fields().isEmpty()) {
            unsupported.add("fields");
        }
        if (!unsupported.isEmpty()) {
            throw new StacUnsupportedException(rootLocation, "a static catalog has no server-side search: "
                    + String.join(", ", unsupported) + " cannot be used (supported: collections, ids, bbox, "
                    + "datetime, limit, max-items)");
        }
    }

    @Override
    public void close() {
        reader.close();
    }

    @Override
    public String toString() {
        return "CatalogWalker{" + rootLocation + "}";
    }

    /** A catalog or collection still to visit, and the collection it sits in. */
    private record Node(String location, String enclosingCollection) {}

    /** The state of one search pass. */
    private final class Walk {
        final LocalFilter filter;
        final Consumer<List<StacItem>> pageConsumer;
        final int batchSize;
        final long maxItems;
        final Set<String> visited = new HashSet<>();
        int pages;
        long items;
        long skipped;

        Walk(SearchRequest request, Consumer<List<StacItem>> pageConsumer) {
            this.filter = new LocalFilter(request);
            this.pageConsumer = pageConsumer;
            this.batchSize = request.limit().orElse(DEFAULT_BATCH_ITEMS);
            this.maxItems = request.maxItems().orElse(Long.MAX_VALUE);
        }

        boolean full() {
            return items >= maxItems;
        }

        /** Reads the item links of one catalog in batches and hands on the matching items. */
        void items(String catalogLocation, String collection, List<Link> links) {
            List<String> locations = new ArrayList<>(links.size());
            for (Link link : links) {
                String location = resolve(catalogLocation, link);
                if (visited.add(location)) {
                    locations.add(location);
                }
            }
            for (int from = 0; from < locations.size() && !full(); from += batchSize) {
                List<String> batch = locations.subList(from, Math.min(locations.size(), from + batchSize));
                List<CompletableFuture<byte[]>> reads = batch.stream().map(reader::readAsync).toList();
                List<StacItem> matched = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    item(batch.get(i), reads.get(i), collection).ifPresent(matched::add);
                }
                List<StacItem> handed = matched.size() > maxItems - items
                        ? matched.subList(0, (int) (maxItems - items)) : matched;
                if (!handed.isEmpty()) {
                    pageConsumer.accept(List.copyOf(handed));
                    pages++;
                    items += handed.size();
                }
            }
        }

        /** One item: read, parsed and checked; empty when skipped or filtered out. */
        private Optional<StacItem> item(String location, CompletableFuture<byte[]> read, String collection) {
            byte[] bytes;
            try {
                bytes = read.join();
            } catch (RuntimeException e) {
                StacIoException failure = DocumentReader.translate(location, e);
                if (failure.isRetryable()) {
                    throw failure; // transient: the whole pass is worth retrying later
                }
                return skip(location, Optional.empty(), "cannot read the item: " + failure.detail());
            }
            StacItem item;
            try {
                item = StacItem.fromNode(StacJson.parse(bytes, location), location).withSelfHref(location);
            } catch (StacFormatException e) {
                return skip(location, Optional.empty(), e.problem());
            }
            Optional<String> rejection = ItemAcceptance.rejection(item);
            if (rejection.isPresent()) {
                return skip(location, Optional.of(item.id()), rejection.get());
            }
            return filter.matches(item, collection) ? Optional.of(item) : Optional.empty();
        }

        private Optional<StacItem> skip(String location, Optional<String> id, String reason) {
            skipListener.accept(new SkippedItem(location, id, reason));
            skipped++;
            return Optional.empty();
        }

        SearchSummary summary() {
            return new SearchSummary(pages, items, skipped);
        }
    }
}
