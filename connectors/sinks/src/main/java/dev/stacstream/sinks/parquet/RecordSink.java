package dev.stacstream.sinks.parquet;

import org.apache.parquet.io.api.Binary;

/**
 * Where a {@link RecordEmitter} puts the values of each record: one call per column, by column index in schema
 * order, then {@link #endRecord}. The emitter has already checked each value against the column's type and
 * repetition.
 */
interface RecordSink {

    void bool(int column, boolean value);

    void int32(int column, int value);

    void int64(int column, long value);

    void float64(int column, double value);

    /** A binary value; parquet copies its bytes before the call returns unless {@code value} is constant. */
    void binary(int column, Binary value);

    void nullValue(int column);

    /** Every column of the record has been given a value or {@code NULL}. */
    void endRecord();
}
