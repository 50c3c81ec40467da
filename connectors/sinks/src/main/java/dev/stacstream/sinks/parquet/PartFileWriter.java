package dev.stacstream.sinks.parquet;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.schema.MessageType;

/**
 * Writes one part file of a {@link TableFormat}: the table's encoder writes each element's rows into
 * {@link ColumnPages} (record by record or in runs of rows, through a {@link ColumnSink}), full pages are
 * compressed into the row group's page store, and full row groups go to parquet-java's {@link ParquetFileWriter},
 * which lays out the file, the column and offset indexes and the footer.
 *
 * <p>This replaces parquet-java's record writer, not its file format code: the pages, statistics and metadata are
 * the ones parquet-java defines; only the per-value path is columnar. A Flink {@link BulkWriter}: the
 * {@code FileSink} calls it from its writer subtask's thread, and closes the stream after {@link #finish()}.
 *
 * <p>A row the encoder rejects (a {@code NULL} in a required column) leaves part of it in the pages, so the file
 * cannot be finished: the exception fails the task, and the {@code FileSink} discards the in-progress file and
 * writes the rows again from the last checkpoint.
 *
 * @param <T> the table's element type
 */
final class PartFileWriter<T> implements BulkWriter<T> {

    /** Written to the footer as {@code writer.model.name}. */
    static final String WRITER_NAME = "stacstream";

    private final MessageType schema;
    private final List<ColumnDescriptor> columns;
    private final TableFormat.FileEncoder<T> encoder;
    private final FileLayout layout;
    private final ParquetProperties properties;
    private final ParquetFileWriter file;
    private final ZstdPageCompressor compressor;
    private final ColumnPages pages;
    private final ColumnSink sink;
    private ColumnChunkPageWriteStore rowGroup;
    private long rowGroupRows;

    PartFileWriter(TableFormat<T> format, FileLayout layout, FSDataOutputStream stream) throws IOException {
        this.schema = format.schema();
        this.columns = schema.getColumns();
        this.encoder = format.newFileEncoder();
        this.layout = layout;
        this.properties = ParquetProperties.builder().build();
        // No alignment padding: an object store or a local file has no blocks to align row groups to.
        this.file = new ParquetFileWriter(new StreamOutputFile(stream), schema, ParquetFileWriter.Mode.CREATE,
                layout.rowGroupBytes(), 0, null, properties);
        this.compressor = new ZstdPageCompressor(layout.zstdLevel());
        this.pages = new ColumnPages(format, layout);
        this.sink = new ColumnSink(schema, pages, this::endPages);
        file.start();
        rowGroup = newRowGroup();
    }

    @Override
    public void addElement(T element) throws IOException {
        encoder.write(element, sink);
        // A page that the element's last row filled ends now, as it would after a row of the next element.
        if (pages.full()) {
            endPages();
        }
    }

    /** Parquet cannot write part of a row group, so rows stay buffered until the row group or the file ends. */
    @Override
    public void flush() {
    }

    @Override
    public void finish() throws IOException {
        try {
            if (pages.rows() > 0) {
                endPages();
            }
            if (rowGroupRows > 0) {
                endRowGroup();
            }
            Map<String, String> footer = new HashMap<>(encoder.footerMetadata());
            footer.put(ParquetWriter.OBJECT_MODEL_NAME_PROP, WRITER_NAME);
            file.end(footer);
        } finally {
            rowGroup.close();
            compressor.release();
        }
    }

    private void endPages() throws IOException {
        rowGroupRows += pages.rows();
        try {
            pages.writeTo(rowGroup);
        } finally {
            compressor.endBatch();
        }
        if (bufferedBytes() >= layout.rowGroupBytes()) {
            endRowGroup();
        }
    }

    private long bufferedBytes() {
        long bytes = 0;
        for (ColumnDescriptor column : columns) {
            bytes += rowGroup.getPageWriter(column).getMemSize();
        }
        return bytes;
    }

    private void endRowGroup() throws IOException {
        try {
            pages.endRowGroup(rowGroup);
        } finally {
            compressor.endBatch();
        }
        file.startBlock(rowGroupRows);
        rowGroup.flushToFileWriter(file);
        file.endBlock();
        rowGroup.close();
        rowGroup = newRowGroup();
        rowGroupRows = 0;
    }

    private ColumnChunkPageWriteStore newRowGroup() {
        return new ColumnChunkPageWriteStore(compressor, schema, HeapByteBufferAllocator.getInstance(),
                properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled());
    }
}
