package dev.stacstream.sinks.parquet;

import static dev.stacstream.sinks.testing.DuckDb.literal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.sinks.row.GridStatsBatch;
import dev.stacstream.sinks.row.GridStatsRow;
import dev.stacstream.sinks.testing.DuckDb;
import dev.stacstream.sinks.testing.ExpectedColumns;
import dev.stacstream.sinks.testing.ParquetRecords;
import dev.stacstream.sinks.testing.RowBatches;
import dev.stacstream.sinks.testing.SampleRows;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem.WriteMode;
import org.apache.flink.core.fs.local.LocalFileSystem;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code grid_stats} part file cut into many pages and row groups: DuckDB reads every row back, and the footer
 * statistics and page index agree with parquet-java's own statistics of the values it reads back, page by page.
 * The rows go in as the job's batches ({@link RowBatches}), whose runs the pages cut wherever a page ends.
 */
class PartFileWriterTest {

    private static final int ROWS = 3_000;
    /** Row groups close after about 16 kB of compressed pages: several per file. */
    private static final long SMALL_ROW_GROUP_BYTES = 16 * 1024;
    /** Every {@value}th row has no tile: an optional string column with NULLs. */
    private static final int NO_TILE_EVERY = 7;

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("pages end at 100 rows",
                        new FileLayout(SMALL_ROW_GROUP_BYTES, FileLayout.PAGE_SIZE_BYTES, 100, FileLayout.ZSTD_LEVEL)),
                Arguments.of("pages end at 4 kB of WKB (42 rows)",
                        new FileLayout(SMALL_ROW_GROUP_BYTES, 4 * 1024, FileLayout.PAGE_ROWS, FileLayout.ZSTD_LEVEL)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void duckDbReadsEveryRowBack(String name, FileLayout layout, @TempDir Path dir) throws Exception {
        List<GridStatsRow> rows = rows();
        Path file = write(dir, layout, rows);

        try (DuckDb db = new DuckDb()) {
            List<Map<String, Object>> read = db.query(ExpectedColumns.GRID_STATS_SELECT + " FROM read_parquet("
                    + literal(file.toString()) + ")");

            assertThat(read).containsExactlyInAnyOrderElementsOf(rows.stream().map(ExpectedColumns::of).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void statisticsAndPageIndexesMatchTheValues(String name, FileLayout layout, @TempDir Path dir) throws IOException {
        Path file = write(dir, layout, rows());
        MessageType schema = new GridStatsTable().schema();
        List<Group> records = ParquetRecords.read(file);

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            List<BlockMetaData> rowGroups = reader.getFooter().getBlocks();
            assertThat(rowGroups).as("row groups").hasSizeGreaterThan(1);
            long firstRow = 0;
            for (BlockMetaData rowGroup : rowGroups) {
                for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
                    String column = chunk.getPath().toDotString();
                    ColumnDescriptor descriptor = schema.getColumnDescription(chunk.getPath().toArray());
                    OffsetIndex pages = reader.readOffsetIndex(chunk);
                    assertThat(pages.getPageCount()).as("pages of %s", column).isGreaterThan(1);
                    assertThat(chunk.getEncodings()).as(column).contains(writtenAs(column));
                    assertThat(chunk.hasDictionaryPage()).as("dictionary of %s", column)
                            .isEqualTo(writtenAs(column) == Encoding.PLAIN_DICTIONARY);
                    if (column.equals(GridStatsTable.GEOMETRY)) {
                        assertThat(chunk.getStatistics().hasNonNullValue()).isFalse();
                        continue;
                    }
                    assertThat(chunk.getStatistics()).as("statistics of %s", column).isEqualTo(statisticsOf(
                            records, descriptor, firstRow, firstRow + rowGroup.getRowCount()));
                    ColumnIndex index = reader.readColumnIndex(chunk);
                    for (int p = 0; p < pages.getPageCount(); p++) {
                        long pageStart = firstRow + pages.getFirstRowIndex(p);
                        Statistics<?> page = statisticsOf(records, descriptor, pageStart,
                                firstRow + pages.getLastRowIndex(p, rowGroup.getRowCount()) + 1);
                        assertThat(index.getNullCounts().get(p)).as("nulls of %s page %s", column, p)
                                .isEqualTo(page.getNumNulls());
                        if (page.hasNonNullValue()) {
                            assertThat(bytes(index.getMinValues().get(p))).as("min of %s page %s", column, p)
                                    .isEqualTo(page.getMinBytes());
                            assertThat(bytes(index.getMaxValues().get(p))).as("max of %s page %s", column, p)
                                    .isEqualTo(page.getMaxBytes());
                        }
                    }
                }
                firstRow += rowGroup.getRowCount();
            }
            assertThat(firstRow).isEqualTo(ROWS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aDictionaryThatOutgrowsItsPageFallsBackToPlainPages(String name, FileLayout layout, @TempDir Path dir)
            throws Exception {
        // Tile ids of 120 bytes, all distinct: the dictionary passes its 1 MiB after about 8,700 rows.
        List<GridStatsRow> rows = LongStream.range(0, 12_000).mapToObj(i -> {
            GridStatsRow row = SampleRows.gridStats(i * SampleRows.COLLECTIONS.size() * SampleRows.PERIODS.size());
            String tile = String.format("%0120d", i);
            return new GridStatsRow(row.collection(), tile, row.period(), row.band(), row.cell(), row.crs(),
                    row.stats(), row.items());
        }).toList();
        FileLayout oneRowGroup = new FileLayout(FileLayout.ROW_GROUP_SIZE_BYTES, layout.pageBytes(), layout.pageRows(),
                layout.zstdLevel());
        Path file = write(dir, oneRowGroup, rows);

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file));
                DuckDb db = new DuckDb()) {
            ColumnChunkMetaData tiles = reader.getFooter().getBlocks().get(0).getColumns().get(1);
            List<Map<String, Object>> read = db.query("SELECT tile FROM read_parquet(" + literal(file.toString())
                    + ") ORDER BY tile");

            assertThat(tiles.getPath().toDotString()).isEqualTo("tile");
            assertThat(tiles.getEncodings()).contains(Encoding.PLAIN_DICTIONARY, Encoding.PLAIN);
            assertThat(read).extracting(r -> r.get("tile")).containsExactlyElementsOf(
                    rows.stream().map(GridStatsRow::tile).sorted().toList());
            assertThat(ParquetRecords.read(file)).extracting(r -> r.getString("tile", 0)).as("parquet-java, in file order")
                    .containsExactlyElementsOf(rows.stream().map(GridStatsRow::tile).toList());
        }
    }

    /** How the writer marks {@code column}'s pages: parquet-java's V1 name for a dictionary-encoded page. */
    private static Encoding writtenAs(String column) {
        Encoding requested = new GridStatsTable().valuesEncoding(column);
        return requested == Encoding.RLE_DICTIONARY ? Encoding.PLAIN_DICTIONARY : requested;
    }

    /** Rows of one collection and period, every 5th without a valid pixel and every 7th without a tile. */
    private static List<GridStatsRow> rows() {
        int oneBucket = SampleRows.COLLECTIONS.size() * SampleRows.PERIODS.size();
        return LongStream.range(0, ROWS).mapToObj(i -> {
            GridStatsRow row = SampleRows.gridStats(i * oneBucket);
            return i % NO_TILE_EVERY == 0 ? new GridStatsRow(row.collection(), null, row.period(), row.band(),
                    row.cell(), row.crs(), row.stats(), row.items()) : row;
        }).toList();
    }

    private static Path write(Path dir, FileLayout layout, List<GridStatsRow> rows) throws IOException {
        Path file = dir.resolve("grid_stats.parquet");
        try (FSDataOutputStream out = LocalFileSystem.getSharedInstance()
                .create(new org.apache.flink.core.fs.Path(file.toUri()), WriteMode.NO_OVERWRITE)) {
            BulkWriter<GridStatsBatch> writer = TableWriters.factory(new GridStatsTable(), layout).create(out);
            for (GridStatsBatch batch : RowBatches.of(rows)) {
                writer.addElement(batch);
            }
            writer.finish();
        }
        return file;
    }

    /** parquet-java's statistics of {@code column} over records {@code [from, to)}, fed value by value. */
    private static Statistics<?> statisticsOf(List<Group> records, ColumnDescriptor column, long from, long to) {
        PrimitiveType type = column.getPrimitiveType();
        String name = type.getName();
        Statistics<?> statistics = Statistics.createStats(type);
        for (Group record : records.subList((int) from, (int) to)) {
            if (record.getFieldRepetitionCount(name) == 0) {
                statistics.incrementNumNulls();
                continue;
            }
            switch (type.getPrimitiveTypeName()) {
                case INT32 -> statistics.updateStats(record.getInteger(name, 0));
                case INT64 -> statistics.updateStats(record.getLong(name, 0));
                case DOUBLE -> statistics.updateStats(record.getDouble(name, 0));
                case BINARY -> statistics.updateStats(record.getBinary(name, 0));
                default -> throw new IllegalStateException("no such column type in grid_stats: " + type);
            }
        }
        return statistics;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
