package dev.stacstream.sinks.parquet;

import static dev.stacstream.sinks.testing.DuckDb.literal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacstream.sinks.geo.GeoParquetMetadata;
import dev.stacstream.sinks.row.GridCell;
import dev.stacstream.sinks.row.GridStatsBatch;
import dev.stacstream.sinks.row.GridStatsRow;
import dev.stacstream.sinks.row.OutputPeriod;
import dev.stacstream.sinks.testing.DuckDb;
import dev.stacstream.sinks.testing.ExpectedColumns;
import dev.stacstream.sinks.testing.ParquetRecords;
import dev.stacstream.sinks.testing.RowBatches;
import dev.stacstream.sinks.testing.SampleRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem.WriteMode;
import org.apache.flink.core.fs.local.LocalFileSystem;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batch encoder writes, from the job's batches, the very file that the rows written one by one through the
 * {@link RecordEmitter} give ({@link GridStatsRowTable}, the sink's earlier path): same bytes, so the same schema,
 * encodings, pages, statistics, row groups and GeoParquet footer, whatever the page and row-group limits.
 */
class GridStatsEncoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Row groups close after about 64 kB of compressed pages: several per file. */
    private static final long SMALL_ROW_GROUP_BYTES = 64 * 1024;

    static Stream<Arguments> samplesAndLayouts() {
        List<GridStatsSamples> samples = List.of(
                GridStatsSamples.chunkedTile(150, 90),
                GridStatsSamples.sampleRows(3_000),
                GridStatsSamples.longTileIds(18_000, 3));
        List<Arguments> cases = new ArrayList<>();
        for (GridStatsSamples sample : samples) {
            cases.add(Arguments.of(sample, "the job's layout", FileLayout.DEFAULT));
            cases.add(Arguments.of(sample, "pages of 1,000 rows, small row groups",
                    new FileLayout(SMALL_ROW_GROUP_BYTES, FileLayout.PAGE_SIZE_BYTES, 1_000, FileLayout.ZSTD_LEVEL)));
            cases.add(Arguments.of(sample, "pages of 4 kB of binary values",
                    new FileLayout(SMALL_ROW_GROUP_BYTES, 4 * 1024, FileLayout.PAGE_ROWS, FileLayout.ZSTD_LEVEL)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("samplesAndLayouts")
    void batchesWriteTheFileOfTheirRowsWrittenOneByOne(GridStatsSamples sample, String layoutName, FileLayout layout,
            @TempDir Path dir) throws IOException {
        Path rows = write(dir.resolve("rows.parquet"), new GridStatsRowTable(), layout, sample.rows());
        Path batches = write(dir.resolve("batches.parquet"), new GridStatsTable(), layout, sample.batches());

        assertThat(Files.readAllBytes(batches)).isEqualTo(Files.readAllBytes(rows));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void duckDbReadsTheRowsOfTheBatches(GridStatsSamples sample, @TempDir Path dir) throws Exception {
        Path file = write(dir.resolve("batches.parquet"), new GridStatsTable(), FileLayout.DEFAULT, sample.batches());

        try (DuckDb db = new DuckDb()) {
            List<Map<String, Object>> read = db.query(ExpectedColumns.GRID_STATS_SELECT + " FROM read_parquet("
                    + literal(file.toString()) + ")");

            assertThat(read).containsExactlyElementsOf(sample.rows().stream().map(ExpectedColumns::of).toList());
        }
    }

    static Stream<GridStatsSamples> samples() {
        return Stream.of(GridStatsSamples.chunkedTile(150, 90), GridStatsSamples.sampleRows(500),
                GridStatsSamples.longTileIds(9_000, 5));
    }

    @Test
    void pagesEndWithinBatchesAndHoldRowsOfSeveralBatches(@TempDir Path dir) throws IOException {
        GridStatsSamples tile = GridStatsSamples.chunkedTile(400, 300);
        List<Long> batchStarts = new ArrayList<>();
        long row = 0;
        for (GridStatsBatch batch : tile.batches()) {
            batchStarts.add(row);
            row += batch.size();
        }

        Path file = write(dir.resolve("tile.parquet"), new GridStatsTable(), FileLayout.DEFAULT, tile.batches());

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            BlockMetaData rowGroup = reader.getFooter().getBlocks().get(0);
            OffsetIndex pages = reader.readOffsetIndex(rowGroup.getColumns().get(0));
            List<Long> pageStarts = new ArrayList<>();
            for (int p = 0; p < pages.getPageCount(); p++) {
                pageStarts.add(pages.getFirstRowIndex(p));
            }
            assertThat(reader.getFooter().getBlocks()).as("one row group").hasSize(1);
            assertThat(rowGroup.getRowCount()).isEqualTo(row);
            // The geometry's 97 bytes per row end a page every 10,810 rows; batches hold at most 4,096.
            assertThat(pageStarts).hasSizeGreaterThan(2).filteredOn(start -> !batchStarts.contains(start))
                    .isNotEmpty();
            assertThat(batchStarts.size()).isGreaterThan(pageStarts.size() * 2);
        }
    }

    static Stream<Arguments> extents() {
        GridStatsRow sample = SampleRows.gridStats(1);
        GridStatsRow far = withCell(sample, SampleRows.cell(SampleRows.GRID_COLUMNS * 1200 + 1700));
        GridStatsRow otherZone = new GridStatsRow(sample.collection(), sample.tile(), sample.period(), "nir",
                sample.cell(), "EPSG:32630", sample.stats(), 1);
        return Stream.of(
                Arguments.of("one batch", List.of(sample)),
                Arguments.of("batches far apart", List.of(sample, withBand(far, "nir"))),
                Arguments.of("batches in two UTM zones (no bbox)", List.of(sample, otherZone)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extents")
    void theGeoParquetBboxIsTheExtentOfEveryRowOfEveryBatch(String name, List<GridStatsRow> rows, @TempDir Path dir)
            throws IOException {
        List<GridStatsRow> withNeighbours = new ArrayList<>();
        for (GridStatsRow row : rows) {
            withNeighbours.add(row);
            withNeighbours.add(withCell(row, GridCell.of(SampleRows.grid(row.crs()), row.cell().cellX() + 3,
                    row.cell().cellY() + 2)));
        }
        Path rowsFile = write(dir.resolve("rows.parquet"), new GridStatsRowTable(), FileLayout.DEFAULT, withNeighbours);
        Path batchesFile = write(dir.resolve("batches.parquet"), new GridStatsTable(), FileLayout.DEFAULT,
                RowBatches.of(withNeighbours));

        JsonNode geo = geoOf(batchesFile).at("/columns/geometry");

        assertThat(geo).isEqualTo(geoOf(rowsFile).at("/columns/geometry"));
        if (withNeighbours.stream().map(GridStatsRow::crs).distinct().count() > 1) {
            assertThat(geo.has("bbox")).isFalse();
        } else {
            List<GridCell> cells = withNeighbours.stream().map(GridStatsRow::cell).toList();
            assertThat(geo.get("bbox").toString()).isEqualTo(List.of(
                    cells.stream().mapToDouble(GridCell::minX).min().orElseThrow(),
                    cells.stream().mapToDouble(GridCell::minY).min().orElseThrow(),
                    cells.stream().mapToDouble(GridCell::maxX).max().orElseThrow(),
                    cells.stream().mapToDouble(GridCell::maxY).max().orElseThrow()).toString().replace(" ", ""));
        }
    }

    private static GridStatsRow withCell(GridStatsRow row, GridCell cell) {
        return new GridStatsRow(row.collection(), row.tile(), row.period(), row.band(), cell, row.crs(), row.stats(),
                row.items());
    }

    private static GridStatsRow withBand(GridStatsRow row, String band) {
        return new GridStatsRow(row.collection(), row.tile(), row.period(), band, row.cell(), row.crs(), row.stats(),
                row.items());
    }

    static Stream<Arguments> statistics() {
        double inf = Double.POSITIVE_INFINITY;
        double nan = Double.NaN;
        return Stream.of(
                Arguments.of("all five", 100, 60, new double[] {12.5, 3, 40, 2.25, 750},
                        new Double[] {12.5, 3.0, 40.0, 2.25, 750.0}),
                Arguments.of("no valid pixel, accumulators at their identity", 100, 0,
                        new double[] {0, inf, -inf, 0, 0}, new Double[] {null, null, null, null, null}),
                Arguments.of("no valid pixel, no statistic asked", 100, 0,
                        new double[] {nan, nan, nan, nan, nan}, new Double[] {null, null, null, null, null}),
                Arguments.of("only mean and max asked", 100, 1, new double[] {7, nan, 7, nan, nan},
                        new Double[] {7.0, null, 7.0, null, null}),
                Arguments.of("one valid pixel of value 0", 36, 1, new double[] {0, 0, 0, 0, 0},
                        new Double[] {0.0, 0.0, 0.0, 0.0, 0.0}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statistics")
    void statisticsWithoutAValueAreNull(String name, long total, long valid, double[] given, Double[] expected,
            @TempDir Path dir) throws Exception {
        OutputPeriod period = OutputPeriod.item("item-1", Instant.parse("2021-06-30T10:00:00Z"));
        GridStatsBatch batch = GridStatsBatch.builder("c", null, period, "red", SampleRows.grid("EPSG:32629"), 2)
                .add(4, 5, total, valid, given[0], given[1], given[2], given[3], given[4], 1)
                .add(5, 5, 36, 36, 1, 1, 1, 0, 36, 1)
                .build();
        Path file = write(dir.resolve("stats.parquet"), new GridStatsTable(), FileLayout.DEFAULT, List.of(batch));

        try (DuckDb db = new DuckDb()) {
            Map<String, Object> row = db.query("SELECT count_total, count_valid, mean, min, max, std, sum FROM "
                    + "read_parquet(" + literal(file.toString()) + ") WHERE cell_x = 4").get(0);

            assertThat(row).containsEntry("count_total", total).containsEntry("count_valid", valid);
            assertThat(new Object[] {row.get("mean"), row.get("min"), row.get("max"), row.get("std"), row.get("sum")})
                    .containsExactly((Object[]) expected);
        }
    }

    private static <T> Path write(Path file, TableFormat<T> table, FileLayout layout, List<T> elements)
            throws IOException {
        try (FSDataOutputStream out = LocalFileSystem.getSharedInstance()
                .create(new org.apache.flink.core.fs.Path(file.toUri()), WriteMode.NO_OVERWRITE)) {
            BulkWriter<T> writer = TableWriters.factory(table, layout).create(out);
            for (T element : elements) {
                writer.addElement(element);
            }
            writer.finish();
        }
        return file;
    }

    private static JsonNode geoOf(Path file) throws IOException {
        return JSON.readTree(ParquetRecords.footer(file).getFileMetaData().getKeyValueMetaData()
                .get(GeoParquetMetadata.KEY));
    }
}
