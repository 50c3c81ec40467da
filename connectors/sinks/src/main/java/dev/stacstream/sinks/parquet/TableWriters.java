package dev.stacstream.sinks.parquet;

import java.io.IOException;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * Flink bulk writers for a {@link TableFormat}: each part file is Parquet with zstd-compressed pages in the
 * encodings the table asks for, page statistics and a page index, written by a {@link PartFileWriter} in the
 * layout of {@link FileLayout#DEFAULT}.
 * Files are rolled at each checkpoint, so a part file holds one checkpoint interval of one bucket; the row-group
 * size rarely binds and mainly bounds a writer's memory.
 *
 * <p>Serializable, as the {@code FileSink} ships it to every writer subtask, which calls {@link #create} for each
 * new part file with the file's stream.
 */
public final class TableWriters<T> implements BulkWriter.Factory<T> {

    private static final long serialVersionUID = 2L;

    private final TableFormat<T> format;
    private final FileLayout layout;

    private TableWriters(TableFormat<T> format, FileLayout layout) {
        this.format = format;
        this.layout = layout;
    }

    /** The {@code FileSink} bulk-writer factory for {@code table}'s part files. */
    public static <T> BulkWriter.Factory<T> factory(TableFormat<T> table) {
        return new TableWriters<>(table, FileLayout.DEFAULT);
    }

    /** The same with another layout, to exercise page and row-group boundaries with few rows. */
    static <T> BulkWriter.Factory<T> factory(TableFormat<T> table, FileLayout layout) {
        return new TableWriters<>(table, layout);
    }

    @Override
    public BulkWriter<T> create(FSDataOutputStream out) throws IOException {
        return new PartFileWriter<>(format, layout, out);
    }
}
