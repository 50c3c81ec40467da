package dev.stacstream.sinks.parquet;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * parquet-hadoop's bridge to a {@link TableFormat}: declares the schema when the file opens, writes each row
 * through the table's encoder, and adds the encoder's footer metadata (the GeoParquet {@code geo} key) when the file
 * closes, which is when a file's full extent is known.
 */
final class TableWriteSupport<T> extends WriteSupport<T> {

    /** Written to the footer as {@code writer.model.name}. */
    static final String WRITER_NAME = "stacstream";

    private final MessageType schema;
    private final TableFormat.FileEncoder<T> encoder;
    private RecordEmitter emitter;

    TableWriteSupport(TableFormat<T> format) {
        this.schema = format.schema();
        this.encoder = format.newFileEncoder();
    }

    // Deprecated in parquet 1.15 but still the abstract method: the ParquetConfiguration overload delegates here.
    @SuppressWarnings("deprecation")
    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        emitter = new RecordEmitter(schema, recordConsumer);
    }

    @Override
    public void write(T row) {
        encoder.write(row, emitter);
    }

    @Override
    public String getName() {
        return WRITER_NAME;
    }

    @Override
    public FinalizedWriteContext finalizeWrite() {
        return new FinalizedWriteContext(encoder.footerMetadata());
    }
}
