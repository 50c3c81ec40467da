package dev.stacstream.job.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One key of a pipeline file: its dotted name, its type (as a parser), its default and what it means. The keys
 * are constants of {@link PipelineOptions}.
 *
 * @param <T> the typed value
 */
public final class PipelineOption<T> {

    private final String key;
    private final ValueParser<T> parser;
    private final T defaultValue;
    private final String defaultText;
    private final String description;

    private PipelineOption(String key, ValueParser<T> parser, T defaultValue, String defaultText, String description) {
        this.key = Objects.requireNonNull(key, "key");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.defaultValue = defaultValue;
        this.defaultText = Objects.requireNonNull(defaultText, "default text");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** A key whose absence means {@code value}; {@code yaml} is how that value is written in a pipeline file. */
    static <T> PipelineOption<T> withDefault(String key, ValueParser<T> parser, T value, String yaml,
            String description) {
        return new PipelineOption<>(key, parser, Objects.requireNonNull(value, "default"), yaml, description);
    }

    /**
     * A key without a fixed default: it is required, optional, or its default derives from other keys;
     * {@code whenAbsent} says which.
     */
    static <T> PipelineOption<T> withoutDefault(String key, ValueParser<T> parser, String whenAbsent,
            String description) {
        return new PipelineOption<>(key, parser, null, whenAbsent, description);
    }

    /** The dotted key, e.g. {@code aggregate.factor}. */
    public String key() {
        return key;
    }

    /** The value used when the key is absent, if it is a fixed value. */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * The default as documentation: the YAML of a fixed default ({@code 1 min}, {@code [0, 1, 3, 8, 9, 10]}), or a
     * sentence for keys that are required or derived.
     */
    public String defaultText() {
        return defaultText;
    }

    /** What the key means, for documentation and {@code --help}. */
    public String description() {
        return description;
    }

    ValueParser<T> parser() {
        return parser;
    }

    @Override
    public String toString() {
        return key;
    }
}
