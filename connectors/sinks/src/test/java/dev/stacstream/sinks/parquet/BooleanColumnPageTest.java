package dev.stacstream.sinks.parquet;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.BooleanStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.plain.BooleanPlainValuesWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A BOOLEAN page's PLAIN values are, byte for byte, what parquet-java's own {@link BooleanPlainValuesWriter} writes
 * for the same values (one bit each, least significant first, {@code ceil(n / 8)} bytes), however many values and
 * whether they come one by one or as a slice; its min/max are parquet-java's; and it keeps the row limit of the
 * other pages.
 */
class BooleanColumnPageTest {

    private static final MessageType SCHEMA = Types.buildMessage()
            .required(BOOLEAN).named("flag")
            .named("t");
    private static final ColumnDescriptor FLAG = SCHEMA.getColumns().get(0);
    private static final long SEED = 0xB001EL;
    /** The job's page row limit: the largest page. */
    private static final int MAX_ROWS = 20_000;

    /** Counts around byte and word edges, and past the first capacity of the page's array (1,024 values). */
    @ParameterizedTest(name = "{0} values")
    @ValueSource(ints = {1, 2, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000, 1023, 1024, 1025, 3001, 20_000})
    void valuesAreEncodedAsParquetJavaEncodesThem(int n) throws IOException {
        boolean[] values = randomValues(n);
        BooleanColumnPage page = (BooleanColumnPage) ColumnPage.of(FLAG, MAX_ROWS, true, Encoding.PLAIN);

        // One by one, then as a slice, then one by one again.
        int third = n / 3;
        for (int i = 0; i < third; i++) {
            page.append(values[i]);
        }
        page.append(values, third, 2 * third);
        for (int i = 2 * third; i < n; i++) {
            page.append(values[i]);
        }
        PageBytes out = new PageBytes(1);
        page.encodeValues(out);

        assertThat(out.size()).as("bytes of %s values", n).isEqualTo((n + 7) / 8);
        assertThat(Arrays.copyOf(out.array(), out.size())).isEqualTo(parquetJavaPlain(values));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "all false, false, false",
        "all true, true, true",
        "one true at the end, false, true",
        "one false at the end, false, true",
        "random, false, true",
    })
    void minAndMaxAreParquetJavasFalseBeforeTrue(String name, boolean min, boolean max) {
        int n = 77;
        boolean[] values = switch (name) {
            case "all false" -> new boolean[n];
            case "all true" -> filled(n, true);
            case "one true at the end" -> withLast(new boolean[n], true);
            case "one false at the end" -> withLast(filled(n, true), false);
            default -> randomValues(n);
        };
        BooleanColumnPage page = (BooleanColumnPage) ColumnPage.of(FLAG, MAX_ROWS, true, Encoding.PLAIN);
        page.append(values, 0, n);
        Statistics<?> statistics = Statistics.createStats(FLAG.getPrimitiveType());

        page.addMinMax(statistics);

        Statistics<?> expected = Statistics.createStats(FLAG.getPrimitiveType());
        for (boolean v : values) {
            expected.updateStats(v);
        }
        assertThat(statistics).isEqualTo(expected);
        assertThat(((BooleanStatistics) statistics).getMin()).as("min").isEqualTo(min);
        assertThat(((BooleanStatistics) statistics).getMax()).as("max").isEqualTo(max);
    }

    /** 70 rows: a bit set of two words, whose 128 bits must not let a 71st value in. */
    @Test
    void aValuePastTheRowLimitFailsNamingTheColumn() {
        BooleanColumnPage page = (BooleanColumnPage) ColumnPage.of(FLAG, 70, false, Encoding.PLAIN);
        page.append(new boolean[69], 0, 69);
        page.append(true);

        assertThatIllegalStateException().isThrownBy(() -> page.append(false))
                .withMessage("column flag: a page holds at most 70 rows, not 71");
        assertThatIllegalStateException().isThrownBy(() -> page.append(new boolean[2], 0, 2))
                .withMessage("column flag: a page holds at most 70 rows, not 72");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RLE", "BIT_PACKED", "BYTE_STREAM_SPLIT", "DELTA_BINARY_PACKED", "RLE_DICTIONARY"})
    void anotherEncodingThanPlainIsRejectedNamingTheColumn(String encoding) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ColumnPage.of(FLAG, MAX_ROWS, true, Encoding.valueOf(encoding)))
                .withMessage("column flag is BOOLEAN, which the table writer does not encode as " + encoding
                        + " (BOOLEAN columns: PLAIN only)");
    }

    private static byte[] parquetJavaPlain(boolean[] values) throws IOException {
        BooleanPlainValuesWriter writer = new BooleanPlainValuesWriter();
        for (boolean v : values) {
            writer.writeBoolean(v);
        }
        return writer.getBytes().toByteArray();
    }

    private static boolean[] randomValues(int n) {
        SplittableRandom random = new SplittableRandom(SEED + n);
        boolean[] values = new boolean[n];
        IntStream.range(0, n).forEach(i -> values[i] = random.nextBoolean());
        return values;
    }

    private static boolean[] filled(int n, boolean value) {
        boolean[] values = new boolean[n];
        Arrays.fill(values, value);
        return values;
    }

    private static boolean[] withLast(boolean[] values, boolean last) {
        values[values.length - 1] = last;
        return values;
    }
}
