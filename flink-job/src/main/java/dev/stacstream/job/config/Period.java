package dev.stacstream.job.config;

import java.util.Optional;

/**
 * The time bucket of {@code aggregate.period}, by item datetime in UTC: one row set per item, per calendar day
 * or per calendar month. A period closes when the event-time watermark passes its end plus the allowed lateness.
 */
public enum Period {
    /** Every item is its own period (no merging across items). */
    ITEM,
    /** The UTC calendar day of the item datetime; items of one day (e.g. overlapping tiles) merge. */
    DAY,
    /** The UTC calendar month of the item datetime. */
    MONTH;

    /** The name in a pipeline file: {@code item}, {@code day} or {@code month}. */
    public String yamlName() {
        return YamlNames.of(this);
    }

    /** The period named {@code name} in a pipeline file (lower case). */
    public static Optional<Period> fromYamlName(String name) {
        return YamlNames.lookup(Period.class, name);
    }
}
