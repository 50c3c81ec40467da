package dev.stacstream.stac.source.config;

/**
 * What continuous discovery does with a <em>re-published</em> item: one whose collection and id it has already
 * emitted, found again with a newer {@code properties.updated} (STAC publishers re-publish an item when they
 * reprocess it, fix its metadata or move its assets).
 *
 * <p>A re-publication is recognised only while the first copy is still in the source's recent-item window (see
 * {@link StacSourceOptions#LOOKBACK}); older items are outside the search range and are not seen again at all.
 * Items without {@code updated} (or {@code created}) cannot be told apart from duplicates and are never re-emitted.
 */
public enum RepublishPolicy {

    /** Emit each item once; later versions are only counted ({@code itemsRepublished} metric). */
    SKIP,

    /** Emit each newer version again, as a new split; downstream sees the same id more than once. */
    REEMIT
}
