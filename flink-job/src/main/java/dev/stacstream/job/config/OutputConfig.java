package dev.stacstream.job.config;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;

/**
 * The {@code output.*} section. Tables land in folders under the root: {@code <root>/grid_stats/} and
 * {@code <root>/errors/}.
 *
 * @param root the absolute URI of the output folder, without a trailing slash ({@code file:///…}, {@code s3://…})
 */
public record OutputConfig(URI root) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Folder name of the statistics table. */
    public static final String GRID_STATS_TABLE = "grid_stats";
    /** Folder name of the errors table. */
    public static final String ERRORS_TABLE = "errors";

    public OutputConfig {
        root = Locations.withoutTrailingSlash(Objects.requireNonNull(root, "root"));
        if (!root.isAbsolute()) {
            throw new IllegalArgumentException("the output root " + root + " is not absolute");
        }
    }

    /** {@code <root>/grid_stats/}. */
    public URI gridStats() {
        return table(GRID_STATS_TABLE);
    }

    /** {@code <root>/errors/}. */
    public URI errors() {
        return table(ERRORS_TABLE);
    }

    /** The folder of the table {@code name}, with a trailing slash. */
    public URI table(String name) {
        return URI.create(root + "/" + name + "/");
    }
}
