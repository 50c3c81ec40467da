package dev.stacstream.job.config;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Which items a search keeps by footprint: all of them, those intersecting a bounding box
 * ({@code source.bbox}), or those intersecting a GeoJSON geometry ({@code source.intersects}). Coordinates are
 * WGS 84 longitude/latitude degrees, as in the STAC API.
 */
public sealed interface SpatialFilter extends Serializable {

    /** No spatial constraint. */
    static SpatialFilter anywhere() {
        return new Anywhere();
    }

    /** No spatial constraint: every item the other filters keep. */
    record Anywhere() implements SpatialFilter {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A bounding box {@code [west, south, east, north]} in degrees. {@code west > east} is allowed and means the
     * box crosses the antimeridian (STAC API semantics); {@code south <= north} always.
     */
    record Bbox(double west, double south, double east, double north) implements SpatialFilter {
        private static final long serialVersionUID = 1L;
        private static final double MAX_LONGITUDE_DEG = 180.0;
        private static final double MAX_LATITUDE_DEG = 90.0;

        public Bbox {
            requireInRange("west", west, MAX_LONGITUDE_DEG);
            requireInRange("south", south, MAX_LATITUDE_DEG);
            requireInRange("east", east, MAX_LONGITUDE_DEG);
            requireInRange("north", north, MAX_LATITUDE_DEG);
            if (south > north) {
                throw new IllegalArgumentException("south " + south + " is greater than north " + north);
            }
        }

        /** Whether the box wraps around longitude ±180 (its west edge is east of its east edge). */
        public boolean crossesAntimeridian() {
            return west > east;
        }

        /** {@code [west, south, east, north]}, the order of a STAC {@code bbox}. */
        public List<Double> toList() {
            return List.of(west, south, east, north);
        }

        private static void requireInRange(String name, double value, double limit) {
            if (!(value >= -limit && value <= limit)) {
                throw new IllegalArgumentException(name + " must be between " + -limit + " and " + limit
                        + " degrees, got " + value);
            }
        }
    }

    /**
     * A GeoJSON geometry, kept as its JSON text (compact, member order as written) so that it can be sent to a
     * STAC API's {@code intersects} unchanged. The loader checks its structure.
     */
    record Intersects(String geometryJson) implements SpatialFilter {
        private static final long serialVersionUID = 1L;

        public Intersects {
            Objects.requireNonNull(geometryJson, "geometry JSON");
            if (geometryJson.isBlank()) {
                throw new IllegalArgumentException("the geometry is empty");
            }
        }
    }
}
