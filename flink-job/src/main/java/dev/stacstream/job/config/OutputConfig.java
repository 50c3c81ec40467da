package dev.stacstream.job.config;

import java.io.Serializable;
import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code output.*} section. Tables land in folders under the root: {@code <root>/grid_stats/} and
 * {@code <root>/errors/}; reference manifests in {@code <root>/manifests/}.
 *
 * @param root the absolute URI of the output folder, without a trailing slash ({@code file:///…}, {@code s3://…})
 * @param manifests the manifest forms to write; empty for none
 * @param manifestRecordSize rows per record file of new Parquet manifests
 */
public record OutputConfig(URI root, Set<ManifestFormat> manifests, int manifestRecordSize) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Folder name of the statistics table. */
    public static final String GRID_STATS_TABLE = "grid_stats";
    /** Folder name of the errors table. */
    public static final String ERRORS_TABLE = "errors";

    /** Folder name of the reference manifests. */
    public static final String MANIFESTS_FOLDER = "manifests";

    public OutputConfig {
        root = Locations.withoutTrailingSlash(Objects.requireNonNull(root, "root"));
        manifests = manifests.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(manifests));
        if (manifestRecordSize < 1) {
            throw new IllegalArgumentException("the manifest record size must be at least 1, got " + manifestRecordSize);
        }
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

    /** {@code <root>/manifests} (no trailing slash). */
    public URI manifestsRoot() {
        return URI.create(root + "/" + MANIFESTS_FOLDER);
    }

    /** The folder of the table {@code name}, with a trailing slash. */
    public URI table(String name) {
        return URI.create(root + "/" + name + "/");
    }
}
