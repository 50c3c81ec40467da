package dev.stacstream.job.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw values of a pipeline, flattened to dotted keys: the YAML file's tree, nested or dotted or both, then
 * the {@code --set} overrides on top. Every key is checked against {@link PipelineOptions} here, so unknown keys
 * fail before any value is read; values stay untyped YAML until {@link PipelineConfigBinder} reads them.
 */
final class PipelineSettings {

    /**
     * One key's raw value and where it came from.
     *
     * @param override the {@code --set key=value} argument that set it, or null when it comes from the file
     */
    record Setting(String key, JsonNode value, String override) {
        /** " (from --set k=v)" for a value from the command line, so a message points at the right place. */
        String origin() {
            return PipelineSettings.origin(override);
        }
    }

    private final String file;
    private final Map<String, Setting> values = new LinkedHashMap<>();

    private PipelineSettings(String file) {
        this.file = file;
    }

    /** Flattens the file's root mapping. */
    static PipelineSettings fromFile(String file, JsonNode root) {
        PipelineSettings settings = new PipelineSettings(file);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return settings;
        }
        if (!root.isObject()) {
            throw new PipelineConfigException(file, null, "expected a mapping of keys like source.catalog at the top"
                    + " level, got " + ValueParsers.describe(root));
        }
        settings.flatten("", root, null);
        return settings;
    }

    /**
     * Applies one override: {@code key} is a dotted key or a section, {@code value} its parsed YAML; a null value
     * removes the key (or every key of the section) so that its default applies again.
     */
    void override(String key, JsonNode value, String argument) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            if (PipelineOptions.find(key).isEmpty() && !PipelineOptions.isSection(key)) {
                throw unknownKey(key, argument);
            }
            values.keySet().removeIf(k -> k.equals(key) || k.startsWith(key + "."));
            return;
        }
        flatten(key, value, argument);
    }

    Optional<Setting> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Keys set under {@code section.} (e.g. every {@code mask.dilation.*} key that is set). */
    List<Setting> under(String section) {
        return values.values().stream().filter(s -> s.key().startsWith(section + ".")).toList();
    }

    private void flatten(String key, JsonNode node, String override) {
        if (!key.isEmpty() && PipelineOptions.find(key).isPresent()) {
            put(new Setting(key, node, override));
            return;
        }
        if (node.isObject() && (!node.isEmpty() || PipelineOptions.isSection(key))) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(key.isEmpty() ? field.getKey() : key + "." + field.getKey(), field.getValue(), override);
            }
            return;
        }
        if (PipelineOptions.isSection(key)) {
            if (node.isNull()) {
                return; // "mask:" with every key commented out: an empty section
            }
            throw new PipelineConfigException(file, key, "is a section; expected a mapping of its keys ("
                    + String.join(", ", sectionKeys(key)) + "), got " + ValueParsers.describe(node)
                    + origin(override));
        }
        throw unknownKey(key, override);
    }

    private void put(Setting setting) {
        Setting previous = values.remove(setting.key());
        if (previous != null && previous.override() == null && setting.override() == null) {
            throw new PipelineConfigException(file, setting.key(), "is set twice in the file (nested and dotted)");
        }
        if (setting.value().isNull()) {
            return; // "key: null" or "key: ~" in the file is the same as leaving the key out
        }
        values.put(setting.key(), setting);
    }

    private PipelineConfigException unknownKey(String key, String override) {
        List<String> known = PipelineOptions.all().stream().map(PipelineOption::key).toList();
        String hint = KeySuggestions.suggest(key, known).map(k -> " (did you mean " + k + "?)").orElse("");
        return new PipelineConfigException(file, key, "unknown key" + hint + origin(override));
    }

    private static List<String> sectionKeys(String section) {
        return PipelineOptions.all().stream().map(PipelineOption::key).filter(k -> k.startsWith(section + "."))
                .map(k -> k.substring(section.length() + 1)).toList();
    }

    static String origin(String override) {
        return override == null ? "" : " (from --set " + override + ")";
    }
}
