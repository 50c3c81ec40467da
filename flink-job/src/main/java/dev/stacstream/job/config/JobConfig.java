package dev.stacstream.job.config;

import java.io.Serializable;
import java.util.Objects;
import java.util.OptionalInt;

/** The {@code job.*} section: how the Flink job runs. */
public final class JobConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Integer parallelism;
    private final String name;
    private final boolean webUi;

    /**
     * @param parallelism the default operator parallelism, or null for Flink's default (locally: the number of
     *     CPU cores)
     * @param name the Flink job name
     * @param webUi whether the embedded local run serves Flink's web UI on localhost
     */
    public JobConfig(Integer parallelism, String name, boolean webUi) {
        if (parallelism != null && parallelism < 1) {
            throw new IllegalArgumentException("the parallelism must be >= 1, got " + parallelism);
        }
        this.parallelism = parallelism;
        this.name = Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the job name is empty");
        }
        this.webUi = webUi;
    }

    /** The default operator parallelism; empty means Flink's default. */
    public OptionalInt parallelism() {
        return parallelism == null ? OptionalInt.empty() : OptionalInt.of(parallelism);
    }

    /** The Flink job name. */
    public String name() {
        return name;
    }

    /** Whether the embedded local run serves the web UI. */
    public boolean webUi() {
        return webUi;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobConfig j && Objects.equals(parallelism, j.parallelism) && name.equals(j.name)
                && webUi == j.webUi;
    }

    @Override
    public int hashCode() {
        return Objects.hash(parallelism, name, webUi);
    }

    @Override
    public String toString() {
        return "JobConfig{parallelism=" + parallelism + ", name=" + name + ", webUi=" + webUi + "}";
    }
}
