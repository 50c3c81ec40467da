package dev.stacstream.sinks.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.sinks.bucket.ErrorDateBucketAssigner;
import dev.stacstream.sinks.bucket.GridStatsBucketAssigner;
import dev.stacstream.sinks.geo.GeoParquetMetadata;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.GridStatsRow;
import dev.stacstream.sinks.testing.ParquetRecords;
import dev.stacstream.sinks.testing.PartFiles;
import dev.stacstream.sinks.testing.RowBatches;
import dev.stacstream.sinks.testing.SampleRows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** parquet-hadoop, the Java reference reader, reads the part files: schema, footer metadata and records. */
class ParquetHadoopReadBackTest {

    private static final int ROWS = 30;

    @Test
    void gridStatsFileHasTheTableSchemaGeoFooterAndRecords(@TempDir Path root) throws IOException {
        List<GridStatsRow> rows = LongStream.range(0, ROWS).map(i -> i * SampleRows.COLLECTIONS.size()
                * SampleRows.PERIODS.size()).mapToObj(SampleRows::gridStats).toList();
        Path table = PartFiles.write(root, new GridStatsTable(), new GridStatsBucketAssigner(), RowBatches.of(rows));
        Path file = table.resolve("collection=sentinel-2-l2a/period=2020-02-19/grid_stats-0.parquet");

        ParquetMetadata footer = ParquetRecords.footer(file);
        List<Group> records = ParquetRecords.read(file);

        assertThat(footer.getFileMetaData().getSchema()).isEqualTo(new GridStatsTable().schema());
        Map<String, String> keyValues = footer.getFileMetaData().getKeyValueMetaData();
        assertThat(keyValues).containsEntry("writer.model.name", PartFileWriter.WRITER_NAME);
        assertThat(keyValues.get(GeoParquetMetadata.KEY)).startsWith("{\"version\":\"1.1.0\"");
        assertThat(chunks(footer)).extracting(ColumnChunkMetaData::getCodec).containsOnly(CompressionCodecName.ZSTD);
        assertThat(records).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            GridStatsRow expected = rows.get(i);
            Group record = records.get(i);
            assertThat(record.getString("collection", 0)).isEqualTo(expected.collection());
            assertThat(record.getString("period", 0)).isEqualTo(expected.period().label());
            assertThat(record.getLong("cell_x", 0)).isEqualTo(expected.cell().cellX());
            assertThat(record.getDouble("x", 0)).isEqualTo(expected.x());
            assertThat(record.getLong("count_valid", 0)).isEqualTo(expected.stats().countValid());
            assertThat(record.getFieldRepetitionCount("mean")).isEqualTo(expected.stats().countValid() == 0 ? 0 : 1);
            assertThat(record.getInteger("items", 0)).isEqualTo(expected.items());
            assertThat(record.getBinary("geometry", 0).length()).isEqualTo(93);
        }
    }

    @Test
    void errorsFileHasTheTableSchemaAndRecords(@TempDir Path root) throws IOException {
        List<ErrorRow> rows = List.of(SampleRows.error(1), SampleRows.error(2), SampleRows.error(4));
        Path table = PartFiles.write(root, new ErrorsTable(), new ErrorDateBucketAssigner(), rows);
        Path file = table.resolve("date=2024-05-02/errors-0.parquet");

        List<Group> records = ParquetRecords.read(file);

        assertThat(ParquetRecords.footer(file).getFileMetaData().getSchema()).isEqualTo(new ErrorsTable().schema());
        assertThat(records).extracting(r -> r.getString("item_id", 0)).containsExactly("item-1", "item-2", "item-4");
        assertThat(records).extracting(r -> r.getFieldRepetitionCount("block")).containsExactly(0, 1, 0);
        assertThat(records.get(1).getLong("block", 0)).isEqualTo(2L);
        assertThat(records.get(1).getInteger("attempts", 0)).isEqualTo(3);
    }

    private static List<ColumnChunkMetaData> chunks(ParquetMetadata footer) {
        List<ColumnChunkMetaData> chunks = new ArrayList<>();
        for (BlockMetaData block : footer.getBlocks()) {
            chunks.addAll(block.getColumns());
        }
        return chunks;
    }
}
