package dev.stacstream.job.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The {@link ValueParser}s of the pipeline keys: strict about YAML types, with messages that show the value. */
final class ValueParsers {

    private ValueParsers() {
    }

    static ValueParser<Boolean> bool() {
        return node -> {
            if (!node.isBoolean()) {
                throw new IllegalArgumentException("expected true or false, got " + describe(node));
            }
            return node.booleanValue();
        };
    }

    /** An integer in {@code [min, max]}. */
    static ValueParser<Integer> integer(int min, int max) {
        return node -> {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                if (node.isIntegralNumber()) {
                    throw new IllegalArgumentException(rangeProblem(min, max, node.asText()));
                }
                throw new IllegalArgumentException("expected an integer, got " + describe(node));
            }
            int value = node.intValue();
            if (value < min || value > max) {
                throw new IllegalArgumentException(rangeProblem(min, max, Integer.toString(value)));
            }
            return value;
        };
    }

    /** A finite number greater than zero. */
    static ValueParser<Double> positiveNumber() {
        return node -> {
            if (!node.isNumber()) {
                throw new IllegalArgumentException("expected a number, got " + describe(node));
            }
            double value = node.doubleValue();
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("must be greater than 0, got " + node.asText());
            }
            return value;
        };
    }

    /** A non-blank string, trimmed. */
    static ValueParser<String> text() {
        return node -> {
            if (!node.isTextual()) {
                throw new IllegalArgumentException("expected a string, got " + describe(node));
            }
            String value = node.textValue().trim();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("is empty");
            }
            return value;
        };
    }

    /** A non-empty list of distinct non-blank strings, e.g. {@code [red, nir]}. */
    static ValueParser<List<String>> textList(String example) {
        return node -> {
            List<String> values = new ArrayList<>();
            for (JsonNode element : elements(node, example)) {
                if (!element.isTextual() || element.textValue().isBlank()) {
                    throw new IllegalArgumentException("expected a list of names like " + example + ", but one"
                            + " element is " + describe(element));
                }
                values.add(element.textValue().trim());
            }
            return List.copyOf(requireDistinct(values));
        };
    }

    /** A non-empty list of distinct integers in {@code [min, max]}, e.g. {@code [3, 8, 9, 10]}. */
    static ValueParser<List<Integer>> integerList(int min, int max, String example) {
        ValueParser<Integer> element = integer(min, max);
        return node -> {
            List<Integer> values = new ArrayList<>();
            for (JsonNode e : elements(node, example)) {
                try {
                    values.add(element.parse(e));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("element " + values.size() + ": " + ex.getMessage(), ex);
                }
            }
            return List.copyOf(requireDistinct(values));
        };
    }

    /** One of a fixed set of names, e.g. {@code day}. */
    static <E> ValueParser<E> oneOf(Function<String, Optional<E>> lookup, List<String> names) {
        return node -> {
            Optional<E> value = node.isTextual() ? lookup.apply(node.textValue().trim()) : Optional.empty();
            return value.orElseThrow(() -> new IllegalArgumentException("expected one of " + String.join(", ", names)
                    + ", got " + describe(node)));
        };
    }

    /** A non-empty list of distinct enum names, e.g. {@code [count, mean]}. */
    static <E extends Enum<E>> ValueParser<Set<E>> enumSet(Class<E> type, Function<String, Optional<E>> lookup,
            List<String> names) {
        ValueParser<E> element = oneOf(lookup, names);
        return node -> {
            EnumSet<E> set = EnumSet.noneOf(type);
            List<String> given = new ArrayList<>();
            for (JsonNode e : elements(node, "[" + String.join(", ", names) + "]")) {
                set.add(element.parse(e));
                given.add(e.textValue().trim());
            }
            requireDistinct(given);
            return set;
        };
    }

    /** Like {@link #enumSet}, but an empty list {@code []} is allowed and gives the empty set. */
    static <E extends Enum<E>> ValueParser<Set<E>> enumSetOrEmpty(Class<E> type, Function<String, Optional<E>> lookup,
            List<String> names) {
        ValueParser<Set<E>> nonEmpty = enumSet(type, lookup, names);
        return node -> node.isArray() && node.isEmpty() ? EnumSet.noneOf(type) : nonEmpty.parse(node);
    }

    /** A duration string ({@link DurationFormat}) of at least {@code minimum}. */
    static ValueParser<Duration> duration(Duration minimum) {
        return node -> {
            if (!node.isTextual()) {
                throw new IllegalArgumentException(DurationFormat.expected(node.asText()));
            }
            Duration value = DurationFormat.parse(node.textValue());
            if (value.compareTo(minimum) < 0) {
                throw new IllegalArgumentException("must be at least " + DurationFormat.format(minimum) + ", got '"
                        + node.textValue() + "'");
            }
            return value;
        };
    }

    /** A list of exactly {@code size} numbers. */
    static double[] numbers(JsonNode node, int size, String example) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("expected " + size + " numbers " + example + ", got " + describe(node));
        }
        if (node.size() != size) {
            throw new IllegalArgumentException("expected " + size + " numbers " + example + ", got " + node.size());
        }
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            if (!node.get(i).isNumber()) {
                throw new IllegalArgumentException("expected " + size + " numbers " + example + ", but element " + i
                        + " is " + describe(node.get(i)));
            }
            values[i] = node.get(i).doubleValue();
        }
        return values;
    }

    /** How a value is shown in a message: strings quoted, collections by kind. */
    static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "'" + node.textValue() + "'";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isNull() || node.isMissingNode()) {
            return "nothing";
        }
        return node.asText();
    }

    private static Iterable<JsonNode> elements(JsonNode node, String example) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("expected a list like " + example + ", got " + describe(node));
        }
        if (node.isEmpty()) {
            throw new IllegalArgumentException("is an empty list; give at least one value, like " + example);
        }
        return node::elements;
    }

    private static <T> List<T> requireDistinct(List<T> values) {
        Set<T> seen = new HashSet<>();
        for (T value : values) {
            if (!seen.add(value)) {
                throw new IllegalArgumentException(value + " is listed twice");
            }
        }
        return values;
    }

    private static String rangeProblem(int min, int max, String value) {
        return max == Integer.MAX_VALUE ? "must be at least " + min + ", got " + value
                : "must be between " + min + " and " + max + ", got " + value;
    }
}
