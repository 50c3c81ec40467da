package dev.stacstream.job.config;

import java.util.List;
import java.util.Optional;

/**
 * A statistic of {@code aggregate.stats} and the {@code grid_stats} columns it fills. All of them are mergeable
 * across blocks and items; {@code std} is the population standard deviation of the valid values.
 */
public enum Statistic {
    /** {@code count_total}: the cell's pixels that were read; {@code count_valid}: those neither nodata nor masked. */
    COUNT("count_total", "count_valid"),
    MEAN("mean"),
    MIN("min"),
    MAX("max"),
    STD("std"),
    SUM("sum");

    private final List<String> columns;

    Statistic(String... columns) {
        this.columns = List.of(columns);
    }

    /** The name in a pipeline file: {@code count}, {@code mean}, ... */
    public String yamlName() {
        return YamlNames.of(this);
    }

    /** The output columns this statistic fills. */
    public List<String> columns() {
        return columns;
    }

    /** The statistic named {@code name} in a pipeline file (case-sensitive, lower case). */
    public static Optional<Statistic> fromYamlName(String name) {
        return YamlNames.lookup(Statistic.class, name);
    }
}
