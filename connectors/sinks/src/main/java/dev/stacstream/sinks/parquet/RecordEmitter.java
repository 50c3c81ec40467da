package dev.stacstream.sinks.parquet;

import static org.apache.flink.util.Preconditions.checkState;

import java.time.Instant;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;

/**
 * Writes one flat Parquet record field by field, in schema order, onto a {@link RecordConsumer}.
 *
 * <p>Each call writes the next column and checks it against the schema: its physical type, and that only an
 * optional column gets a {@code NULL}; {@link #end()} checks that every column was written. A table's encoder
 * therefore reads as its column list, and a column added to the schema but not to the encoder (or the reverse)
 * fails on the first row, naming the column. Not thread-safe: one per file writer.
 */
public final class RecordEmitter {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int NANOS_PER_MICRO = 1_000;

    private final MessageType schema;
    private final RecordConsumer out;
    private int next;

    RecordEmitter(MessageType schema, RecordConsumer out) {
        this.schema = schema;
        this.out = out;
    }

    /** Starts a record. */
    public RecordEmitter start() {
        out.startMessage();
        next = 0;
        return this;
    }

    /** Writes a UTF-8 string column; {@code null} only for an optional one. */
    public RecordEmitter string(String value) {
        if (value == null) {
            return nullValue();
        }
        open(PrimitiveTypeName.BINARY);
        out.addBinary(Binary.fromString(value));
        return close();
    }

    /** Writes an INT32 column. */
    public RecordEmitter int32(int value) {
        open(PrimitiveTypeName.INT32);
        out.addInteger(value);
        return close();
    }

    /** Writes an INT64 column. */
    public RecordEmitter int64(long value) {
        open(PrimitiveTypeName.INT64);
        out.addLong(value);
        return close();
    }

    /** Writes an optional INT64 column, {@code NULL} for {@code null}. */
    public RecordEmitter int64(Long value) {
        return value == null ? nullValue() : int64(value.longValue());
    }

    /** Writes a DOUBLE column. */
    public RecordEmitter float64(double value) {
        open(PrimitiveTypeName.DOUBLE);
        out.addDouble(value);
        return close();
    }

    /** Writes an optional DOUBLE column: {@code NaN}, the rows' "no value", becomes {@code NULL}. */
    public RecordEmitter float64OrNull(double value) {
        return Double.isNaN(value) ? nullValue() : float64(value);
    }

    /** Writes a TIMESTAMP(MICROS) column; sub-microsecond digits are truncated towards the past. */
    public RecordEmitter timestampMicros(Instant value) {
        open(PrimitiveTypeName.INT64);
        // Instant's nano-of-second is never negative, so this floors for instants before 1970 too.
        long micros = Math.addExact(Math.multiplyExact(value.getEpochSecond(), MICROS_PER_SECOND),
                value.getNano() / NANOS_PER_MICRO);
        out.addLong(micros);
        return close();
    }

    /** Writes a byte-array column. */
    public RecordEmitter bytes(byte[] value) {
        open(PrimitiveTypeName.BINARY);
        out.addBinary(Binary.fromConstantByteArray(value));
        return close();
    }

    /** Ends the record, which must have a value (or {@code NULL}) for every column. */
    public void end() {
        checkState(next == schema.getFieldCount(), "record of %s ended after %s of its %s columns",
                schema.getName(), next, schema.getFieldCount());
        out.endMessage();
    }

    private RecordEmitter nullValue() {
        PrimitiveType column = column();
        checkState(column.getRepetition() == Repetition.OPTIONAL, "column %s.%s is required but got NULL",
                schema.getName(), column.getName());
        next++;
        return this;
    }

    private void open(PrimitiveTypeName type) {
        PrimitiveType column = column();
        checkState(column.getPrimitiveTypeName() == type, "column %s.%s is %s but was written as %s",
                schema.getName(), column.getName(), column.getPrimitiveTypeName(), type);
        out.startField(column.getName(), next);
    }

    private RecordEmitter close() {
        out.endField(schema.getFieldName(next), next);
        next++;
        return this;
    }

    private PrimitiveType column() {
        checkState(next < schema.getFieldCount(), "record of %s has more values than its %s columns",
                schema.getName(), schema.getFieldCount());
        return schema.getType(next).asPrimitiveType();
    }
}
