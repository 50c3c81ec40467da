package dev.stacstream.job.plan;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What to read from each item.
 *
 * @param bands band names or asset keys to aggregate (resolved with {@code StacItem.assetForBand})
 * @param maskAsset the mask asset's band name or key (e.g. {@code scl}), or {@code null} for no mask
 * @param level the overview level of the bands (0 = full resolution)
 * @param maskHaloPixels extra mask pixels needed around each window (the dilation kernel's radius), 0 without dilation
 * @param scaleOffset whether {@code raster:bands} scale/offset are carried for the statistics
 * @param windows which work windows of an item to plan
 */
public record PlanOptions(List<String> bands, String maskAsset, int level, int maskHaloPixels, boolean scaleOffset,
        WindowSelection windows) implements Serializable {

    /** Options that plan every window of an item. */
    public PlanOptions(List<String> bands, String maskAsset, int level, int maskHaloPixels, boolean scaleOffset) {
        this(bands, maskAsset, level, maskHaloPixels, scaleOffset, WindowSelection.ALL);
    }

    public PlanOptions {
        Objects.requireNonNull(windows, "windows");
        bands = List.copyOf(bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("at least one band is needed");
        }
        if (level < 0 || maskHaloPixels < 0) {
            throw new IllegalArgumentException("level and mask halo must be >= 0");
        }
    }
}
