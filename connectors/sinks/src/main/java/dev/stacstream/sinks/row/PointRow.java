package dev.stacstream.sinks.row;

import static org.apache.flink.util.Preconditions.checkArgument;
import static org.apache.flink.util.Preconditions.checkNotNull;

/**
 * One row of the {@code points} table: the composite of one band at one input point over one period, as seen in
 * one collection and tile.
 *
 * @param pointId the point's id in the input file
 * @param collection STAC collection id
 * @param tile the tile (MGRS, WRS-2 path/row) the values come from, or {@code null} when unknown
 * @param period the time bucket
 * @param band asset key of the band
 * @param value the composite of the valid observations, or the value interpolated between the neighbouring
 *     periods; {@code NaN} when there is neither
 * @param countValid valid observations that went into the composite (0 for an interpolated or empty period)
 * @param interpolated whether {@code value} was interpolated because the period had no valid observation
 * @param lon the point's longitude, WGS 84 degrees
 * @param lat the point's latitude, WGS 84 degrees
 */
public record PointRow(String pointId, String collection, String tile, OutputPeriod period, String band, double value,
        int countValid, boolean interpolated, double lon, double lat) {

    public PointRow {
        checkNotNull(pointId, "point id is null");
        RowChecks.checkLabels(collection, tile, period, band);
        checkArgument(countValid >= 0, "count_valid of point %s is negative: %s", pointId, countValid);
        checkArgument(!interpolated || countValid == 0, "point %s: an interpolated value has no valid observation,"
                + " got count_valid %s", pointId, countValid);
        checkArgument(!interpolated || !Double.isNaN(value), "point %s: an interpolated row needs its value", pointId);
    }
}
