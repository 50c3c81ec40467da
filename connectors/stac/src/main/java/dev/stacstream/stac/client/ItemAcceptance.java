package dev.stacstream.stac.client;

import dev.stacstream.stac.model.StacItem;
import java.util.Optional;

/**
 * Which valid STAC items discovery hands on. STAC allows an item with {@code "geometry": null} and an empty
 * {@code assets} object, but the pipeline can neither place the first nor read the second, so both are skipped
 * with a reason instead of failing later in the job.
 */
public final class ItemAcceptance {

    private ItemAcceptance() {}

    /** Why {@code item} is skipped, or empty when it is usable. */
    public static Optional<String> rejection(StacItem item) {
        if (!item.hasGeometry()) {
            return Optional.of("no geometry (geometry is null or missing)");
        }
        if (item.assets().isEmpty()) {
            return Optional.of("no assets");
        }
        return Optional.empty();
    }
}
