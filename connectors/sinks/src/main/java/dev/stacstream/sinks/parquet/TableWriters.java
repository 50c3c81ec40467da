package dev.stacstream.sinks.parquet;

import java.io.IOException;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.formats.parquet.ParquetBuilder;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/**
 * Flink bulk writers for a {@link TableFormat}, and how every part file is written: zstd, and row groups small
 * enough that many open buckets per subtask stay cheap. Files are rolled at each checkpoint, so a part file holds
 * one checkpoint interval of one bucket; the row-group size rarely binds and mainly bounds a writer's memory.
 *
 * <p>As a {@link ParquetBuilder}, it is called by Flink's {@link ParquetWriterFactory} for each new part file, on the
 * writer subtask, with the file's stream.
 */
public final class TableWriters<T> implements ParquetBuilder<T> {

    private static final long serialVersionUID = 1L;

    /** Upper bound of a row group's buffered size before it is flushed. */
    static final long ROW_GROUP_SIZE_BYTES = 32L * 1024 * 1024;
    /** Target size of a data page. */
    static final int PAGE_SIZE_BYTES = 1024 * 1024;
    /** zstd level; 3 is zstd's default, a good speed/size balance for these small numeric tables. */
    static final int ZSTD_LEVEL = 3;
    private static final String ZSTD_LEVEL_KEY = "parquet.compression.codec.zstd.level";

    private final TableFormat<T> format;

    private TableWriters(TableFormat<T> format) {
        this.format = format;
    }

    /** The {@code FileSink} bulk-writer factory for {@code table}'s part files. */
    public static <T> BulkWriter.Factory<T> factory(TableFormat<T> table) {
        return new ParquetWriterFactory<>(new TableWriters<>(table));
    }

    @Override
    public ParquetWriter<T> createWriter(OutputFile out) throws IOException {
        // No Hadoop default resources: nothing on the classpath (a stray core-site.xml) may change the files.
        Configuration conf = new Configuration(false);
        conf.setInt(ZSTD_LEVEL_KEY, ZSTD_LEVEL);
        Builder<T> builder = new Builder<>(out, format)
                .withConf(conf)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withRowGroupSize(ROW_GROUP_SIZE_BYTES)
                .withPageSize(PAGE_SIZE_BYTES);
        for (String column : format.columnsWithoutStatistics()) {
            builder = builder.withStatisticsEnabled(column, false);
        }
        return builder.build();
    }

    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {

        private final TableFormat<T> format;

        Builder(OutputFile out, TableFormat<T> format) {
            super(out);
            this.format = format;
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        // Deprecated in parquet 1.15 but still the abstract method: the ParquetConfiguration overload delegates here.
        @SuppressWarnings("deprecation")
        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return new TableWriteSupport<>(format);
        }
    }
}
