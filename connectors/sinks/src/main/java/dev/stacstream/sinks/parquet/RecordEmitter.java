package dev.stacstream.sinks.parquet;

import java.time.Instant;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;

/**
 * Writes one flat Parquet record field by field, in schema order, into a {@link RecordSink} (the column pages of
 * the part file being written).
 *
 * <p>Each call writes the next column and checks it against the schema: its physical type, and that only an
 * optional column gets a {@code NULL}; {@link #end()} checks that every column was written. A table's encoder
 * therefore reads as its column list, and a column added to the schema but not to the encoder (or the reverse)
 * fails on the first row, naming the column. Not thread-safe: one per file writer.
 *
 * <p>It runs once per column of every output row (millions per tile), so the checks read arrays taken from the
 * schema once, build their messages only when they fail, and a string column keeps the UTF-8 bytes of its last
 * value: the label columns ({@code collection}, {@code band}, {@code crs}, …) repeat the same value for long runs
 * of rows, and are encoded once per run instead of once per row.
 */
public final class RecordEmitter {

    private final MessageType schema;
    private final RecordSink out;
    private final String[] names;
    private final PrimitiveTypeName[] types;
    private final boolean[] optional;
    /** Per column: the last string written and its bytes, as a constant {@link Binary} parquet may keep. */
    private final LabelBinary[] labels;
    private int next;

    RecordEmitter(MessageType schema, RecordSink out) {
        this.schema = schema;
        this.out = out;
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
        this.labels = new LabelBinary[columns];
        for (int i = 0; i < columns; i++) {
            labels[i] = new LabelBinary();
        }
    }

    /** Starts a record. */
    public RecordEmitter start() {
        next = 0;
        return this;
    }

    /** Writes a UTF-8 string column; {@code null} only for an optional one. */
    public RecordEmitter string(String value) {
        if (value == null) {
            return nullValue();
        }
        open(PrimitiveTypeName.BINARY);
        out.binary(next, labels[next].of(value));
        return close();
    }

    /** Writes a BOOLEAN column. */
    public RecordEmitter bool(boolean value) {
        open(PrimitiveTypeName.BOOLEAN);
        out.bool(next, value);
        return close();
    }

    /** Writes an optional BOOLEAN column, {@code NULL} for {@code null}. */
    public RecordEmitter bool(Boolean value) {
        return value == null ? nullValue() : bool(value.booleanValue());
    }

    /** Writes an INT32 column. */
    public RecordEmitter int32(int value) {
        open(PrimitiveTypeName.INT32);
        out.int32(next, value);
        return close();
    }

    /** Writes an INT64 column. */
    public RecordEmitter int64(long value) {
        open(PrimitiveTypeName.INT64);
        out.int64(next, value);
        return close();
    }

    /** Writes an optional INT64 column, {@code NULL} for {@code null}. */
    public RecordEmitter int64(Long value) {
        return value == null ? nullValue() : int64(value.longValue());
    }

    /** Writes a DOUBLE column. */
    public RecordEmitter float64(double value) {
        open(PrimitiveTypeName.DOUBLE);
        out.float64(next, value);
        return close();
    }

    /** Writes an optional DOUBLE column: {@code NaN}, the rows' "no value", becomes {@code NULL}. */
    public RecordEmitter float64OrNull(double value) {
        return Double.isNaN(value) ? nullValue() : float64(value);
    }

    /** Writes a TIMESTAMP(MICROS) column; sub-microsecond digits are truncated towards the past. */
    public RecordEmitter timestampMicros(Instant value) {
        open(PrimitiveTypeName.INT64);
        out.int64(next, TimestampMicros.of(value));
        return close();
    }

    /** Writes a byte-array column; {@code value} must not change afterwards (parquet may keep it). */
    public RecordEmitter bytes(byte[] value) {
        open(PrimitiveTypeName.BINARY);
        out.binary(next, Binary.fromConstantByteArray(value));
        return close();
    }

    /** Ends the record, which must have a value (or {@code NULL}) for every column. */
    public void end() {
        if (next != names.length) {
            throw new IllegalStateException(String.format("record of %s ended after %s of its %s columns",
                    schema.getName(), next, names.length));
        }
        out.endRecord();
    }

    private RecordEmitter nullValue() {
        checkColumnLeft();
        if (!optional[next]) {
            throw new IllegalStateException(String.format("column %s.%s is required but got NULL",
                    schema.getName(), names[next]));
        }
        out.nullValue(next);
        next++;
        return this;
    }

    private void open(PrimitiveTypeName type) {
        checkColumnLeft();
        if (types[next] != type) {
            throw new IllegalStateException(String.format("column %s.%s is %s but was written as %s",
                    schema.getName(), names[next], types[next], type));
        }
    }

    private RecordEmitter close() {
        next++;
        return this;
    }

    private void checkColumnLeft() {
        if (next >= names.length) {
            throw new IllegalStateException(String.format("record of %s has more values than its %s columns",
                    schema.getName(), names.length));
        }
    }
}
