package dev.stacstream.sinks.kerchunk.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prints a JSON tree exactly as Python's {@code json.dumps(obj, indent=1, sort_keys=True, ensure_ascii=True)} does,
 * which is how tifffile (and so kerchunk's {@code tiff_to_zarr}) prints zarr metadata: one space per nesting level,
 * {@code ", "}-free item separators, keys sorted by code point, non-ASCII escaped as {@code \\uXXXX}, and floats
 * in Python's shortest round-trip {@code repr} ({@code 0.0001}, {@code 1e-05}, {@code 30.0}).
 */
public final class PythonJson {

    /**
     * Python's repr prints {@code 0.<digits> x 10^p} in fixed notation for p in this range (CPython
     * {@code format_float_short}: exponent notation when {@code decpt <= -4 || decpt > 16}).
     */
    private static final int MIN_FIXED_DECIMAL_POINT = -3;
    private static final int MAX_FIXED_DECIMAL_POINT = 16;
    /** Significant decimal digits that always round-trip a double. */
    private static final int MAX_DOUBLE_DIGITS = 17;

    private PythonJson() {}

    /** The pretty-printed text of {@code node}. */
    public static String pretty(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, 0, out);
        return out.toString();
    }

    private static void write(JsonNode node, int depth, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            writeObject(node, depth, out);
        } else if (node.isArray()) {
            writeArray(node, depth, out);
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            out.append(repr(node.doubleValue()));
        } else {
            throw new IllegalArgumentException("cannot print a " + node.getNodeType() + " JSON node");
        }
    }

    private static void writeObject(JsonNode node, int depth, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        if (fields.isEmpty()) {
            out.append("{}");
            return;
        }
        fields.sort(Map.Entry.comparingByKey(PythonJson::compareCodePoints));
        out.append('{');
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n");
            indent(depth + 1, out);
            string(fields.get(i).getKey(), out);
            out.append(": ");
            write(fields.get(i).getValue(), depth + 1, out);
        }
        out.append('\n');
        indent(depth, out);
        out.append('}');
    }

    private static void writeArray(JsonNode node, int depth, StringBuilder out) {
        if (node.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        Iterator<JsonNode> it = node.elements();
        boolean first = true;
        while (it.hasNext()) {
            out.append(first ? "\n" : ",\n");
            first = false;
            indent(depth + 1, out);
            write(it.next(), depth + 1, out);
        }
        out.append('\n');
        indent(depth, out);
        out.append(']');
    }

    private static void indent(int depth, StringBuilder out) {
        out.append(" ".repeat(depth));
    }

    /** Python sorts str keys by code point; Java's String order is by UTF-16 unit, which differs above U+FFFF. */
    private static int compareCodePoints(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < ' ' || c > '~') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Python's {@code repr(float)}, with {@code json}'s spellings of the non-finite values. */
    public static String repr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (Double.doubleToRawLongBits(d) < 0 ? "-" : "") + "0.0";
        }
        BigDecimal shortest = shortest(d);
        String digits = shortest.unscaledValue().abs().toString();
        // Position of the decimal point relative to the first digit: value = 0.<digits> * 10^decimalPoint.
        int decimalPoint = digits.length() - shortest.scale();
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (decimalPoint >= MIN_FIXED_DECIMAL_POINT && decimalPoint <= MAX_FIXED_DECIMAL_POINT) {
            fixed(digits, decimalPoint, out);
        } else {
            exponent(digits, decimalPoint, out);
        }
        return out.toString();
    }

    private static void fixed(String digits, int decimalPoint, StringBuilder out) {
        if (decimalPoint <= 0) {
            out.append("0.").append("0".repeat(-decimalPoint)).append(digits);
        } else if (decimalPoint >= digits.length()) {
            out.append(digits).append("0".repeat(decimalPoint - digits.length())).append(".0");
        } else {
            out.append(digits, 0, decimalPoint).append('.').append(digits, decimalPoint, digits.length());
        }
    }

    private static void exponent(String digits, int decimalPoint, StringBuilder out) {
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        int exp = decimalPoint - 1;
        out.append('e').append(exp < 0 ? '-' : '+');
        int abs = Math.abs(exp);
        if (abs < 10) {
            out.append('0');
        }
        out.append(abs);
    }

    /** The decimal with the fewest significant digits that reads back as {@code d} (nearest such, as Python picks). */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < MAX_DOUBLE_DIGITS; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(MAX_DOUBLE_DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
