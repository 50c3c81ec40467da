package dev.stacstream.job.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A pipeline file, or a {@code --set} override, is wrong in a way the user can fix. The message is one line:
 * {@code pipeline <file>: <key>: <problem>}, for example
 * {@code pipeline conf/pipelines/local.yaml: aggregate.factr: unknown key (did you mean aggregate.factor?)}.
 * Problems that concern the file as a whole (it cannot be read, it is not YAML) have no key.
 */
public final class PipelineConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String key;
    private final String problem;

    PipelineConfigException(String file, String key, String problem) {
        this(file, key, problem, null);
    }

    PipelineConfigException(String file, String key, String problem, Throwable cause) {
        super(format(file, key, problem), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.key = key;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The pipeline file as the user named it (not resolved), so the message shows what they typed. */
    public String file() {
        return file;
    }

    /** The dotted key (or section, e.g. {@code source}) the problem is about; empty for whole-file problems. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** The problem alone, without the file and key prefix. */
    public String problem() {
        return problem;
    }

    private static String format(String file, String key, String problem) {
        return key == null ? "pipeline " + file + ": " + problem : "pipeline " + file + ": " + key + ": " + problem;
    }
}
