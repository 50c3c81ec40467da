package dev.stacstream.sinks.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;

/**
 * Reads a local Parquet file back with parquet-java's own reader, independent of the sink's writer: its records in
 * the example {@link Group} model, and its footer.
 */
public final class ParquetRecords {

    private ParquetRecords() {}

    /** Every record of {@code file}, in file order. */
    public static List<Group> read(Path file) throws IOException {
        List<Group> records = new ArrayList<>();
        try (ParquetReader<Group> reader = new GroupReader(new LocalInputFile(file)).build()) {
            for (Group record = reader.read(); record != null; record = reader.read()) {
                records.add(record);
            }
        }
        return records;
    }

    /** The footer of {@code file}: schema, row groups, key-value metadata. */
    public static ParquetMetadata footer(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getFooter();
        }
    }

    /** parquet-hadoop's example record model, on a local {@link InputFile} rather than a Hadoop file system. */
    private static final class GroupReader extends ParquetReader.Builder<Group> {

        GroupReader(InputFile file) {
            super(file);
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
