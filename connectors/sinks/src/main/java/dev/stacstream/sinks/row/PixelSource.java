package dev.stacstream.sinks.row;

import java.time.Instant;
import java.util.Objects;

/**
 * The item a {@code pixels} row's values come from.
 *
 * @param itemId the STAC item id
 * @param tile its tile (MGRS, WRS-2 path/row), or {@code null} when unknown
 * @param datetime its datetime
 */
public record PixelSource(String itemId, String tile, Instant datetime) {

    public PixelSource {
        Objects.requireNonNull(itemId, "item id");
        Objects.requireNonNull(datetime, "datetime");
    }
}
