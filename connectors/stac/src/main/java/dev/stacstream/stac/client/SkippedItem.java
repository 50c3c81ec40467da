package dev.stacstream.stac.client;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An item discovery dropped, and why: reported to the search's listener (by default {@link #log}) and counted in
 * {@link SearchSummary#skipped()}.
 *
 * @param location the page URL or item URI it came from
 * @param id the item's id, when it has one
 * @param reason why it was dropped, e.g. {@code "no assets"}
 */
public record SkippedItem(String location, Optional<String> id, String reason) {

    private static final Logger LOG = LoggerFactory.getLogger(SkippedItem.class);

    /** The default listener: a warning in the log. */
    public static void log(SkippedItem skipped) {
        LOG.warn("Skipping {}", skipped);
    }

    @Override
    public String toString() {
        return location + (id.isPresent() ? " item '" + id.get() + "'" : "") + ": " + reason;
    }
}
