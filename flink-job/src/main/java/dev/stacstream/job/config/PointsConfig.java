package dev.stacstream.job.config;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code extract.*} section: point extraction. For every input point, band and period, the valid observations
 * of the point's pixel are reduced to one composite value, and a period without any is filled in by interpolating
 * in time between its neighbours (the openEO GFMap recipe of seed 004: masked observations, monthly median
 * composites, linear interpolation of the gaps).
 *
 * @param points the GeoJSON FeatureCollection of points (WGS 84)
 * @param idProperty the property holding each point's id, or {@code null} for the features' own {@code id}
 * @param period the time bucket of the composites
 * @param composite how a period's valid observations reduce to one value
 * @param interpolation how a period without valid observations gets a value
 * @param allowedLateness how long after the watermark passes a period's end it still accepts observations
 */
public record PointsConfig(URI points, String idProperty, Period period, Composite composite,
        Interpolation interpolation, Duration allowedLateness) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PointsConfig {
        Objects.requireNonNull(points, "points");
        if (idProperty != null && idProperty.isBlank()) {
            throw new IllegalArgumentException("the point id property name is blank");
        }
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(composite, "composite");
        Objects.requireNonNull(interpolation, "interpolation");
        Objects.requireNonNull(allowedLateness, "allowed lateness");
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException("the allowed lateness must not be negative, got " + allowedLateness);
        }
    }

    /** How the valid observations of a period reduce to its value. */
    public enum Composite {
        /** The median; for an even count the mean of the two middle values (as numpy and openEO's median). */
        MEDIAN,
        /** The arithmetic mean. */
        MEAN;

        public String yamlName() {
            return YamlNames.of(this);
        }

        public static Optional<Composite> fromYamlName(String name) {
            return YamlNames.lookup(Composite.class, name);
        }
    }

    /** How a period without valid observations gets a value. */
    public enum Interpolation {
        /**
         * Linear in time between the nearest earlier and later periods that have a composite, weighted by the
         * periods' start instants; periods before the first or after the last composite stay without a value.
         */
        LINEAR,
        /** No value: the row has a NULL value. */
        NONE;

        public String yamlName() {
            return YamlNames.of(this);
        }

        public static Optional<Interpolation> fromYamlName(String name) {
            return YamlNames.lookup(Interpolation.class, name);
        }
    }
}
