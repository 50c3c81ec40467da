package dev.stacstream.job.points;

import java.util.Objects;

/**
 * What a point's composites are kept per: the point, in one collection's tile, for one band. A point in the overlap
 * of two tiles gets a series per tile, as each tile is its own grid and processing.
 *
 * @param pointId the point's id in the input file
 * @param collection STAC collection id
 * @param tile the item's tile (MGRS, WRS-2 path/row; "unknown" without one)
 * @param band asset key of the band
 * @param lon the point's longitude (WGS 84), carried for the output geometry
 * @param lat the point's latitude (WGS 84)
 */
public record PointKey(String pointId, String collection, String tile, String band, double lon, double lat) {

    public PointKey {
        Objects.requireNonNull(pointId, "point id");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(tile, "tile");
        Objects.requireNonNull(band, "band");
    }
}
