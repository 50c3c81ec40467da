package dev.stacstream.sinks.parquet;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An encoder's mistakes in a run of rows fail at once, naming the column, before a page holds a partial row; and a
 * run takes the rows that the current page has room for, ending a full page first.
 */
class ColumnSinkTest {

    private static final MessageType SCHEMA = Types.buildMessage()
            .required(INT64).named("n")
            .optional(DOUBLE).named("mean")
            .required(BINARY).named("label")
            .required(DOUBLE).named("x")
            .named("t");
    private static final int N = 0;
    private static final int MEAN = 1;
    private static final int LABEL = 2;
    private static final int X = 3;
    private static final Binary RED = Binary.fromString("red");
    private static final int[] LABEL_BYTES = {0, 0, Integer.BYTES + 3, 0};
    private static final int PAGE_ROWS = 5;

    /** Rows of each page the sink ended. */
    private final List<Integer> pageEnds = new ArrayList<>();
    private final ColumnPages pages = new ColumnPages(table(), new FileLayout(1 << 20, 1 << 20, PAGE_ROWS, 1));
    private final ColumnSink sink = new ColumnSink(SCHEMA, pages, this::endPages);

    private void endPages() throws IOException {
        pageEnds.add(pages.rows());
        ZstdPageCompressor compressor = new ZstdPageCompressor(1);
        try (ColumnChunkPageWriteStore store = new ColumnChunkPageWriteStore(compressor, SCHEMA,
                HeapByteBufferAllocator.getInstance(), Integer.MAX_VALUE, false)) {
            pages.writeTo(store);
        } finally {
            compressor.release();
        }
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake("a forgotten column", "column t.x got 0 values for 2 rows", sink -> {
                    sink.int64s(N, new long[] {1, 2}, 0, 2);
                    sink.float64sOrNull(MEAN, new double[] {1, Double.NaN}, 0, 2);
                    sink.binaryRun(LABEL, RED, 2);
                    sink.endRows(2);
                }),
                mistake("the wrong type", "column t.n is INT64 but was written as DOUBLE",
                        sink -> sink.float64s(N, new double[] {1, 2}, 0, 2)),
                mistake("NULL in a required column", "column t.label is required but was written with NULL",
                        sink -> sink.binaryRun(LABEL, null, 2)),
                mistake("NaN for NULL in a required column", "column t.x is required but was written with NaN for NULL",
                        sink -> sink.float64sOrNull(X, new double[] {1, 2}, 0, 2)),
                mistake("more values than rows", "column t.n got 3 values for 2 rows begun",
                        sink -> sink.int64s(N, new long[] {1, 2, 3}, 0, 3)),
                mistake("more rows ended than begun", "t: 3 rows ended, 2 begun", sink -> sink.endRows(3)));
    }

    private static Arguments mistake(String name, String message, Consumer<ColumnSink> writes) {
        return Arguments.of(name, message, writes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void failsNamingTheColumn(String name, String message, Consumer<ColumnSink> writes) throws Exception {
        assertThat(sink.beginRows(2, LABEL_BYTES)).isEqualTo(2);

        assertThatIllegalStateException().isThrownBy(() -> writes.accept(sink)).withMessage(message);
    }

    @Test
    void aRunTakesWhatThePageHasRoomForAndAFullPageEndsFirst() throws Exception {
        List<Integer> runs = new ArrayList<>();
        int rows = 12;
        for (int from = 0; from < rows; ) {
            int n = sink.beginRows(rows - from, LABEL_BYTES);
            sink.int64s(N, new long[n], 0, n);
            sink.float64sOrNull(MEAN, new double[n], 0, n);
            sink.binaryRun(LABEL, RED, n);
            sink.float64s(X, new double[n], 0, n);
            sink.endRows(n);
            runs.add(n);
            from += n;
        }

        assertThat(runs).containsExactly(5, 5, 2);
        assertThat(pageEnds).containsExactly(PAGE_ROWS, PAGE_ROWS);
        assertThat(pages.rows()).isEqualTo(2);
    }

    private static TableFormat<Void> table() {
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
            public FileEncoder<Void> newFileEncoder() {
                throw new UnsupportedOperationException("the test writes into the sink directly");
            }
        };
    }
}
