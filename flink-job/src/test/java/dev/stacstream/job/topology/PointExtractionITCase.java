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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Point extraction end to end on Flink's MiniCluster: the {@code points} table, read back with DuckDB from the
 * committed files, equals an independent oracle ({@code oracle/points_oracle.py}: rasterio/GDAL reads the
 * pixels, PROJ places the points, numpy makes the composites and {@code numpy.interp} fills the gaps), row for row.
 */
class PointExtractionITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Path ROOT = Path.of(System.getProperty("stacstream.root", ".."));
    private static final Path POINTS_PIPELINE = ROOT.resolve("conf/pipelines/points.yaml");
    private static final Path TEST_CATALOG = ROOT.resolve("test-data/catalog");
    private static final Path TEST_POINTS = ROOT.resolve("test-data/points/points.geojson");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Values are sums and products of a few doubles on both sides; interpolation rounds in another order. */
    private static final double TOLERANCE = 1e-9;
    /** The pipeline's default SCL classes. */
    private static final ObjectNode SCL_DEFAULT = JSON.createObjectNode().put("asset", "scl");

    static {
        List.of(0, 1, 3, 8, 9, 10).forEach(SCL_DEFAULT.putArray("exclude")::add);
    }

    @TempDir
    Path tmp;

    /**
     * The synthetic catalog: three acquisition days of 33UVU and one of 33UWU, clouds and a nodata wedge. Days leave
     * calendar gaps to interpolate, months none (June and July both have data), items only the observed ones.
     */
    @ParameterizedTest(name = "period {0}, {1}, interpolate {2}")
    @CsvSource({"day, median, linear", "month, mean, none", "item, median, linear"})
    void pointsOfTheTestCatalogEqualTheOracle(String period, String composite, String interpolate) throws Exception {
        Path out = tmp.resolve("out");
        run(List.of("source.catalog=" + TEST_CATALOG.resolve("catalog.json"), "output.root=" + out,
                "extract.points=" + TEST_POINTS, "extract.period=" + period, "extract.composite=" + composite,
                "extract.interpolate=" + interpolate), "points-" + period);

        List<Path> items;
        try (Stream<Path> files = Files.walk(TEST_CATALOG.resolve("sentinel-2-l2a"))) {
            items = files.filter(f -> f.getFileName().toString().startsWith("S2") && f.toString().endsWith(".json"))
                    .sorted().toList();
        }
        assertThat(items).hasSize(4);
        Map<String, JsonNode> expected = oracle(items, TEST_POINTS, "sample_id", period, composite, interpolate,
                List.of("red", "nir"), SCL_DEFAULT);
        Map<String, Row> actual = readPoints(out);
        assertMatches(actual, expected);

        if (interpolate.equals("linear") && !period.equals("month")) {
            assertThat(actual.values()).as("interpolated rows").anyMatch(Row::interpolated);
        }
        assertThat(actual.values()).as("points outside every item").noneMatch(r -> r.pointId().compareTo("pt-037") >= 0);
        assertThat(actual.values()).as("points seen in both tiles")
                .anyMatch(r -> r.tile().equals("MGRS-33UWU") && r.pointId().compareTo("pt-030") <= 0);
    }

    /**
     * The synthetic Landsat 9 item (30 m, EPSG:32633): QA_PIXEL bits 0-4 (fill, dilated cloud, cirrus, cloud,
     * shadow) mask, the Collection 2 scale and offset; the same points, most of them inside its scene.
     */
    @Test
    void landsatPointsOfTheTestCatalogEqualTheOracle() throws Exception {
        Path out = tmp.resolve("out");
        run(List.of("source.catalog=" + TEST_CATALOG.resolve("catalog.json"), "source.collections=[landsat-c2-l2]",
                "output.root=" + out, "assets.bands=[red, nir08]", "mask.asset=qa_pixel", "mask.exclude=null",
                "mask.qa-bits=[0, 1, 2, 3, 4]", "extract.points=" + TEST_POINTS), "points-landsat");

        List<Path> items;
        try (Stream<Path> files = Files.walk(TEST_CATALOG.resolve("landsat-c2-l2"))) {
            items = files.filter(f -> f.getFileName().toString().startsWith("LC09") && f.toString().endsWith(".json"))
                    .toList();
        }
        ObjectNode bits = JSON.createObjectNode().put("asset", "qa_pixel");
        List.of(0, 1, 2, 3, 4).forEach(bits.putArray("bits")::add);
        Map<String, JsonNode> expected = oracle(items, TEST_POINTS, "sample_id", "month", "median", "linear",
                List.of("red", "nir08"), bits);
        Map<String, Row> actual = readPoints(out);
        assertThat(actual).hasSizeGreaterThan(40);
        assertMatches(actual, expected);
        assertThat(actual.values()).anyMatch(r -> r.countValid() == 1).anyMatch(r -> r.countValid() == 0);
    }

    /** The real Sentinel-2 scene, with 60 points spread over its footprint; a few fall off the raster. */
    @Test
    void pointsOfTheRealSceneEqualTheOracle() throws Exception {
        Path catalog = SentinelScene.writeCatalog(tmp.resolve("catalog"));
        Path item = catalog.getParent().resolve("items/" + SentinelScene.ITEM_ID + ".json");
        JsonNode bbox = JSON.readTree(item.toFile()).get("bbox");
        Path points = writePoints(tmp.resolve("points.geojson"), bbox, 60);
        Path out = tmp.resolve("out");
        run(List.of("source.catalog=" + catalog, "output.root=" + out, "extract.points=" + points,
                "extract.point-id=null", "extract.period=day"), "points-real-scene");

        Map<String, JsonNode> expected = oracle(List.of(item), points, null, "day", "median", "linear",
                List.of("red", "nir"), SCL_DEFAULT);
        Map<String, Row> actual = readPoints(out);
        assertThat(actual).hasSizeGreaterThan(60);
        assertMatches(actual, expected);
        assertThat(actual.values()).as("valid and masked points").anyMatch(r -> r.countValid() == 1)
                .anyMatch(r -> r.countValid() == 0);
    }

    private void run(List<String> overrides, String name) throws Exception {
        List<String> all = new ArrayList<>(overrides);
        PipelineConfig config = PipelineConfigLoader.load(POINTS_PIPELINE, all);
        assertThat(config.hasGrid()).isFalse();
        StreamExecutionEnvironment env = PipelineITCase.environment();
        StacstreamTopology.build(env, config, StorageOptions.defaults());
        env.execute(name);
        ParquetTables.removeAbandonedInProgressFiles(config.output().root().toString());
    }

    private static Path writePoints(Path file, JsonNode bbox, int count) throws Exception {
        Random random = new Random(29);
        ObjectNode fc = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        double w = bbox.get(0).asDouble();
        double s = bbox.get(1).asDouble();
        double e = bbox.get(2).asDouble();
        double n = bbox.get(3).asDouble();
        for (int i = 0; i < count; i++) {
            ObjectNode f = features.addObject().put("type", "Feature").put("id", 1000 + i);
            ArrayNode c = f.putObject("geometry").put("type", "Point").putArray("coordinates");
            c.add(w + random.nextDouble() * (e - w)).add(s + random.nextDouble() * (n - s));
            f.putObject("properties").put("class", i % 4);
        }
        JSON.writeValue(file.toFile(), fc);
        return file;
    }

    /** The oracle's rows by key. */
    private Map<String, JsonNode> oracle(List<Path> items, Path points, String idProperty, String period,
            String composite, String interpolate, List<String> bands, ObjectNode mask) throws Exception {
        GdalOracle.requireGdal();
        ObjectNode spec = JSON.createObjectNode();
        ArrayNode list = spec.putArray("items");
        items.forEach(i -> list.add(i.toString()));
        spec.put("points", points.toString());
        if (idProperty == null) {
            spec.putNull("id_property");
        } else {
            spec.put("id_property", idProperty);
        }
        bands.forEach(spec.putArray("bands")::add);
        spec.set("mask", mask);
        spec.put("scale_offset", true).put("period", period).put("composite", composite).put("interpolate", interpolate);
        Path specFile = tmp.resolve("points-spec.json");
        Path result = tmp.resolve("points-oracle.json");
        JSON.writeValue(specFile.toFile(), spec);
        Path script = ROOT.resolve("flink-job/src/test/resources/oracle/points_oracle.py");
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), specFile.toString(), result.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("points oracle failed: %s", log).isZero();
        Map<String, JsonNode> rows = new TreeMap<>();
        for (JsonNode r : JSON.readTree(result.toFile())) {
            rows.put(key(r.get("point_id").asText(), r.get("tile").asText(), r.get("band").asText(),
                    r.get("period").asText()), r);
        }
        return rows;
    }

    record Row(String pointId, String tile, String band, String period, Double value, long countValid,
            boolean interpolated, String geometry) {}

    private static Map<String, Row> readPoints(Path out) throws Exception {
        Map<String, Row> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT point_id, tile, band, period, value, count_valid, interpolated,"
                        + " ST_AsText(geometry) AS wkt FROM read_parquet('" + out.resolve("points") + "/**/*.parquet')")) {
            while (r.next()) {
                double v = r.getDouble("value");
                Double value = r.wasNull() ? null : v;
                Row row = new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4), value,
                        r.getLong("count_valid"), r.getBoolean("interpolated"), r.getString("wkt"));
                assertThat(rows.put(key(row.pointId(), row.tile(), row.band(), row.period()), row))
                        .as("duplicate row %s", row).isNull();
            }
        }
        return rows;
    }

    private static void assertMatches(Map<String, Row> actual, Map<String, JsonNode> expected) {
        assertThat(actual.keySet()).as("rows (point | tile | band | period)").containsExactlyInAnyOrderElementsOf(
                expected.keySet());
        for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
            Row a = actual.get(e.getKey());
            JsonNode x = e.getValue();
            assertThat(a.countValid()).as("count_valid of %s", e.getKey()).isEqualTo(x.get("count_valid").asLong());
            assertThat(a.interpolated()).as("interpolated of %s", e.getKey()).isEqualTo(x.get("interpolated").asBoolean());
            if (x.get("value").isNull()) {
                assertThat(a.value()).as("value of %s", e.getKey()).isNull();
            } else {
                assertThat(a.value()).as("value of %s", e.getKey()).isNotNull()
                        .isCloseTo(x.get("value").asDouble(), within(TOLERANCE));
            }
        }
    }

    private static String key(String point, String tile, String band, String period) {
        return point + " | " + tile + " | " + band + " | " + period;
    }
}
