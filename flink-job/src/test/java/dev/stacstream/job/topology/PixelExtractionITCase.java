package dev.stacstream.job.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.cog.testing.GdalOracle;
import dev.stacstream.job.config.PipelineConfig;
import dev.stacstream.job.config.PipelineConfigLoader;
import dev.stacstream.sinks.ParquetTables;
import dev.stacstream.storage.StorageOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Polygon pixel extraction end to end on Flink's MiniCluster: the {@code pixels} table, read back with DuckDB from
 * the committed files, equals an independent oracle ({@code oracle/pixels_oracle.py}: PROJ projects the parcels,
 * GDAL's rasterize picks the pixels, rasterio reads the values), pixel for pixel and item for item; and no parcel's
 * pixels of an item straddle two part files, although the checkpoints roll files every few hundred milliseconds.
 */
class PixelExtractionITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Path ROOT = Path.of(System.getProperty("stacstream.root", ".."));
    private static final Path PARCELS = ROOT.resolve("test-data/polygons/parcels.geojson");
    private static final Path CATALOG = ROOT.resolve("test-data/catalog");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /**
     * By item, a parcel in the overlap of 33UVU and 33UWU has rows from both tiles' items of 2023-06-12; by day, one
     * row per pixel and day.
     */
    @ParameterizedTest(name = "pixels by {0}")
    @ValueSource(strings = {"item", "day"})
    void pixelsOfTheTestCatalogEqualTheOracleAndNoParcelIsSplit(String by) throws Exception {
        Path out = tmp.resolve("out");
        PipelineConfig config = PipelineConfigLoader.load(ROOT.resolve("conf/pipelines/parcels.yaml"), List.of(
                "source.catalog=" + CATALOG.resolve("catalog.json"), "output.root=" + out,
                "extract.polygons=" + PARCELS, "extract.pixels-by=" + by));
        assertThat(config.hasGrid()).isFalse();
        StreamExecutionEnvironment env = PipelineITCase.environment();
        StacstreamTopology.build(env, config, StorageOptions.defaults());
        env.execute("pixels");
        ParquetTables.removeAbandonedInProgressFiles(out.toString());

        List<Path> items;
        try (Stream<Path> files = Files.walk(CATALOG.resolve("sentinel-2-l2a"))) {
            items = files.filter(f -> f.getFileName().toString().startsWith("S2") && f.toString().endsWith(".json"))
                    .sorted().toList();
        }
        Map<String, JsonNode> expected = oracle(items, by);
        Map<String, Map<String, Object>> actual = new HashMap<>();
        String table = "read_parquet('" + out.resolve("pixels") + "/**/*.parquet', hive_partitioning = true)";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT polygon_id, item_id, pixel_id, x, y, tile, red, nir, aux_crop,"
                    + " aux_area_ha, aux_organic, crs FROM " + table)) {
                while (r.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (String col : List.of("polygon_id", "item_id", "pixel_id", "x", "y", "tile", "red", "nir",
                            "aux_crop", "aux_area_ha", "aux_organic", "crs")) {
                        row.put(col, r.getObject(col));
                    }
                    String key = row.get("polygon_id") + "|" + row.get("item_id") + "|" + row.get("pixel_id");
                    assertThat(actual.put(key, row)).as("duplicate row %s", key).isNull();
                }
            }
            String together = by.equals("item") ? "polygon_id, item_id" : "polygon_id, collection, date";
            try (ResultSet r = s.executeQuery("SELECT " + together + ", count(DISTINCT filename) AS files FROM"
                    + " read_parquet('" + out.resolve("pixels") + "/**/*.parquet', filename = true,"
                    + " hive_partitioning = true) GROUP BY ALL HAVING files > 1")) {
                assertThat(r.next()).as("a parcel's pixels of an item in two part files").isFalse();
            }
        }

        assertThat(actual.keySet()).as("rows (parcel | item | pixel)").containsExactlyInAnyOrderElementsOf(
                expected.keySet());
        for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
            Map<String, Object> a = actual.get(e.getKey());
            JsonNode x = e.getValue();
            assertThat((Double) a.get("x")).as("x of %s", e.getKey()).isCloseTo(x.get("x").asDouble(), within(1e-6));
            assertThat((Double) a.get("y")).as("y of %s", e.getKey()).isCloseTo(x.get("y").asDouble(), within(1e-6));
            assertThat(a.get("tile")).isEqualTo(x.get("tile").asText());
            assertThat(a.get("crs")).isEqualTo("EPSG:32633");
            for (String band : List.of("red", "nir")) {
                if (x.get(band).isNull()) {
                    assertThat(a.get(band)).as("%s of %s", band, e.getKey()).isNull();
                } else {
                    assertThat((Double) a.get(band)).as("%s of %s", band, e.getKey())
                            .isCloseTo(x.get(band).asDouble(), within(1e-12));
                }
            }
        }
        assertThat(actual.values()).as("parcels").extracting(r -> r.get("polygon_id")).contains("P03", "P04", "P05",
                "P10").doesNotContain("P11");
        // Every row carries its parcel's properties, as the GeoJSON has them.
        Map<String, JsonNode> properties = new HashMap<>();
        for (JsonNode f : JSON.readTree(PARCELS.toFile()).get("features")) {
            properties.put(f.get("properties").get("parcel_id").asText(), f.get("properties"));
        }
        assertThat(actual.values()).allSatisfy(r -> {
            JsonNode p = properties.get((String) r.get("polygon_id"));
            assertThat(r).containsEntry("aux_crop", p.get("crop").asText())
                    .containsEntry("aux_organic", p.get("organic").asBoolean())
                    .containsEntry("aux_area_ha", p.get("area_ha").asDouble());
        });
        assertThat(actual.values()).filteredOn(r -> r.get("polygon_id").equals("P04"))
                .allSatisfy(r -> assertThat(r).containsEntry("aux_crop", "potato").containsEntry("aux_organic", true));
        assertThat(actual.values()).as("masked pixels keep their row").anyMatch(r -> r.get("red") == null);
        long overlapRows = actual.values().stream().filter(r -> r.get("polygon_id").equals("P01")).count();
        // P01 lies in both crops: by item its 2023-06-12 pixels come twice (33UVU and 33UWU), by day once.
        assertThat(overlapRows).isEqualTo(by.equals("item") ? 4 * 600 : 3 * 600);
    }

    private Map<String, JsonNode> oracle(List<Path> items, String by) throws Exception {
        GdalOracle.requireGdal();
        ObjectNode spec = JSON.createObjectNode();
        ArrayNode list = spec.putArray("items");
        items.forEach(i -> list.add(i.toString()));
        spec.put("polygons", PARCELS.toString()).put("id_property", "parcel_id").put("scale_offset", true).put("by", by);
        spec.putArray("bands").add("red").add("nir");
        ObjectNode mask = spec.putObject("mask").put("asset", "scl");
        List.of(0, 1, 3, 8, 9, 10).forEach(mask.putArray("exclude")::add);
        Path specFile = tmp.resolve("pixels-spec.json");
        Path result = tmp.resolve("pixels-oracle.json");
        JSON.writeValue(specFile.toFile(), spec);
        Path script = ROOT.resolve("flink-job/src/test/resources/oracle/pixels_oracle.py");
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), specFile.toString(), result.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("pixels oracle failed: %s", log).isZero();
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode r : JSON.readTree(result.toFile())) {
            rows.put(r.get("polygon_id").asText() + "|" + r.get("item_id").asText() + "|" + r.get("pixel_id").asLong(),
                    r);
        }
        assertThat(rows).hasSizeGreaterThan(1000);
        return rows;
    }
}
