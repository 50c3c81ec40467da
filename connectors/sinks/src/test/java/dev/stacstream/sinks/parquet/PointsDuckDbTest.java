package dev.stacstream.sinks.parquet;

import static dev.stacstream.sinks.testing.DuckDb.readTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacstream.sinks.bucket.PointsBucketAssigner;
import dev.stacstream.sinks.row.OutputPeriod;
import dev.stacstream.sinks.row.FeatureAttribute;
import dev.stacstream.sinks.row.FeatureAttribute.Type;
import dev.stacstream.sinks.row.PointRow;
import dev.stacstream.sinks.testing.DuckDb;
import dev.stacstream.sinks.testing.PartFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB reads the {@code points} part files back: the attribute columns typed from the input, the table's own
 * columns, the {@code collection=}/{@code period=} folders, NULLs, and the WKB points as GeoParquet in OGC:CRS84.
 */
class PointsDuckDbTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<FeatureAttribute> ATTRIBUTES = List.of(
            new FeatureAttribute("crop", "crop", Type.STRING),
            new FeatureAttribute("parcel", "parcel", Type.INT64),
            new FeatureAttribute("weight", "weight", Type.DOUBLE),
            new FeatureAttribute("irrigated", "irrigated", Type.BOOLEAN),
            new FeatureAttribute("band", "input_band", Type.STRING));

    @Test
    void pointsReadBackWithTheirAttributesValuesAndGeometry(@TempDir Path root) throws Exception {
        Map<String, Object[]> values = new HashMap<>();
        values.put("p1", new Object[] {"wheat", 12L, 1.5, true, "B"});
        values.put("p2", new Object[] {null, null, null, null, null});
        PointsTable table = new PointsTable(ATTRIBUTES, values);
        OutputPeriod june = OutputPeriod.month(YearMonth.of(2023, 6));
        OutputPeriod july = OutputPeriod.month(YearMonth.of(2023, 7));
        List<PointRow> rows = List.of(
                new PointRow("p1", "sentinel-2-l2a", "MGRS-33UVU", june, "red", 0.125, 2, false, 15.1, 53.2),
                new PointRow("p1", "sentinel-2-l2a", "MGRS-33UVU", july, "red", 0.25, 0, true, 15.1, 53.2),
                new PointRow("p2", "sentinel-2-l2a", null, june, "nir", Double.NaN, 0, false, -3.5, -10.25),
                // An id the table has no attributes for (e.g. a points file changed between runs): NULLs.
                new PointRow("p3", "landsat-c2-l2", "192023", OutputPeriod.day(LocalDate.of(2023, 6, 14)), "red", 0.5, 1,
                        false, 0, 0));
        Path dir = PartFiles.write(root, table, new PointsBucketAssigner(), rows);

        try (DuckDb db = new DuckDb()) {
            Map<String, String> types = new LinkedHashMap<>();
            for (Map<String, Object> column : db.query("DESCRIBE SELECT * FROM " + readTable(dir))) {
                types.put((String) column.get("column_name"), (String) column.get("column_type"));
            }
            assertThat(types.keySet()).containsExactly("point_id", "crop", "parcel", "weight", "irrigated", "input_band",
                    "collection", "tile", "period", "period_start", "period_end", "band", "value", "count_valid",
                    "interpolated", "geometry");
            assertThat(types).containsEntry("parcel", "BIGINT").containsEntry("weight", "DOUBLE")
                    .containsEntry("irrigated", "BOOLEAN").containsEntry("input_band", "VARCHAR")
                    .containsEntry("value", "DOUBLE").containsEntry("count_valid", "BIGINT")
                    .containsEntry("interpolated", "BOOLEAN").containsEntry("period_start", "TIMESTAMP WITH TIME ZONE");
            assertThat(types.get("geometry")).isEqualTo("GEOMETRY('OGC:CRS84')");

            List<Map<String, Object>> read = db.query("SELECT point_id, crop, parcel, weight, irrigated, input_band, tile,"
                    + " period, band, value, count_valid, interpolated, ST_AsText(geometry) AS wkt FROM " + readTable(dir)
                    + " ORDER BY point_id, period");
            assertThat(read).hasSize(4);
            assertThat(read.get(0)).containsEntry("point_id", "p1").containsEntry("crop", "wheat")
                    .containsEntry("parcel", 12L).containsEntry("weight", 1.5).containsEntry("irrigated", true)
                    .containsEntry("input_band", "B").containsEntry("tile", "MGRS-33UVU").containsEntry("period", "2023-06")
                    .containsEntry("value", 0.125).containsEntry("count_valid", 2L).containsEntry("interpolated", false)
                    .containsEntry("wkt", "POINT (15.1 53.2)");
            assertThat(read.get(1)).containsEntry("period", "2023-07").containsEntry("interpolated", true)
                    .containsEntry("count_valid", 0L);
            assertThat(read.get(2)).containsEntry("point_id", "p2").containsEntry("crop", null)
                    .containsEntry("parcel", null).containsEntry("irrigated", null).containsEntry("tile", null)
                    .containsEntry("value", null).containsEntry("wkt", "POINT (-3.5 -10.25)");
            assertThat(read.get(3)).containsEntry("point_id", "p3").containsEntry("crop", null)
                    .containsEntry("period", "2023-06-14");
            assertThat(db.query("SELECT DISTINCT collection, period FROM " + readTable(dir) + " ORDER BY 1, 2"))
                    .extracting(r -> r.get("collection") + "/" + r.get("period"))
                    .containsExactly("landsat-c2-l2/2023-06-14", "sentinel-2-l2a/2023-06", "sentinel-2-l2a/2023-07");

            Path file;
            try (Stream<Path> files = Files.walk(dir.resolve("collection=sentinel-2-l2a/period=2023-06"))) {
                file = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
            }
            byte[] value = (byte[]) db.scalar("SELECT value FROM parquet_kv_metadata(?) WHERE decode(key) = 'geo'",
                    file.toString());
            JsonNode geo = JSON.readTree(new String(value, StandardCharsets.UTF_8));
            JsonNode column = geo.at("/columns/geometry");
            assertThat(geo.get("primary_column").asText()).isEqualTo("geometry");
            assertThat(column.get("encoding").asText()).isEqualTo("WKB");
            assertThat(column.get("geometry_types").toString()).isEqualTo("[\"Point\"]");
            assertThat(column.has("crs")).as("no crs: GeoParquet's OGC:CRS84").isFalse();
            assertThat(column.has("orientation")).isFalse();
            assertThat(column.get("bbox").toString()).isEqualTo("[-3.5,-10.25,15.1,53.2]");
        }
    }

    @Test
    void anAttributeMayNotShadowAColumnOfTheTable() {
        assertThatThrownBy(() -> new PointsTable(List.of(new FeatureAttribute("value", "value", Type.DOUBLE)), Map.of()))
                .hasMessage("attribute column 'value' clashes with a column of the points table");
    }
}
