package dev.stacstream.sinks.parquet;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;

/**
 * Where a table's {@link TableFormat.FileEncoder} puts its rows: the column pages of the part file being written.
 * Rows go in one of two ways, never mixed within a row:
 * <ul>
 *   <li>one record at a time, value by value in schema order, through {@link #record()} (the {@code errors},
 *       {@code points} and {@code pixels} tables: rows with varying strings and attribute columns);
 *   <li>in runs of rows, column by column: {@link #beginRows} says how many rows of a run the current page takes,
 *       the encoder writes that many values into every column (arrays, repeated values, {@code NULL}s), and
 *       {@link #endRows} closes them (the {@code grid_stats} table: thousands of rows per element).
 * </ul>
 * A run's values are checked per call, not per value: the column's type, that only an optional column gets
 * {@code NULL}s, and at {@link #endRows} that every column got exactly one value per row, so a column the encoder
 * forgets fails the first run, naming the column. Column indices are schema positions. Not thread-safe.
 */
public final class ColumnSink {

    /** Ends the current pages (writes them to the row group) so that more rows can be added. */
    interface PageEnd {
        void endPages() throws IOException;
    }

    private final MessageType schema;
    private final ColumnPages pages;
    private final PageEnd pageEnd;
    private final RecordEmitter record;
    private final String[] names;
    private final PrimitiveTypeName[] types;
    private final boolean[] optional;
    /** Per column: values and NULLs written for the rows begun. */
    private final int[] written;
    private int begun;

    ColumnSink(MessageType schema, ColumnPages pages, PageEnd pageEnd) {
        this.schema = schema;
        this.pages = pages;
        this.pageEnd = pageEnd;
        this.record = new RecordEmitter(schema, pages);
        int columns = schema.getFieldCount();
        this.names = new String[columns];
        this.types = new PrimitiveTypeName[columns];
        this.optional = new boolean[columns];
        for (int i = 0; i < columns; i++) {
            PrimitiveType column = schema.getType(i).asPrimitiveType();
            names[i] = column.getName();
            types[i] = column.getPrimitiveTypeName();
            optional[i] = column.getRepetition() == Repetition.OPTIONAL;
        }
        this.written = new int[columns];
    }

    /**
     * Writes one record, value by value. The pages end first if the previous record filled them, so an element may
     * write any number of records (a polygon's pixels); the pages also end after an element's last record if it
     * filled them.
     */
    public RecordEmitter record() throws IOException {
        if (pages.full()) {
            pageEnd.endPages();
        }
        return record;
    }

    /**
     * Begins a run of up to {@code rows} rows and returns how many of them, at least one, go into the current page,
     * ending the page first if it is full. The count is what writing the rows one by one would put in the page:
     * {@code plainBytesPerRow[c]} is what each row adds to binary column {@code c} in PLAIN form (4 bytes of length
     * plus the value; 0 for a {@code NULL}), constant over the run, and ignored for other columns. The page ends
     * on its actual bytes, so a larger figure only splits the run in two; a smaller one would overfill the page.
     */
    public int beginRows(int rows, int[] plainBytesPerRow) throws IOException {
        if (begun != 0) {
            throw new IllegalStateException(String.format("%s: %s rows begun but not ended", schema.getName(), begun));
        }
        if (pages.full()) {
            pageEnd.endPages();
        }
        begun = pages.rowsThatFit(rows, plainBytesPerRow);
        return begun;
    }

    /** Writes {@code values[from, to)} into BOOLEAN column {@code column}. */
    public void booleans(int column, boolean[] values, int from, int to) {
        count(column, PrimitiveTypeName.BOOLEAN, to - from);
        pages.booleanPage(column).append(values, from, to);
    }

    /** Writes {@code values[from, to)} into INT32 column {@code column}. */
    public void int32s(int column, int[] values, int from, int to) {
        count(column, PrimitiveTypeName.INT32, to - from);
        pages.int32Page(column).append(values, from, to);
    }

    /** Writes {@code values[from, to)} into INT64 column {@code column}. */
    public void int64s(int column, long[] values, int from, int to) {
        count(column, PrimitiveTypeName.INT64, to - from);
        pages.int64Page(column).append(values, from, to);
    }

    /** Writes {@code value} {@code count} times into INT64 column {@code column}. */
    public void int64Run(int column, long value, int count) {
        count(column, PrimitiveTypeName.INT64, count);
        pages.int64Page(column).appendRun(value, count);
    }

    /** Writes {@code value} {@code count} times into TIMESTAMP(MICROS) column {@code column}. */
    public void timestampMicrosRun(int column, Instant value, int count) {
        int64Run(column, TimestampMicros.of(value), count);
    }

    /** Writes {@code values[from, to)} into DOUBLE column {@code column}, {@code NaN} as a value. */
    public void float64s(int column, double[] values, int from, int to) {
        count(column, PrimitiveTypeName.DOUBLE, to - from);
        pages.float64Page(column).append(values, from, to);
    }

    /** Writes {@code values[from, to)} into optional DOUBLE column {@code column}, each {@code NaN} as NULL. */
    public void float64sOrNull(int column, double[] values, int from, int to) {
        count(column, PrimitiveTypeName.DOUBLE, to - from);
        checkOptional(column, "NaN for NULL");
        pages.float64Page(column).appendOrNull(values, from, to);
    }

    /**
     * Writes {@code value} {@code count} times into BINARY column {@code column}, or {@code count} NULLs for a
     * {@code null} value (optional columns only). Parquet may keep {@code value}: it must not change afterwards.
     */
    public void binaryRun(int column, Binary value, int count) {
        count(column, PrimitiveTypeName.BINARY, count);
        if (value == null) {
            checkOptional(column, "NULL");
            pages.page(column).appendNulls(count);
        } else {
            pages.binaryPage(column).appendRun(value, count);
        }
    }

    /**
     * Writes {@code count} values of {@code width} bytes each, packed one after the other in {@code values}, into
     * BINARY column {@code column}; the array may be reused as soon as this returns.
     */
    public void fixedWidthBinaries(int column, byte[] values, int width, int count) {
        count(column, PrimitiveTypeName.BINARY, count);
        pages.binaryPage(column).appendFixedWidth(values, width, count);
    }

    /**
     * Ends the {@code rows} rows begun, each of which every column has been given.
     *
     * @throws IllegalStateException naming the first column with another count of values
     */
    public void endRows(int rows) {
        if (rows <= 0 || rows > begun) {
            throw new IllegalStateException(String.format("%s: %s rows ended, %s begun", schema.getName(), rows,
                    begun));
        }
        for (int c = 0; c < written.length; c++) {
            if (written[c] != rows) {
                throw new IllegalStateException(String.format("column %s.%s got %s values for %s rows",
                        schema.getName(), names[c], written[c], rows));
            }
        }
        Arrays.fill(written, 0);
        begun = 0;
        pages.endRows(rows);
    }

    private void count(int column, PrimitiveTypeName type, int count) {
        if (types[column] != type) {
            throw new IllegalStateException(String.format("column %s.%s is %s but was written as %s",
                    schema.getName(), names[column], types[column], type));
        }
        if (written[column] + count > begun) {
            throw new IllegalStateException(String.format("column %s.%s got %s values for %s rows begun",
                    schema.getName(), names[column], written[column] + count, begun));
        }
        written[column] += count;
    }

    private void checkOptional(int column, String what) {
        if (!optional[column]) {
            throw new IllegalStateException(String.format("column %s.%s is required but was written with %s",
                    schema.getName(), names[column], what));
        }
    }
}
