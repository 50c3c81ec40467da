package dev.stacstream.stac.source.testing;

import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.testing.LoopbackServer;

import java.util.Arrays;

/**
 * A STAC API on loopback whose item set grows while a job runs: landing page, {@code POST} and {@code GET}
 * {@code /search} with the {@code collections}, {@code datetime} (instants and intervals with open ends) and
 * {@code limit} parameters, sorted by datetime, with Earth Search's token pagination (see {@link SearchHandler}).
 * Tests publish and re-publish items at any time, and can make the next searches fail.
 */
public final class LoopbackStacApi extends LoopbackServer {

    private final SearchHandler handler;

    public LoopbackStacApi() {
        this(new SearchHandler());
    }

    private LoopbackStacApi(SearchHandler handler) {
        super(handler);
        this.handler = handler;
    }

    /** The API root (landing page) URL. */
    public String url() {
        return origin();
    }

    /** Publishes items; one with the collection and id of a served item replaces it (a re-publication). */
    public void publish(StacItem... published) {
        handler.items().publish(Arrays.asList(published));
    }

    /** Answers the next {@code count} new searches with {@code 503 Service Unavailable}. */
    public void failNextSearches(int count) {
        handler.failNextSearches(count);
    }

    /** Searches answered with a first page (failed ones not included). */
    public int searches() {
        return handler.searches();
    }

    /** Pages served, first pages included. */
    public int pages() {
        return handler.pages();
    }
}
