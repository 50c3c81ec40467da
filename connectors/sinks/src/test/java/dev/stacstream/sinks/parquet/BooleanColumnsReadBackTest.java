package dev.stacstream.sinks.parquet;

import static dev.stacstream.sinks.testing.DuckDb.literal;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.sinks.testing.DuckDb;
import dev.stacstream.sinks.testing.ParquetRecords;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem.WriteMode;
import org.apache.flink.core.fs.local.LocalFileSystem;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A table with a required and an optional BOOLEAN column among others, written by the part-file writer record by
 * record (with {@code NULL}s) or in runs of rows ({@link ColumnSink#booleans}), is read back by DuckDB and by
 * parquet-java: every value and {@code NULL}, and the footer's and page index's statistics. The row counts put the
 * last byte of bit-packed values at every fill (1, 7, 8, 9 values), and pages of a prime number of rows start
 * values at every bit of a byte; the large file has about a hundred pages and several row groups, with pages that
 * are all true, all false, mixed and (optional column) all {@code NULL}.
 */
class BooleanColumnsReadBackTest {

    private static final String TABLE = "flags";
    private static final MessageType SCHEMA = Types.buildMessage()
            .required(INT64).named("id")
            .required(BOOLEAN).named("interpolated")
            .optional(BOOLEAN).named("cloudy")
            .optional(BINARY).as(stringType()).named("band")
            .optional(DOUBLE).named("score")
            .named(TABLE);
    private static final int ID = 0;
    private static final int INTERPOLATED = 1;
    private static final int CLOUDY = 2;
    private static final int BAND = 3;
    private static final int SCORE = 4;
    /** What a row adds to each column's PLAIN values: {@code band} is a 3-byte label. */
    private static final int[] PLAIN_BYTES_PER_ROW = {0, 0, 0, Integer.BYTES + 3, 0};
    private static final String SELECT = "SELECT id, interpolated, cloudy, band, score";
    private static final long SEED = 0xF1A65L;
    /** Pages of a prime number of rows, and row groups closed after about 16 kB of compressed pages. */
    private static final FileLayout LAYOUT = new FileLayout(16 * 1024, FileLayout.PAGE_SIZE_BYTES, 997,
            FileLayout.ZSTD_LEVEL);
    /** Rows per element of the table written in runs: runs end within pages and pages within runs. */
    private static final int BATCH_ROWS = 4_099;
    /** Rows of each kind of stretch (random, true, random, false) of {@code interpolated}: whole pages of each. */
    private static final int STRETCH_ROWS = 2_500;
    private static final int LARGE = 100_003;

    /** One row of the table; {@code score} {@code NaN} for {@code NULL}. */
    record Flags(long id, boolean interpolated, Boolean cloudy, String band, double score) {}

    /** How the rows are written. */
    enum Writes {
        /** One record per element through the {@link RecordEmitter}, {@code cloudy} {@code NULL} in some rows. */
        RECORDS,
        /** Batches of rows in runs through the {@link ColumnSink}, which has no {@code NULL} booleans. */
        RUNS
    }

    static Stream<Arguments> files() {
        List<Arguments> cases = new ArrayList<>();
        for (int rows : new int[] {1, 7, 8, 9, 1_000, LARGE}) {
            for (Writes writes : Writes.values()) {
                cases.add(Arguments.of(rows, writes));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} rows, {1}")
    @MethodSource("files")
    void duckDbAndParquetJavaReadEveryValueAndNullBack(int count, Writes writes, @TempDir Path dir)
            throws Exception {
        List<Flags> rows = rows(count, writes == Writes.RECORDS);
        Path file = write(dir, writes, rows);
        List<Map<String, Object>> expected = rows.stream().map(BooleanColumnsReadBackTest::columns).toList();

        try (DuckDb db = new DuckDb()) {
            Map<String, String> types = new LinkedHashMap<>();
            for (Map<String, Object> column : db.query("DESCRIBE " + SELECT + " FROM " + readParquet(file))) {
                types.put((String) column.get("column_name"), (String) column.get("column_type"));
            }
            assertThat(types).containsExactly(Map.entry("id", "BIGINT"), Map.entry("interpolated", "BOOLEAN"),
                    Map.entry("cloudy", "BOOLEAN"), Map.entry("band", "VARCHAR"), Map.entry("score", "DOUBLE"));
            assertSameRows("DuckDB", db.query(SELECT + " FROM " + readParquet(file) + " ORDER BY id"), expected);
        }
        assertSameRows("parquet-java", ParquetRecords.read(file).stream().map(BooleanColumnsReadBackTest::columns)
                .toList(), expected);
        if (writes == Writes.RECORDS && count > 1) {
            assertThat(rows).as("rows with a NULL cloudy").anyMatch(r -> r.cloudy() == null);
        }
    }

    /**
     * Every row group's statistics in the footer, and every page's in the page index, as parquet-java reads them,
     * are parquet-java's own statistics of the rows written (fed value by value); DuckDB reads the same row group
     * statistics of the BOOLEAN columns.
     */
    @ParameterizedTest(name = "{0} rows, {1}")
    @MethodSource("files")
    void footerAndPageStatisticsAreThoseOfTheValues(int count, Writes writes, @TempDir Path dir) throws Exception {
        List<Flags> rows = rows(count, writes == Writes.RECORDS);
        Path file = write(dir, writes, rows);
        List<Map<String, Object>> expectedDuckDb = new ArrayList<>();
        Map<String, Set<String>> booleanPages = new TreeMap<>();

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            List<BlockMetaData> rowGroups = reader.getFooter().getBlocks();
            if (count == LARGE) {
                assertThat(rowGroups).as("row groups").hasSizeGreaterThan(2);
            }
            int firstRow = 0;
            long rowGroupId = 0;
            for (BlockMetaData rowGroup : rowGroups) {
                int end = firstRow + (int) rowGroup.getRowCount();
                for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
                    String column = chunk.getPath().toDotString();
                    PrimitiveType type = chunk.getPrimitiveType();
                    Statistics<?> expected = statisticsOf(rows, type, firstRow, end);
                    assertThat(chunk.getStatistics()).as("statistics of %s, rows %s to %s", column, firstRow, end)
                            .isEqualTo(expected);
                    assertThat(chunk.getEncodings()).as("encodings of %s", column).contains(Encoding.PLAIN)
                            .doesNotContain(Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY);
                    Set<String> pages = assertPageStatistics(reader, chunk, rows, firstRow,
                            (int) rowGroup.getRowCount());
                    if (type.getPrimitiveTypeName() == BOOLEAN) {
                        booleanPages.computeIfAbsent(column, c -> new TreeSet<>()).addAll(pages);
                        expectedDuckDb.add(duckDbStatistics(rowGroupId, column, expected));
                    }
                }
                firstRow = end;
                rowGroupId++;
            }
            assertThat(firstRow).isEqualTo(count);
        }
        if (count == LARGE) {
            assertThat(booleanPages).as("kinds of BOOLEAN pages").containsExactly(
                    Map.entry("cloudy", writes == Writes.RECORDS ? Set.of("false", "true", "mixed", "NULL")
                            : Set.of("false", "true", "mixed")),
                    Map.entry("interpolated", Set.of("false", "true", "mixed")));
        }
        try (DuckDb db = new DuckDb()) {
            assertThat(db.query("SELECT row_group_id, path_in_schema, stats_min_value, stats_max_value,"
                    + " stats_null_count FROM parquet_metadata(" + literal(file.toString()) + ")"
                    + " WHERE type = 'BOOLEAN' ORDER BY row_group_id, column_id"))
                    .containsExactlyElementsOf(expectedDuckDb);
        }
    }

    /** Rows without a {@code NULL} boolean give the same bytes written in runs as written record by record. */
    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {1, 7, 8, 9, 1_000, LARGE})
    void runsWriteTheFileThatRecordsWrite(int count, @TempDir Path dir) throws IOException {
        List<Flags> rows = rows(count, false);

        byte[] records = Files.readAllBytes(write(dir.resolve("records"), Writes.RECORDS, rows));
        byte[] runs = Files.readAllBytes(write(dir.resolve("runs"), Writes.RUNS, rows));

        assertThat(runs).isEqualTo(records);
    }

    /**
     * Checks each page's statistics in the page index; returns the kinds of pages there were, by their values: all
     * {@code false}, all {@code true} (for BOOLEAN columns), {@code mixed}, or all {@code NULL}.
     */
    private static Set<String> assertPageStatistics(ParquetFileReader reader, ColumnChunkMetaData chunk,
            List<Flags> rows, int firstRow, int rowGroupRows) throws IOException {
        String column = chunk.getPath().toDotString();
        Set<String> kinds = new HashSet<>();
        OffsetIndex pages = reader.readOffsetIndex(chunk);
        ColumnIndex index = reader.readColumnIndex(chunk);
        if (rows.size() == LARGE) {
            assertThat(pages.getPageCount()).as("pages of %s", column).isGreaterThan(1);
        }
        for (int p = 0; p < pages.getPageCount(); p++) {
            int from = firstRow + (int) pages.getFirstRowIndex(p);
            int to = firstRow + (int) pages.getLastRowIndex(p, rowGroupRows) + 1;
            Statistics<?> page = statisticsOf(rows, chunk.getPrimitiveType(), from, to);
            assertThat(index.getNullCounts().get(p)).as("nulls of %s page %s", column, p)
                    .isEqualTo(page.getNumNulls());
            assertThat(index.getNullPages().get(p)).as("%s page %s all NULL", column, p)
                    .isEqualTo(!page.hasNonNullValue());
            if (page.hasNonNullValue()) {
                assertThat(bytes(index.getMinValues().get(p))).as("min of %s page %s", column, p)
                        .isEqualTo(page.getMinBytes());
                assertThat(bytes(index.getMaxValues().get(p))).as("max of %s page %s", column, p)
                        .isEqualTo(page.getMaxBytes());
                kinds.add(page.genericGetMin().equals(page.genericGetMax()) ? page.genericGetMin().toString()
                        : "mixed");
            } else {
                kinds.add("NULL");
            }
        }
        return kinds;
    }

    /** A row of DuckDB's {@code parquet_metadata} for a BOOLEAN column chunk with {@code statistics}. */
    private static Map<String, Object> duckDbStatistics(long rowGroup, String column, Statistics<?> statistics) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("row_group_id", rowGroup);
        row.put("path_in_schema", column);
        row.put("stats_min_value", statistics.hasNonNullValue() ? statistics.genericGetMin().toString() : null);
        row.put("stats_max_value", statistics.hasNonNullValue() ? statistics.genericGetMax().toString() : null);
        row.put("stats_null_count", statistics.getNumNulls());
        return row;
    }

    /**
     * Compares the rows read to the rows written one by one, so that a mismatch names its row rather than printing
     * a hundred thousand rows.
     */
    private static void assertSameRows(String reader, List<Map<String, Object>> read,
            List<Map<String, Object>> expected) {
        assertThat(read).as("rows %s reads", reader).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            if (!read.get(i).equals(expected.get(i))) {
                assertThat(read.get(i)).as("row %s as %s reads it", i, reader).isEqualTo(expected.get(i));
            }
        }
    }

    /**
     * {@code count} rows: {@code interpolated} in stretches of random, all true, random and all false values;
     * {@code cloudy} random but in stretches of all true, all false and, if {@code nulls}, all {@code NULL}, and
     * {@code NULL} in every 11th row; {@code band} {@code NULL} in every 13th row, {@code score} in every 7th.
     */
    private static List<Flags> rows(int count, boolean nulls) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Flags> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean coin = random.nextBoolean();
            boolean otherCoin = random.nextBoolean();
            boolean interpolated = switch (i / STRETCH_ROWS % 4) {
                case 1 -> true;
                case 3 -> false;
                default -> coin;
            };
            int cloudStretch = i / (STRETCH_ROWS + 500) % 5;
            Boolean cloudy = switch (cloudStretch) {
                case 1 -> true;
                case 2 -> false;
                default -> otherCoin;
            };
            if (nulls && (cloudStretch == 3 || i % 11 == 5)) {
                cloudy = null;
            }
            String band = i % 13 == 0 ? null : "B0" + (1 + i / 100 % 4);
            double score = i % 7 == 0 ? Double.NaN : i * 0.25;
            rows.add(new Flags(i, interpolated, cloudy, band, score));
        }
        return rows;
    }

    /** A row as DuckDB's JDBC driver returns it: column name to value, {@code null} for {@code NULL}. */
    private static Map<String, Object> columns(Flags row) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", row.id());
        columns.put("interpolated", row.interpolated());
        columns.put("cloudy", row.cloudy());
        columns.put("band", row.band());
        columns.put("score", Double.isNaN(row.score()) ? null : row.score());
        return columns;
    }

    /** A record that parquet-java read, as {@link #columns(Flags)} has it. */
    private static Map<String, Object> columns(Group record) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", record.getLong("id", 0));
        columns.put("interpolated", record.getBoolean("interpolated", 0));
        columns.put("cloudy", record.getFieldRepetitionCount("cloudy") == 0 ? null
                : record.getBoolean("cloudy", 0));
        columns.put("band", record.getFieldRepetitionCount("band") == 0 ? null : record.getString("band", 0));
        columns.put("score", record.getFieldRepetitionCount("score") == 0 ? null : record.getDouble("score", 0));
        return columns;
    }

    /** parquet-java's statistics of {@code column} over rows {@code [from, to)}, fed value by value. */
    private static Statistics<?> statisticsOf(List<Flags> rows, PrimitiveType column, int from, int to) {
        Statistics<?> statistics = Statistics.createStats(column);
        for (Flags row : rows.subList(from, to)) {
            Object value = columns(row).get(column.getName());
            if (value == null) {
                statistics.incrementNumNulls();
                continue;
            }
            switch (column.getPrimitiveTypeName()) {
                case BOOLEAN -> statistics.updateStats((boolean) value);
                case INT64 -> statistics.updateStats((long) value);
                case DOUBLE -> statistics.updateStats((double) value);
                case BINARY -> statistics.updateStats(Binary.fromString((String) value));
                default -> throw new IllegalStateException("no such column type in " + TABLE + ": " + column);
            }
        }
        return statistics;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static String readParquet(Path file) {
        return "read_parquet(" + literal(file.toString()) + ")";
    }

    private static Path write(Path dir, Writes writes, List<Flags> rows) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(TABLE + ".parquet");
        try (FSDataOutputStream out = LocalFileSystem.getSharedInstance()
                .create(new org.apache.flink.core.fs.Path(file.toUri()), WriteMode.NO_OVERWRITE)) {
            if (writes == Writes.RECORDS) {
                BulkWriter<Flags> writer = TableWriters.factory(new RecordTable(), LAYOUT).create(out);
                for (Flags row : rows) {
                    writer.addElement(row);
                }
                writer.finish();
            } else {
                BulkWriter<List<Flags>> writer = TableWriters.factory(new RunTable(), LAYOUT).create(out);
                for (int from = 0; from < rows.size(); from += BATCH_ROWS) {
                    writer.addElement(rows.subList(from, Math.min(rows.size(), from + BATCH_ROWS)));
                }
                writer.finish();
            }
        }
        return file;
    }

    /** The table written one row per element, through the {@link RecordEmitter}. */
    private static final class RecordTable implements TableFormat<Flags> {

        private static final long serialVersionUID = 1L;

        @Override
        public String tableName() {
            return TABLE;
        }

        @Override
        public MessageType schema() {
            return SCHEMA;
        }

        @Override
        public FileEncoder<Flags> newFileEncoder() {
            return new FileEncoder<>() {
                @Override
                public void write(Flags row, ColumnSink out) throws IOException {
                    out.record().start()
                            .int64(row.id())
                            .bool(row.interpolated())
                            .bool(row.cloudy())
                            .string(row.band())
                            .float64OrNull(row.score())
                            .end();
                }

                @Override
                public Map<String, String> footerMetadata() {
                    return Map.of();
                }
            };
        }
    }

    /** The same table written a batch of rows per element, column by column in runs. */
    private static final class RunTable implements TableFormat<List<Flags>> {

        private static final long serialVersionUID = 1L;

        @Override
        public String tableName() {
            return TABLE;
        }

        @Override
        public MessageType schema() {
            return SCHEMA;
        }

        @Override
        public FileEncoder<List<Flags>> newFileEncoder() {
            return new FileEncoder<>() {
                @Override
                public void write(List<Flags> batch, ColumnSink out) throws IOException {
                    int size = batch.size();
                    long[] ids = new long[size];
                    boolean[] interpolated = new boolean[size];
                    boolean[] cloudy = new boolean[size];
                    double[] scores = new double[size];
                    for (int i = 0; i < size; i++) {
                        Flags row = batch.get(i);
                        ids[i] = row.id();
                        interpolated[i] = row.interpolated();
                        cloudy[i] = Objects.requireNonNull(row.cloudy(), "runs have no NULL booleans");
                        scores[i] = row.score();
                    }
                    for (int from = 0; from < size; ) {
                        int n = out.beginRows(size - from, PLAIN_BYTES_PER_ROW);
                        int to = from + n;
                        out.int64s(ID, ids, from, to);
                        out.booleans(INTERPOLATED, interpolated, from, to);
                        out.booleans(CLOUDY, cloudy, from, to);
                        for (int i = from; i < to; ) {
                            String band = batch.get(i).band();
                            int same = i + 1;
                            while (same < to && Objects.equals(batch.get(same).band(), band)) {
                                same++;
                            }
                            out.binaryRun(BAND, band == null ? null : Binary.fromString(band), same - i);
                            i = same;
                        }
                        out.float64sOrNull(SCORE, scores, from, to);
                        out.endRows(n);
                        from = to;
                    }
                }

                @Override
                public Map<String, String> footerMetadata() {
                    return Map.of();
                }
            };
        }
    }
}
