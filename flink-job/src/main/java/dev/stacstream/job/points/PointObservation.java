package dev.stacstream.job.points;

import java.time.Instant;
import java.util.Objects;

/**
 * One band's pixel at one input point in one item: the decode stage's output for point extraction.
 *
 * @param key the point, collection, tile and band the observation belongs to
 * @param itemId the STAC item observed
 * @param datetime the item's datetime (the observation's event time)
 * @param value the pixel's value in band units (after scale/offset), or {@code NaN} when the mask, nodata or a NaN
 *     sample made it invalid
 */
public record PointObservation(PointKey key, String itemId, Instant datetime, double value) {

    public PointObservation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(itemId, "item id");
        Objects.requireNonNull(datetime, "datetime");
    }
}
