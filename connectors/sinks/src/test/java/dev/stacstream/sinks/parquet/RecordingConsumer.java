package dev.stacstream.sinks.parquet;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** A {@link RecordConsumer} that records the calls it gets as readable events, e.g. {@code field 2 cell_x = 7}. */
final class RecordingConsumer extends RecordConsumer {

    final List<String> events = new ArrayList<>();
    /** Every binary value as received, to check how it was marked (constant or reused). */
    final List<Binary> binaries = new ArrayList<>();
    private String openField;

    @Override
    public void startMessage() {
        events.add("start");
    }

    @Override
    public void endMessage() {
        events.add("end");
    }

    @Override
    public void startField(String field, int index) {
        openField = "field " + index + " " + field;
    }

    @Override
    public void endField(String field, int index) {
        openField = null;
    }

    @Override
    public void startGroup() {
        throw new UnsupportedOperationException("the tables are flat");
    }

    @Override
    public void endGroup() {
        throw new UnsupportedOperationException("the tables are flat");
    }

    @Override
    public void addInteger(int value) {
        events.add(openField + " = " + value);
    }

    @Override
    public void addLong(long value) {
        events.add(openField + " = " + value);
    }

    @Override
    public void addBoolean(boolean value) {
        events.add(openField + " = " + value);
    }

    @Override
    public void addBinary(Binary value) {
        binaries.add(value);
        events.add(openField + " = " + value.toStringUsingUTF8());
    }

    @Override
    public void addFloat(float value) {
        events.add(openField + " = " + value);
    }

    @Override
    public void addDouble(double value) {
        events.add(openField + " = " + value);
    }
}
