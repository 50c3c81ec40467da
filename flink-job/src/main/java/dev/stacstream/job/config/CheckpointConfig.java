package dev.stacstream.job.config;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code checkpoint.*} section. Checkpointing is always on and exactly-once: the Parquet sinks commit their
 * files on checkpoints, so a job without them would never publish output.
 */
public final class CheckpointConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Duration interval;
    private final URI directory;
    private final URI restoreFrom;

    /**
     * @param interval time between the starts of two checkpoints
     * @param directory the absolute URI where checkpoints are stored
     * @param restoreFrom the checkpoint or savepoint to start from, or null for a fresh start
     */
    public CheckpointConfig(Duration interval, URI directory, URI restoreFrom) {
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("the checkpoint interval must be positive, got " + interval);
        }
        this.directory = Locations.withoutTrailingSlash(Objects.requireNonNull(directory, "directory"));
        this.restoreFrom = restoreFrom;
    }

    /** Time between the starts of two checkpoints. */
    public Duration interval() {
        return interval;
    }

    /** The absolute URI of the checkpoint storage ({@code file://…}, {@code s3://…}), without trailing slash. */
    public URI directory() {
        return directory;
    }

    /** The retained checkpoint or savepoint the job starts from; empty for a fresh start. */
    public Optional<URI> restoreFrom() {
        return Optional.ofNullable(restoreFrom);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckpointConfig c && interval.equals(c.interval) && directory.equals(c.directory)
                && Objects.equals(restoreFrom, c.restoreFrom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(interval, directory, restoreFrom);
    }

    @Override
    public String toString() {
        return "CheckpointConfig{interval=" + interval + ", directory=" + directory + ", restoreFrom=" + restoreFrom
                + "}";
    }
}
