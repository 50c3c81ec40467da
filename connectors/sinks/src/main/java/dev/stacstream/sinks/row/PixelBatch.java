package dev.stacstream.sinks.row;

import static org.apache.flink.util.Preconditions.checkArgument;
import static org.apache.flink.util.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * The pixels of one input polygon in one item: one {@code pixels} row each. A batch is written whole into one part
 * file, so a polygon's pixels of an item never straddle two files.
 *
 * @param polygonId the polygon's id in the input file
 * @param itemId the STAC item the pixels come from
 * @param collection STAC collection id
 * @param tile the item's tile (MGRS, WRS-2 path/row), or {@code null} when unknown
 * @param datetime the item's datetime
 * @param crs the pixels' CRS, {@code AUTHORITY:CODE}
 * @param pixelIds per pixel, its stable index on its CRS's pixel lattice
 * @param xs per pixel, the easting of its centre
 * @param ys per pixel, the northing of its centre
 * @param bands per band (in the pipeline's order), per pixel, the value after scale/offset, or {@code NaN} when the
 *     mask or nodata made it invalid
 */
public record PixelBatch(String polygonId, String itemId, String collection, String tile, Instant datetime, String crs,
        long[] pixelIds, double[] xs, double[] ys, double[][] bands) {

    public PixelBatch {
        checkNotNull(polygonId, "polygon id is null");
        checkNotNull(itemId, "item id is null");
        checkNotNull(collection, "collection is null");
        checkNotNull(datetime, "datetime is null");
        checkNotNull(crs, "crs is null");
        checkArgument(xs.length == pixelIds.length && ys.length == pixelIds.length, "polygon %s: %s pixel ids, %s x, %s"
                + " y", polygonId, pixelIds.length, xs.length, ys.length);
        for (double[] band : bands) {
            checkArgument(band.length == pixelIds.length, "polygon %s: a band of %s values for %s pixels", polygonId,
                    band.length, pixelIds.length);
        }
    }

    public int size() {
        return pixelIds.length;
    }
}
