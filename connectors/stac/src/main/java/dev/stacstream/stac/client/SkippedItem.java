package dev.stacstream.stac.client;

import java.util.Optional;

/**
 * An item discovery dropped, and why: reported to the search's listener and logged, and counted in
 * {@link SearchSummary#skipped()}.
 *
 * @param location the page URL or item URI it came from
 * @param id the item's id, when it has one
 * @param reason why it was dropped, e.g. {@code "no assets"}
 */
public record SkippedItem(String location, Optional<String> id, String reason) {

    @Override
    public String toString() {
        return location + (id.isPresent() ? " item '" + id.get() + "'" : "") + ": " + reason;
    }
}
