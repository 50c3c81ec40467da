package dev.stacstream.sinks.parquet;

import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.schema.MessageType;

/**
 * One output table's Parquet layout: its schema and how its elements become rows. Stateless and serializable,
 * because the sink ships it to every writer subtask; per-file state lives in the {@link FileEncoder} each part file
 * gets.
 *
 * @param <T> the table's element type: one row ({@code errors}) or a batch of rows ({@code grid_stats})
 */
public interface TableFormat<T> extends Serializable {

    /** The table's name: its folder under the output root and the prefix of its part files. */
    String tableName();

    /** The Parquet schema of every part file. */
    MessageType schema();

    /** Columns whose min/max statistics carry no meaning (e.g. WKB), left out of the footer. */
    default Set<String> columnsWithoutStatistics() {
        return Set.of();
    }

    /**
     * How {@code column}'s values are encoded in its pages: {@link Encoding#PLAIN} (the default, any type),
     * {@link Encoding#BYTE_STREAM_SPLIT} (DOUBLE) or {@link Encoding#DELTA_BINARY_PACKED} (INT64), for columns that
     * compress smaller and faster that way; or {@link Encoding#RLE_DICTIONARY} (BINARY) for a column of a few
     * repeated values, written as parquet-java's V1 writers do (dictionary and data pages marked
     * {@code PLAIN_DICTIONARY}). The first two are in the Parquet format since 2.8 (2019) and 2.2 (2015): DuckDB
     * (0.10+ for the split), parquet-java and Arrow (7+ for the delta) read them, an older reader may not.
     */
    default Encoding valuesEncoding(String column) {
        return Encoding.PLAIN;
    }

    /** A fresh encoder for one part file. */
    FileEncoder<T> newFileEncoder();

    /** Encodes the elements of one part file and states the file's footer metadata once they are all written. */
    interface FileEncoder<T> {

        /** Writes the row or rows of {@code element}, one record at a time or in runs of rows. */
        void write(T element, ColumnSink out) throws IOException;

        /** Key-value metadata for the footer, about the rows written so far. */
        Map<String, String> footerMetadata();
    }
}
