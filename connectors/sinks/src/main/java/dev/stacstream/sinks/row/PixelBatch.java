package dev.stacstream.sinks.row;

import static org.apache.flink.util.Preconditions.checkArgument;
import static org.apache.flink.util.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.List;

/**
 * The pixels of one input polygon that leave together: one {@code pixels} row each, written whole into one part
 * file, so they never straddle two files. They come from one item, or (one row per pixel and day) from the items of
 * one day, each pixel naming its own.
 *
 * @param polygonId the polygon's id in the input file
 * @param collection STAC collection id
 * @param crs the pixels' CRS, {@code AUTHORITY:CODE}
 * @param sources the items the pixels come from (at least one; all of one UTC day)
 * @param source per pixel, its item's index in {@code sources}
 * @param pixelIds per pixel, its stable index on its CRS's pixel lattice
 * @param xs per pixel, the easting of its centre
 * @param ys per pixel, the northing of its centre
 * @param bands per band (in the pipeline's order), per pixel, the value after scale/offset, or {@code NaN} when the
 *     mask or nodata made it invalid
 */
public record PixelBatch(String polygonId, String collection, String crs, List<PixelSource> sources, int[] source,
        long[] pixelIds, double[] xs, double[] ys, double[][] bands) {

    public PixelBatch {
        checkNotNull(polygonId, "polygon id is null");
        checkNotNull(collection, "collection is null");
        checkNotNull(crs, "crs is null");
        sources = List.copyOf(sources);
        checkArgument(!sources.isEmpty(), "polygon %s: pixels from no item", polygonId);
        int n = pixelIds.length;
        checkArgument(xs.length == n && ys.length == n && source.length == n, "polygon %s: %s pixel ids, %s x, %s y,"
                + " %s sources", polygonId, n, xs.length, ys.length, source.length);
        for (int s : source) {
            checkArgument(s >= 0 && s < sources.size(), "polygon %s: source %s of %s", polygonId, s, sources.size());
        }
        for (double[] band : bands) {
            checkArgument(band.length == n, "polygon %s: a band of %s values for %s pixels", polygonId, band.length, n);
        }
    }

    /** Pixels of one item. */
    public static PixelBatch of(String polygonId, String collection, String crs, PixelSource item, long[] pixelIds,
            double[] xs, double[] ys, double[][] bands) {
        return new PixelBatch(polygonId, collection, crs, List.of(item), new int[pixelIds.length], pixelIds, xs, ys, bands);
    }

    public int size() {
        return pixelIds.length;
    }

    /** The item of pixel {@code i}. */
    public PixelSource sourceOf(int i) {
        return sources.get(source[i]);
    }

    @Override
    public String toString() {
        return "PixelBatch{" + polygonId + ", " + pixelIds.length + " pixels from " + sources + ", ids "
                + Arrays.toString(Arrays.copyOf(pixelIds, Math.min(4, pixelIds.length))) + "...}";
    }
}
