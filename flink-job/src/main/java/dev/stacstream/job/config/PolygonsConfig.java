package dev.stacstream.job.config;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Polygon pixel extraction ({@code extract.polygons}, seed 000): every pixel whose centre lies in an input polygon,
 * one row per pixel and item with the bands as columns and the polygon's properties as {@code aux_} columns.
 *
 * @param polygons the GeoJSON FeatureCollection of Polygon and MultiPolygon features (WGS 84)
 * @param idProperty the property holding each polygon's id, or {@code null} for the features' own {@code id}
 * @param fileMebibytes the size at which a {@code pixels} part file is rolled (between polygons, never inside one)
 * @param allowedLateness how long after an item's datetime a polygon waits for its last windows
 */
public record PolygonsConfig(URI polygons, String idProperty, int fileMebibytes, Duration allowedLateness)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public PolygonsConfig {
        Objects.requireNonNull(polygons, "polygons");
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

    /** The part file size target in bytes. */
    public long fileBytes() {
        return (long) fileMebibytes << 20;
    }
}
