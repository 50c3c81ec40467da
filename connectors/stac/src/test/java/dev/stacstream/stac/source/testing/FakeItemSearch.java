package dev.stacstream.stac.source.testing;

import dev.stacstream.stac.client.ItemSearch;
import dev.stacstream.stac.client.ItemSearchProvider;
import dev.stacstream.stac.client.SearchRequest;
import dev.stacstream.stac.client.SearchSummary;
import dev.stacstream.stac.model.StacItem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An in-memory STAC API for enumerator tests: it answers a search the way a server would (collections and
 * {@code datetime} filters, fixed-size pages), lets the test publish and re-publish items between rounds, and fail
 * the next searches on demand. It records every request it receives.
 */
public final class FakeItemSearch implements ItemSearch {

    /** Items per page. */
    private static final int PAGE_SIZE = 2;

    private final Map<String, StacItem> published = new LinkedHashMap<>();
    private final Deque<RuntimeException> scriptedFailures = new ArrayDeque<>();
    private final List<SearchRequest> requests = new ArrayList<>();
    private int created;
    private boolean closed;
    private boolean ignoresDatetime;

    /** Publishes items; an item with the collection and id of a published one replaces it (a re-publication). */
    public FakeItemSearch publish(StacItem... items) {
        for (StacItem item : items) {
            published.put(item.collection() + "/" + item.id(), item);
        }
        return this;
    }

    /** Makes each of the next {@code failures.length} searches throw the given exception, in order. */
    public void failNextSearches(RuntimeException... failures) {
        scriptedFailures.addAll(List.of(failures));
    }

    /** From now on, answers as a server that ignores the {@code datetime} parameter. */
    public void ignoreDatetimeFilter() {
        ignoresDatetime = true;
    }

    /** The requests received, in order. */
    public List<SearchRequest> requests() {
        return requests;
    }

    public SearchRequest lastRequest() {
        return requests.get(requests.size() - 1);
    }

    public int createdCount() {
        return created;
    }

    public boolean isClosed() {
        return closed;
    }

    /** A provider whose every {@code create()} returns this fake. */
    public ItemSearchProvider provider() {
        return new Provider(this);
    }

    @Override
    public SearchSummary search(SearchRequest request, Consumer<List<StacItem>> pageConsumer) {
        requests.add(request);
        RuntimeException failure = scriptedFailures.poll();
        if (failure != null) {
            throw failure;
        }
        if (request.matchesNothing()) {
            return SearchSummary.empty();
        }
        List<StacItem> matches = published.values().stream().filter(item -> matches(request, item)).toList();
        int pages = 0;
        for (int start = 0; start < matches.size(); start += PAGE_SIZE) {
            pageConsumer.accept(matches.subList(start, Math.min(start + PAGE_SIZE, matches.size())));
            pages++;
        }
        return new SearchSummary(pages, matches.size(), 0);
    }

    private boolean matches(SearchRequest request, StacItem item) {
        return (request.collections().isEmpty() || request.collections().contains(item.collection()))
                && (ignoresDatetime
                        || request.datetime().map(interval -> interval.contains(item.datetime())).orElse(true));
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Hands out the one fake; never serialized, because enumerator tests run without a cluster. */
    private static final class Provider implements ItemSearchProvider {

        private static final long serialVersionUID = 1L;

        private final transient FakeItemSearch search;

        private Provider(FakeItemSearch search) {
            this.search = search;
        }

        @Override
        public ItemSearch create() {
            search.created++;
            return search;
        }

        @Override
        public String toString() {
            return "FakeItemSearch(https://stac.example.test/v1)";
        }
    }
}
