package dev.stacstream.job.config;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Polygon pixel extraction ({@code extract.polygons}, seed 000): every pixel whose centre lies in an input polygon,
 * one row per pixel and day (or item) with the bands as columns and the polygon's properties as {@code aux_}
 * columns.
 *
 * @param polygons the GeoJSON FeatureCollection of Polygon and MultiPolygon features (WGS 84)
 * @param idProperty the property holding each polygon's id, or {@code null} for the features' own {@code id}
 * @param by what a row is per: a pixel and item, or a pixel and day (overlapping tiles of a day give one row)
 * @param fileMebibytes the size at which a {@code pixels} part file is rolled (between polygons, never inside one);
 *     the size counts the row groups written, of up to 32 MiB each, so smaller targets roll at about 32 MiB
 * @param allowedLateness how long after an item's datetime (by item) or a day's end (by day) a polygon waits for
 *     its last windows
 */
public record PolygonsConfig(URI polygons, String idProperty, PixelsBy by, int fileMebibytes, Duration allowedLateness)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public PolygonsConfig {
        Objects.requireNonNull(polygons, "polygons");
        Objects.requireNonNull(by, "by");
        if (idProperty != null && idProperty.isBlank()) {
            throw new IllegalArgumentException("the polygon id property name is blank");
        }
        if (fileMebibytes < 1) {
            throw new IllegalArgumentException("the pixels file size must be at least 1 MiB, got " + fileMebibytes);
        }
        Objects.requireNonNull(allowedLateness, "allowed lateness");
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException("the allowed lateness must not be negative, got " + allowedLateness);
        }
    }

    /** What a {@code pixels} row is per ({@code extract.pixels-by}). */
    public enum PixelsBy {
        /** A pixel and item: where tiles overlap, a pixel has a row per tile. */
        ITEM,
        /** A pixel and UTC day: one row from the day's items, a valid observation first. */
        DAY;

        public String yamlName() {
            return YamlNames.of(this);
        }

        public static Optional<PixelsBy> fromYamlName(String name) {
            return YamlNames.lookup(PixelsBy.class, name);
        }
    }

    /** The part file size target in bytes. */
    public long fileBytes() {
        return (long) fileMebibytes << 20;
    }
}
