package dev.stacstream.stac.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Asset-key conventions for items whose assets do not describe their bands: Earth Search v0 Sentinel-2 items have
 * keys {@code B01..B12}/{@code SCL} and no {@code eo:bands}, Earth Search v1 has the common names ({@code red},
 * {@code nir08}, {@code scl}). This table maps each Sentinel-2 band id to the common-name key and back, so that
 * {@code red} finds {@code B04} and {@code B04} finds {@code red}.
 *
 * <p>Only applied to Sentinel-2 items: other missions reuse names like {@code B4} with other meanings.
 */
final class BandAliases {

    /** Sentinel-2 MSI band ids (ESA) and the asset keys Earth Search v1 uses for them. */
    private static final Map<String, String> SENTINEL2 = Map.ofEntries(
            Map.entry("B01", "coastal"),
            Map.entry("B02", "blue"),
            Map.entry("B03", "green"),
            Map.entry("B04", "red"),
            Map.entry("B05", "rededge1"),
            Map.entry("B06", "rededge2"),
            Map.entry("B07", "rededge3"),
            Map.entry("B08", "nir"),
            Map.entry("B8A", "nir08"),
            Map.entry("B09", "nir09"),
            Map.entry("B10", "cirrus"),
            Map.entry("B11", "swir16"),
            Map.entry("B12", "swir22"),
            Map.entry("SCL", "scl"),
            Map.entry("AOT", "aot"),
            Map.entry("WVP", "wvp"),
            Map.entry("TCI", "visual"));

    private static final List<String> SENTINEL2_MARKERS = List.of("sentinel-2", "sentinel2", "sentinel-s2");

    private BandAliases() {}

    /** The other conventional key for {@code name} on a Sentinel-2 item ({@code red} -> {@code B04}), if any. */
    static Optional<String> sentinel2Alias(String name) {
        for (Map.Entry<String, String> e : SENTINEL2.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e.getValue());
            }
            if (e.getValue().equalsIgnoreCase(name)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the item is a Sentinel-2 product, judged from {@code constellation}/{@code platform}
     * ({@code sentinel-2}, {@code Sentinel 2}, {@code Sentinel-2B}) or the collection id.
     */
    static boolean isSentinel2(StacItem item) {
        return Optional.ofNullable(item.collection()).filter(BandAliases::mentionsSentinel2).isPresent()
                || item.propertyText("constellation").filter(BandAliases::mentionsSentinel2).isPresent()
                || item.propertyText("platform").filter(BandAliases::mentionsSentinel2).isPresent();
    }

    private static boolean mentionsSentinel2(String value) {
        String normalized = value.toLowerCase(Locale.ROOT).replace(' ', '-');
        return SENTINEL2_MARKERS.stream().anyMatch(normalized::contains);
    }
}
