package dev.stacstream.sinks.kerchunk.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** JSON values as zarr and CF attributes spell them: non-finite numbers as strings, integral values as integers. */
public final class JsonValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final double MAX_EXACT_LONG = 0x1p53;

    private JsonValues() {}

    /** {@code d} as a JSON number, or {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. */
    public static JsonNode number(double d) {
        if (Double.isNaN(d)) {
            return TextNode.valueOf("NaN");
        }
        if (Double.isInfinite(d)) {
            return TextNode.valueOf(d > 0 ? "Infinity" : "-Infinity");
        }
        return DoubleNode.valueOf(d);
    }

    /** As {@link #number}, but a value with no fraction (nodata 0, -9999) as a JSON integer. */
    public static JsonNode integralOrNumber(double d) {
        if (!Double.isNaN(d) && !Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) <= MAX_EXACT_LONG) {
            return LongNode.valueOf((long) d);
        }
        return number(d);
    }

    /** A JSON array of {@code values} (each through {@link #number}). */
    public static ArrayNode numbers(double[] values) {
        ArrayNode a = JSON.arrayNode();
        for (double v : values) {
            a.add(number(v));
        }
        return a;
    }

    /** The double a JSON value stands for: a number, or one of the three non-finite spellings. */
    public static double toDouble(JsonNode node) {
        if (node != null && node.isNumber()) {
            return node.doubleValue();
        }
        if (node != null && node.isTextual()) {
            switch (node.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("JSON value " + node + " is not a number");
    }
}
