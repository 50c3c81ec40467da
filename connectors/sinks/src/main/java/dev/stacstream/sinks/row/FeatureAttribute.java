package dev.stacstream.sinks.row;

import java.io.Serializable;
import java.util.Objects;

/**
 * One property of the input features (points, polygons), carried into every output row of the feature as a column
 * of its own.
 *
 * @param property the property's name in the input file
 * @param column the output column: for points the property name, or {@code input_<name>} when the name is one of
 *     the table's own columns; for polygons {@code aux_<name>}
 * @param type the column type, inferred from the values of every feature
 */
public record FeatureAttribute(String property, String column, Type type) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Column types, from the JSON values of the property over all features ({@code null}s aside). */
    public enum Type {
        /** Every value is {@code true} or {@code false}. */
        BOOLEAN,
        /** Every value is an integral number that fits a signed 64-bit integer. */
        INT64,
        /** Every value is a number. */
        DOUBLE,
        /** Strings, or values of mixed or structured types (written as their JSON text). */
        STRING
    }

    public FeatureAttribute {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(type, "type");
    }
}
