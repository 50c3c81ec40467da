package dev.stacstream.job.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a pipeline file: YAML (nested or dotted keys), then {@code --set key=value} overrides whose values are
 * YAML too ({@code --set 'assets.bands=[red, nir]'}, {@code --set aggregate.factor=20},
 * {@code --set checkpoint.restore=null}), then validation of every key against {@link PipelineOptions}. Any problem
 * is a {@link PipelineConfigException} with one line naming the file and the key; nothing is half-loaded.
 *
 * <p>Relative paths in the file ({@code source.catalog}, {@code output.root}, {@code checkpoint.*}) are resolved
 * against the working directory into absolute {@code file://} URIs.
 */
public final class PipelineConfigLoader {

    /** The position line of a SnakeYAML message: {@code  in 'reader', line 2, column 10:}. */
    private static final Pattern SNAKEYAML_POSITION = Pattern.compile("\\s+in '[^']*', line (\\d+), column (\\d+):");
    /** Jackson's message for a key repeated in one mapping ({@code STRICT_DUPLICATE_DETECTION}). */
    private static final Pattern JACKSON_DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private PipelineConfigLoader() {
    }

    /** Loads {@code file} with the overrides, resolving relative paths against the current directory. */
    public static PipelineConfig load(Path file, List<String> sets) {
        return load(file, sets, Path.of("").toAbsolutePath());
    }

    /**
     * Loads {@code file} (relative to {@code workingDirectory} if relative) with the overrides, resolving relative
     * paths in it against {@code workingDirectory}.
     */
    public static PipelineConfig load(Path file, List<String> sets, Path workingDirectory) {
        String label = file.toString();
        Path path = workingDirectory.resolve(file);
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new PipelineConfigException(label, null, "no such file (" + path.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new PipelineConfigException(label, null, "cannot read the file: " + e, e);
        }
        PipelineSettings settings = PipelineSettings.fromFile(label, parseFile(label, text));
        for (String set : sets) {
            override(label, settings, set);
        }
        return new PipelineConfigBinder(label, settings, workingDirectory.toAbsolutePath()).bind();
    }

    private static JsonNode parseFile(String label, String text) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new PipelineConfigException(label, null, where + "not valid YAML: " + describe(e), e);
        }
    }

    private static void override(String label, PipelineSettings settings, String argument) {
        int equals = argument.indexOf('=');
        String key = equals < 0 ? "" : argument.substring(0, equals).trim();
        if (key.isEmpty()) {
            throw new PipelineConfigException(label, null, "--set " + argument + ": expected key=value, like --set"
                    + " aggregate.factor=20");
        }
        String value = argument.substring(equals + 1);
        JsonNode node;
        try {
            node = YAML.readTree(value);
        } catch (JsonProcessingException e) {
            throw new PipelineConfigException(label, key, "the value '" + value + "' is not valid YAML: " + describe(e)
                    + PipelineSettings.origin(argument), e);
        }
        settings.override(key, node, argument);
    }

    /**
     * The parser's problem in one line. SnakeYAML's messages span several lines: an optional context ("while
     * parsing a flow sequence") with its position and a source excerpt, then the problem with its own; the
     * problem comes first here, the context's position after it (an unclosed bracket is found far from where it
     * opened).
     */
    static String describe(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        Matcher duplicate = JACKSON_DUPLICATE.matcher(message);
        if (duplicate.lookingAt()) {
            return "the key '" + duplicate.group(1) + "' appears twice in one mapping";
        }
        List<String> statements = new ArrayList<>();
        String contextPosition = null;
        for (String line : message.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher position = SNAKEYAML_POSITION.matcher(line);
            if (position.matches() && statements.size() == 1 && contextPosition == null) {
                contextPosition = "line " + position.group(1) + ", column " + position.group(2);
            } else if (!Character.isWhitespace(line.charAt(0))) {
                statements.add(line.strip());
            }
        }
        if (statements.size() < 2) {
            return statements.isEmpty() ? message : statements.get(0);
        }
        return statements.get(1) + " (" + statements.get(0) + (contextPosition == null ? "" : " at " + contextPosition)
                + ")";
    }
}
