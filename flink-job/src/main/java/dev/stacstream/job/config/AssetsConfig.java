package dev.stacstream.job.config;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The {@code assets.*} section: which bands of each item are read, at which overview level, and whether their
 * values are converted with {@code raster:bands} scale and offset.
 *
 * @param bands the bands to aggregate, each an asset key ({@code red}, {@code B04}) or an {@code eo:bands}
 *     common name; an item's asset key is matched first, then the common names of its assets
 * @param scaleOffset whether pixel values become {@code value * scale + offset} (from the item's
 *     {@code raster:bands}, per item) before aggregation; nodata is checked on the stored values first
 * @param level the overview level to read: 0 is full resolution, n the n-th overview of the COG
 */
public record AssetsConfig(List<String> bands, boolean scaleOffset, int level) implements Serializable {

    private static final long serialVersionUID = 1L;

    public AssetsConfig {
        bands = List.copyOf(Objects.requireNonNull(bands, "bands"));
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("at least one band is needed");
        }
        if (new HashSet<>(bands).size() != bands.size()) {
            throw new IllegalArgumentException("a band is listed twice in " + bands);
        }
        if (level < 0) {
            throw new IllegalArgumentException("the overview level must be >= 0, got " + level);
        }
    }
}
