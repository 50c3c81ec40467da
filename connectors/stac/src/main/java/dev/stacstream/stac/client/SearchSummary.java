package dev.stacstream.stac.client;

/**
 * What one search pass did.
 *
 * @param pages pages fetched (API) or item batches delivered (static catalog)
 * @param items items handed to the page consumer
 * @param skipped items dropped with a reason (no id, bad datetime, no geometry, no assets, ...), each logged
 */
public record SearchSummary(int pages, long items, long skipped) {

    /** A pass that fetched nothing (e.g. a request that cannot match anything). */
    public static SearchSummary empty() {
        return new SearchSummary(0, 0, 0);
    }
}
