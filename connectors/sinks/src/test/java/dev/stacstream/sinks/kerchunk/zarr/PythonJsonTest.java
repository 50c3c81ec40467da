package dev.stacstream.sinks.kerchunk.zarr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's {@code repr(float)} and {@code json.dumps(indent=1, sort_keys=True)}, as printed by CPython 3.11. */
class PythonJsonTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0.0001, 0.0001", "1e-05, 1e-05", "30.0, 30.0", "1e16, 1e+16", "1234567890123456.0, 1234567890123456.0",
        "0.30000000000000004, 0.30000000000000004", "-0.0, -0.0", "4.9e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308", "298.256999999996, 298.256999999996", "100.0, 100.0",
        "-0.1, -0.1", "123456789.123, 123456789.123", "2.5e-07, 2.5e-07"})
    void floatsPrintAsPythonRepr(double value, String python) {
        assertThat(PythonJson.repr(value)).isEqualTo(python);
    }

    @Test
    void nonFiniteFloatsUseJsonsSpellings() {
        assertThat(PythonJson.repr(Double.NaN)).isEqualTo("NaN");
        assertThat(PythonJson.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void objectsAreSortedIndentedByOneAndAsciiEscaped() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode doc = json.objectNode();
        doc.putObject("d").put("y", true);
        doc.putNull("c");
        doc.putArray("b").add(1).add(json.objectNode()).add(json.arrayNode());
        doc.put("a", "\u00e9\"\\\n\u007f");

        assertThat(PythonJson.pretty(doc)).isEqualTo("{\n \"a\": \"\\u00e9\\\"\\\\\\n\\u007f\",\n \"b\": [\n  1,\n  {},\n"
                + "  []\n ],\n \"c\": null,\n \"d\": {\n  \"y\": true\n }\n}");
    }
}
