package dev.stacstream.sinks.parquet;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BOOLEAN columns take booleans only, and booleans go into BOOLEAN columns only, record by record or in runs; each
 * mistake fails at once naming the table and the column. A {@code null} Boolean is a {@code NULL}, for an optional
 * column only; and a table asking for another encoding than PLAIN for a BOOLEAN column fails to open its pages.
 */
class BooleanColumnsMisuseTest {

    private static final MessageType SCHEMA = Types.buildMessage()
            .required(BOOLEAN).named("interpolated")
            .optional(BOOLEAN).named("cloudy")
            .required(INT64).named("n")
            .optional(BINARY).as(stringType()).named("band")
            .named("t");
    private static final int INTERPOLATED = 0;
    private static final int N = 2;
    private static final int[] NO_BINARY_BYTES = new int[4];

    private final RecordingSink sink = new RecordingSink(SCHEMA);
    private final RecordEmitter emitter = new RecordEmitter(SCHEMA, sink);

    @Test
    void booleansAndNullsGoInSchemaOrder() {
        emitter.start().bool(true).bool(Boolean.FALSE).int64(1L).string("B04").end();
        emitter.start().bool(false).bool((Boolean) null).int64(2L).string(null).end();

        assertThat(sink.events).containsExactly(
                "0 interpolated = true", "1 cloudy = false", "2 n = 1", "3 band = B04", "end",
                "0 interpolated = false", "1 cloudy = NULL", "2 n = 2", "3 band = NULL", "end");
    }

    static Stream<Arguments> recordMistakes() {
        return Stream.of(
                mistake("a long into a BOOLEAN column", "column t.interpolated is BOOLEAN but was written as INT64",
                        e -> e.int64(1L)),
                mistake("a string into a BOOLEAN column", "column t.interpolated is BOOLEAN but was written as BINARY",
                        e -> e.string("true")),
                mistake("a boolean into an INT64 column", "column t.n is INT64 but was written as BOOLEAN",
                        e -> e.bool(true).bool(true).bool(true)),
                mistake("a Boolean into a string column", "column t.band is BINARY but was written as BOOLEAN",
                        e -> e.bool(true).bool(true).int64(3L).bool(Boolean.TRUE)),
                mistake("NULL into a required BOOLEAN column", "column t.interpolated is required but got NULL",
                        e -> e.bool((Boolean) null)));
    }

    private static Arguments mistake(String name, String message, Consumer<RecordEmitter> writes) {
        return Arguments.of(name, message, writes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordMistakes")
    void aRecordMistakeFailsNamingTheColumn(String name, String message, Consumer<RecordEmitter> writes) {
        emitter.start();

        assertThatIllegalStateException().isThrownBy(() -> writes.accept(emitter)).withMessage(message);
    }

    @Test
    void aRunOfBooleansIntoAnotherColumnFailsNamingIt() throws Exception {
        ColumnPages pages = new ColumnPages(table(Encoding.PLAIN), new FileLayout(1 << 20, 1 << 20, 100, 1));
        ColumnSink runs = new ColumnSink(SCHEMA, pages, () -> {
            throw new AssertionError("no page ends in a run of 3 rows");
        });
        assertThat(runs.beginRows(3, NO_BINARY_BYTES)).isEqualTo(3);

        assertThatIllegalStateException().isThrownBy(() -> runs.booleans(N, new boolean[3], 0, 3))
                .withMessage("column t.n is INT64 but was written as BOOLEAN");
        assertThatIllegalStateException().isThrownBy(() -> runs.int64s(INTERPOLATED, new long[3], 0, 3))
                .withMessage("column t.interpolated is BOOLEAN but was written as INT64");
        assertThatIllegalStateException().isThrownBy(() -> runs.booleans(INTERPOLATED, new boolean[4], 0, 4))
                .withMessage("column t.interpolated got 4 values for 3 rows begun");
    }

    @Test
    void anEncodingOtherThanPlainForABooleanColumnNamesTheTableAndColumn() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ColumnPages(table(Encoding.RLE), FileLayout.DEFAULT))
                .withMessage("t: column interpolated is BOOLEAN, which the table writer does not encode as RLE"
                        + " (BOOLEAN columns: PLAIN only)");
    }

    /** The table of {@link #SCHEMA}, its BOOLEAN columns encoded as {@code booleans}. */
    private static TableFormat<Void> table(Encoding booleans) {
        return new TableFormat<>() {
            @Override
            public String tableName() {
                return "t";
            }

            @Override
            public MessageType schema() {
                return SCHEMA;
            }

            @Override
            public Encoding valuesEncoding(String column) {
                return column.equals("interpolated") || column.equals("cloudy") ? booleans : Encoding.PLAIN;
            }

            @Override
            public FileEncoder<Void> newFileEncoder() {
                throw new UnsupportedOperationException("the test writes into the sink directly");
            }
        };
    }
}
