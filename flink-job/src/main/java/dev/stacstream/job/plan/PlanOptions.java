package dev.stacstream.job.plan;

import java.io.Serializable;
import java.util.List;

/**
 * What to read from each item.
 *
 * @param bands band names or asset keys to aggregate (resolved with {@code StacItem.assetForBand})
 * @param maskAsset the mask asset's band name or key (e.g. {@code scl}), or {@code null} for no mask
 * @param level the overview level of the bands (0 = full resolution)
 * @param maskHaloPixels extra mask pixels needed around each window (the dilation kernel's radius), 0 without dilation
 * @param scaleOffset whether {@code raster:bands} scale/offset are carried for the statistics
 */
public record PlanOptions(List<String> bands, String maskAsset, int level, int maskHaloPixels, boolean scaleOffset)
        implements Serializable {

    public PlanOptions {
        bands = List.copyOf(bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("at least one band is needed");
        }
        if (level < 0 || maskHaloPixels < 0) {
            throw new IllegalArgumentException("level and mask halo must be >= 0");
        }
    }
}
