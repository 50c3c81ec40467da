package dev.stacstream.sinks.parquet;

import static dev.stacstream.sinks.testing.DuckDb.literal;
import static dev.stacstream.sinks.testing.DuckDb.readTable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.sinks.bucket.ErrorDateBucketAssigner;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.ErrorStage;
import dev.stacstream.sinks.testing.DuckDb;
import dev.stacstream.sinks.testing.ExpectedColumns;
import dev.stacstream.sinks.testing.PartFiles;
import dev.stacstream.sinks.testing.SampleRows;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB reads the {@code errors} part files back: types, the {@code date} partition and values. */
class ErrorsDuckDbTest {

    private static final int ROWS = 12;

    @Test
    void errorsReadBackWithTheirTypesDatesAndValues(@TempDir Path root) throws SQLException {
        List<ErrorRow> rows = new ArrayList<>(LongStream.range(0, ROWS).mapToObj(SampleRows::error).toList());
        rows.add(ErrorRow.of(null, ErrorStage.DISCOVER, "timeout", "catalog page https://x/items?page=3 timed out",
                Instant.parse("2024-05-03T08:00:00Z")).withAttempts(4));
        Path table = PartFiles.write(root, new ErrorsTable(), new ErrorDateBucketAssigner(), rows);

        try (DuckDb db = new DuckDb()) {
            Map<String, String> types = new LinkedHashMap<>();
            for (Map<String, Object> column : db.query("DESCRIBE SELECT * FROM " + readTable(table))) {
                types.put((String) column.get("column_name"), (String) column.get("column_type"));
            }
            List<Map<String, Object>> read = db.query(ExpectedColumns.ERRORS_SELECT + " FROM " + readTable(table));
            List<Map<String, Object>> dates = db.query("SELECT DISTINCT date, CAST(time AT TIME ZONE 'UTC' AS DATE)"
                    + " AS utc_date FROM " + readTable(table) + " ORDER BY date");

            assertThat(types).containsExactly(Map.entry("item_id", "VARCHAR"), Map.entry("asset", "VARCHAR"),
                    Map.entry("href", "VARCHAR"), Map.entry("block", "BIGINT"), Map.entry("stage", "VARCHAR"),
                    Map.entry("kind", "VARCHAR"), Map.entry("message", "VARCHAR"), Map.entry("attempts", "INTEGER"),
                    Map.entry("time", "TIMESTAMP WITH TIME ZONE"), Map.entry("date", "DATE"));
            assertThat(read).containsExactlyInAnyOrderElementsOf(rows.stream().map(ExpectedColumns::of).toList());
            assertThat(dates).allSatisfy(d -> assertThat(d.get("date")).isEqualTo(d.get("utc_date")));
            assertThat(dates).extracting(d -> d.get("date").toString()).containsExactlyElementsOf(rows.stream()
                    .map(r -> LocalDate.ofInstant(r.time(), ZoneOffset.UTC).toString()).distinct().sorted().toList());
            assertThat(db.query("SELECT DISTINCT compression FROM parquet_metadata("
                    + literal(table + "/**/*.parquet") + ")")).extracting(c -> c.get("compression"))
                    .containsExactly("ZSTD");
        }
    }
}
