package dev.stacstream.sinks.parquet;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/** A {@link RecordSink} that records the calls it gets as readable events, e.g. {@code 2 cell_x = 7}. */
final class RecordingSink implements RecordSink {

    final List<String> events = new ArrayList<>();
    /** Every binary value as received, to check how it was marked (constant or reused). */
    final List<Binary> binaries = new ArrayList<>();
    private final MessageType schema;

    RecordingSink(MessageType schema) {
        this.schema = schema;
    }

    @Override
    public void bool(int column, boolean value) {
        record(column, value);
    }

    @Override
    public void int32(int column, int value) {
        record(column, value);
    }

    @Override
    public void int64(int column, long value) {
        record(column, value);
    }

    @Override
    public void float64(int column, double value) {
        record(column, value);
    }

    @Override
    public void binary(int column, Binary value) {
        binaries.add(value);
        record(column, value.toStringUsingUTF8());
    }

    @Override
    public void nullValue(int column) {
        record(column, "NULL");
    }

    @Override
    public void endRecord() {
        events.add("end");
    }

    private void record(int column, Object value) {
        events.add(column + " " + schema.getFieldName(column) + " = " + value);
    }
}
