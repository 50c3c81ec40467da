package dev.stacstream.sinks.parquet;

import static dev.stacstream.sinks.testing.DuckDb.literal;
import static dev.stacstream.sinks.testing.DuckDb.readTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacstream.sinks.bucket.GridStatsBucketAssigner;
import dev.stacstream.sinks.geo.ProjJson;
import dev.stacstream.sinks.row.GridStatsRow;
import dev.stacstream.sinks.row.OutputPeriod;
import dev.stacstream.sinks.testing.DuckDb;
import dev.stacstream.sinks.testing.ExpectedColumns;
import dev.stacstream.sinks.testing.PartFiles;
import dev.stacstream.sinks.testing.RowBatches;
import dev.stacstream.sinks.testing.SampleRows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB reads the {@code grid_stats} part files back: types, partition folders, values and GeoParquet metadata. */
class GridStatsDuckDbTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 90;

    @TempDir
    Path root;

    private List<GridStatsRow> rows;
    private Path table;
    private DuckDb db;

    @BeforeEach
    void writeTable() throws SQLException {
        rows = new ArrayList<>(LongStream.range(0, ROWS).mapToObj(SampleRows::gridStats).toList());
        GridStatsRow sample = SampleRows.gridStats(1);
        // No tile, and a period label that needs escaping in the folder name.
        rows.add(new GridStatsRow("sentinel-2-l2a", null,
                OutputPeriod.item("odd:item/id", Instant.parse("2021-06-30T10:00:00Z")), "nir", sample.cell(),
                sample.crs(), sample.stats(), 1));
        table = PartFiles.write(root, new GridStatsTable(), new GridStatsBucketAssigner(), RowBatches.of(rows));
        db = new DuckDb();
    }

    @AfterEach
    void closeDb() throws SQLException {
        db.close();
    }

    @Test
    void columnsHaveTheDocumentedTypesAndOrder() throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, Object> column : db.query("DESCRIBE SELECT * FROM " + readTable(table))) {
            types.put((String) column.get("column_name"), (String) column.get("column_type"));
        }

        assertThat(types.keySet()).containsExactly("collection", "tile", "period", "period_start", "period_end",
                "band", "cell_x", "cell_y", "x", "y", "crs", "count_total", "count_valid", "mean", "min", "max", "std",
                "sum", "items", "geometry");
        String timestamp = "TIMESTAMP WITH TIME ZONE";
        assertThat(types).containsEntry("collection", "VARCHAR").containsEntry("tile", "VARCHAR")
                .containsEntry("period", "VARCHAR").containsEntry("period_start", timestamp)
                .containsEntry("period_end", timestamp).containsEntry("band", "VARCHAR")
                .containsEntry("cell_x", "BIGINT").containsEntry("cell_y", "BIGINT")
                .containsEntry("x", "DOUBLE").containsEntry("y", "DOUBLE").containsEntry("crs", "VARCHAR")
                .containsEntry("count_total", "BIGINT").containsEntry("count_valid", "BIGINT")
                .containsEntry("mean", "DOUBLE").containsEntry("min", "DOUBLE").containsEntry("max", "DOUBLE")
                .containsEntry("std", "DOUBLE").containsEntry("sum", "DOUBLE").containsEntry("items", "INTEGER");
        // DuckDB turns a GeoParquet WKB column into its GEOMETRY type, carrying the file's CRS.
        assertThat(types.get("geometry")).startsWith("GEOMETRY(").contains("\"code\":32629");
    }

    @Test
    void everyRowReadsBackWithItsValues() throws SQLException {
        List<Map<String, Object>> read = db.query(ExpectedColumns.GRID_STATS_SELECT + " FROM " + readTable(table)
                + " ORDER BY collection, period, band, cell_y, cell_x");

        assertThat(read).containsExactlyInAnyOrderElementsOf(rows.stream().map(ExpectedColumns::of).toList());
        assertThat(read).filteredOn(row -> (Long) row.get("count_valid") == 0).isNotEmpty()
                .allSatisfy(row -> assertThat(List.of("mean", "min", "max", "std", "sum"))
                        .allSatisfy(stat -> assertThat(row.get(stat)).as(stat).isNull()));
    }

    @Test
    void hivePartitionsAreTheRowsCollectionAndPeriod() throws SQLException {
        List<Map<String, Object>> files = db.query("SELECT DISTINCT filename, collection, period FROM "
                + "read_parquet(" + literal(table + "/**/*.parquet") + ", hive_partitioning = true, filename = true)"
                + " ORDER BY filename");

        assertThat(files).hasSize(SampleRows.COLLECTIONS.size() * SampleRows.PERIODS.size() + 1);
        assertThat(files).allSatisfy(file -> assertThat((String) file.get("filename")).contains(
                new GridStatsBucketAssigner().getBucketId(RowBatches.batch(List.of(rowOf(file))), null)
                        + "/grid_stats-0.parquet"));
        assertThat(files).extracting(file -> file.get("period")).contains("odd:item/id");
        assertThat(PartFiles.allFiles(table)).contains(
                "collection=sentinel-2-l2a/period=odd%3Aitem%2Fid/grid_stats-0.parquet");
    }

    @Test
    void geoMetadataStatesTheCrsAndTheFileExtent() throws Exception {
        String file = table.resolve("collection=sentinel-2-l2a/period=2020-02/grid_stats-0.parquet").toString();
        byte[] value = (byte[]) db.scalar("SELECT value FROM parquet_kv_metadata(?) WHERE decode(key) = 'geo'", file);

        JsonNode geo = JSON.readTree(new String(value, StandardCharsets.UTF_8));

        assertThat(geo.get("version").asText()).isEqualTo("1.1.0");
        assertThat(geo.get("primary_column").asText()).isEqualTo(GridStatsTable.GEOMETRY);
        JsonNode column = geo.at("/columns/geometry");
        assertThat(column.get("encoding").asText()).isEqualTo("WKB");
        assertThat(column.get("geometry_types").toString()).isEqualTo("[\"Polygon\"]");
        assertThat(column.get("crs")).isEqualTo(JSON.readTree(ProjJson.of("EPSG:32629").orElseThrow()));
        List<GridStatsRow> inFile = rows.stream()
                .filter(r -> r.collection().equals("sentinel-2-l2a") && r.period().label().equals("2020-02")).toList();
        assertThat(column.get("bbox").toString()).isEqualTo(List.of(
                inFile.stream().mapToDouble(r -> r.cell().minX()).min().orElseThrow(),
                inFile.stream().mapToDouble(r -> r.cell().minY()).min().orElseThrow(),
                inFile.stream().mapToDouble(r -> r.cell().maxX()).max().orElseThrow(),
                inFile.stream().mapToDouble(r -> r.cell().maxY()).max().orElseThrow()).toString().replace(" ", ""));
        assertThat(db.scalar("SELECT DISTINCT ST_CRS(geometry) FROM read_parquet(?)", file).toString())
                .contains("WGS 84 / UTM zone 29N");
    }

    @Test
    void everyColumnIsZstdAndTheGeometryHasNoMinMax() throws SQLException {
        List<Map<String, Object>> chunks = db.query("SELECT path_in_schema, compression, stats_min FROM "
                + "parquet_metadata(" + literal(table + "/**/*.parquet") + ")");

        assertThat(chunks).extracting(c -> c.get("compression")).containsOnly("ZSTD");
        assertThat(chunks).filteredOn(c -> c.get("path_in_schema").equals(GridStatsTable.GEOMETRY))
                .extracting(c -> c.get("stats_min")).containsOnlyNulls();
        assertThat(db.scalar("SELECT DISTINCT decode(value) FROM parquet_kv_metadata("
                + literal(table + "/**/*.parquet") + ") WHERE decode(key) = 'writer.model.name'"))
                .isEqualTo(PartFileWriter.WRITER_NAME);
    }

    @Test
    void aTableSpanningTwoUtmZonesReadsWithGeoParquetConversionOff(@TempDir Path other) throws SQLException {
        GridStatsRow sample = SampleRows.gridStats(1);
        List<GridStatsRow> twoZones = List.of(
                new GridStatsRow("c", "29SND", OutputPeriod.item("a", Instant.EPOCH), "red", sample.cell(),
                        "EPSG:32629", sample.stats(), 1),
                new GridStatsRow("c", "30SUF", OutputPeriod.item("b", Instant.EPOCH), "red", sample.cell(),
                        "EPSG:32630", sample.stats(), 1));
        Path zones = PartFiles.write(other, new GridStatsTable(), new GridStatsBucketAssigner(),
                RowBatches.of(twoZones));
        String wkt = "SELECT crs, ST_AsText(%s) AS wkt FROM " + readTable(zones) + " ORDER BY crs";

        // Each file is GeoParquet with its own CRS, and DuckDB will not mix two CRSs in one GEOMETRY column ...
        assertThatThrownBy(() -> db.query(wkt.formatted("geometry"))).hasMessageContaining("different CRS");
        // ... so the README tells readers of multi-zone outputs to read the WKB and use the crs column.
        db.execute("SET enable_geoparquet_conversion = false");
        assertThat(db.query(wkt.formatted("ST_GeomFromWKB(geometry)"))).extracting(r -> r.get("crs"), r -> r.get("wkt"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("EPSG:32629", polygon(sample)),
                        org.assertj.core.groups.Tuple.tuple("EPSG:32630", polygon(sample)));
    }

    private static String polygon(GridStatsRow row) {
        var c = row.cell();
        return String.format("POLYGON ((%.0f %.0f, %.0f %.0f, %.0f %.0f, %.0f %.0f, %.0f %.0f))",
                c.minX(), c.minY(), c.maxX(), c.minY(), c.maxX(), c.maxY(), c.minX(), c.maxY(), c.minX(), c.minY());
    }

    private GridStatsRow rowOf(Map<String, Object> file) {
        return rows.stream().filter(r -> r.collection().equals(file.get("collection"))
                        && r.period().label().equals(file.get("period")))
                .min(Comparator.comparingLong(r -> r.cell().cellX())).orElseThrow();
    }
}
