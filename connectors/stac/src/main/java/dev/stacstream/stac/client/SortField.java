package dev.stacstream.stac.client;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One key of the STAC API sort extension: a property path ({@code datetime}, {@code properties.eo:cloud_cover},
 * {@code id}) and a direction.
 *
 * @param field the property to sort on
 * @param ascending {@code true} for {@code asc}
 */
public record SortField(String field, boolean ascending) implements Serializable {

    public SortField {
        Objects.requireNonNull(field, "sort field");
        if (field.isBlank()) {
            throw new IllegalArgumentException("sort field must not be blank");
        }
    }

    /**
     * Parses the GET form: comma-separated fields, each optionally prefixed with {@code +} (ascending, the default)
     * or {@code -} (descending), e.g. {@code -datetime,+id}.
     */
    public static List<SortField> parseList(String text) {
        List<SortField> fields = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("sortby '" + text + "' has an empty field");
            }
            if (p.startsWith("-")) {
                fields.add(new SortField(p.substring(1), false));
            } else {
                fields.add(new SortField(p.startsWith("+") ? p.substring(1) : p, true));
            }
        }
        return List.copyOf(fields);
    }

    /** The POST direction: {@code asc} or {@code desc}. */
    public String direction() {
        return ascending ? "asc" : "desc";
    }

    /** The GET form: {@code +field} or {@code -field}. */
    public String toQueryForm() {
        return (ascending ? "+" : "-") + field;
    }
}
