package dev.stacstream.sinks.kerchunk.parquet;

import dev.stacstream.sinks.kerchunk.ChunkRef;
import dev.stacstream.sinks.kerchunk.ManifestFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * One {@code refs.<n>.parq} file of kerchunk's Parquet layout (spec §1.2): exactly {@code record_size} rows of
 * {@code path} (UTF-8, nullable), {@code offset}, {@code size} (int64) and {@code raw} (bytes, nullable), zstd, one
 * row group, no statistics. A row is a {@link ChunkRef} or {@code null} for an absent chunk / padding.
 */
public final class RecordFile {

    /** The columns fsspec's {@code LazyReferenceMapper} writes and reads. */
    public static final MessageType SCHEMA = Types.buildMessage()
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("path")
            .required(PrimitiveTypeName.INT64).named("offset")
            .required(PrimitiveTypeName.INT64).named("size")
            .optional(PrimitiveTypeName.BINARY).named("raw")
            .named("schema");

    /** One record file is one row group: it is small (at most record_size rows), and readers load it whole. */
    private static final long ROW_GROUP_SIZE_BYTES = 256L * 1024 * 1024;
    private static final int ZSTD_LEVEL = 3;
    private static final String ZSTD_LEVEL_KEY = "parquet.compression.codec.zstd.level";

    private RecordFile() {}

    /** The Parquet bytes of {@code rows} (nulls are padding rows). */
    public static byte[] encode(ChunkRef[] rows) {
        InMemoryFiles.Output out = new InMemoryFiles.Output();
        Configuration conf = new Configuration(false);
        conf.setInt(ZSTD_LEVEL_KEY, ZSTD_LEVEL);
        try (ParquetWriter<Row> writer = new Builder(out).withConf(conf)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withRowGroupSize(ROW_GROUP_SIZE_BYTES)
                .withStatisticsEnabled(false)
                .withSizeStatisticsEnabled(false)
                .build()) {
            for (ChunkRef ref : rows) {
                writer.write(new Row(ref));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a record file of " + rows.length + " rows", e);
        }
        return out.toByteArray();
    }

    /**
     * The rows of a record file (written by this class, fastparquet or pyarrow).
     *
     * @param source the file's location, named in errors
     * @throws ManifestFormatException if it is not a record file
     */
    public static ChunkRef[] decode(byte[] data, String source) {
        List<ChunkRef> rows = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new InMemoryFiles.Input(data))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            for (String column : new String[] {"path", "offset", "size", "raw"}) {
                if (!schema.containsField(column)) {
                    throw new ManifestFormatException(source, "record file has no column '" + column + "'");
                }
            }
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                Map<String, String> internedPaths = new HashMap<>();
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.add(row(records.read(), internedPaths));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ManifestFormatException m) {
                throw m;
            }
            throw new ManifestFormatException(source, "not a readable Parquet record file: " + e.getMessage(), e);
        }
        return rows.toArray(new ChunkRef[0]);
    }

    private static ChunkRef row(Group g, Map<String, String> internedPaths) {
        if (g.getFieldRepetitionCount("raw") > 0) {
            return new ChunkRef.Inline(g.getBinary("raw", 0).getBytes());
        }
        if (g.getFieldRepetitionCount("path") == 0) {
            return null;
        }
        String path = internedPaths.computeIfAbsent(g.getString("path", 0), p -> p);
        long offset = g.getFieldRepetitionCount("offset") > 0 ? g.getLong("offset", 0) : 0;
        long size = g.getFieldRepetitionCount("size") > 0 ? g.getLong("size", 0) : 0;
        return new ChunkRef.Range(path, offset, size);
    }

    /** One row; {@code ref} is {@code null} for a padding row (parquet-java does not write null records). */
    private record Row(ChunkRef ref) {}

    private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
        Builder(InMemoryFiles.Output out) {
            super(out);
        }

        @Override
        protected Builder self() {
            return this;
        }

        // Deprecated in parquet 1.15 but still the abstract method: the ParquetConfiguration overload delegates here.
        @SuppressWarnings("deprecation")
        @Override
        protected WriteSupport<Row> getWriteSupport(Configuration conf) {
            return new RowWriteSupport();
        }
    }

    private static final class RowWriteSupport extends WriteSupport<Row> {
        private RecordConsumer consumer;

        @SuppressWarnings("deprecation")
        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(SCHEMA, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(Row row) {
            consumer.startMessage();
            if (row.ref() instanceof ChunkRef.Range r) {
                field(0, "path", Binary.fromString(r.url()));
                longField(1, "offset", r.offset());
                longField(2, "size", r.length());
            } else {
                longField(1, "offset", 0);
                longField(2, "size", 0);
                if (row.ref() instanceof ChunkRef.Inline i) {
                    field(3, "raw", Binary.fromConstantByteArray(i.data()));
                }
            }
            consumer.endMessage();
        }

        private void field(int index, String name, Binary value) {
            consumer.startField(name, index);
            consumer.addBinary(value);
            consumer.endField(name, index);
        }

        private void longField(int index, String name, long value) {
            consumer.startField(name, index);
            consumer.addLong(value);
            consumer.endField(name, index);
        }
    }
}
