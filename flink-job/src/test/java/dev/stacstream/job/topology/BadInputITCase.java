package dev.stacstream.job.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.cog.geo.LonLatProjection;
import dev.stacstream.cog.testing.Prerequisites;
import dev.stacstream.cog.testing.TiffBytes;
import dev.stacstream.job.config.PipelineConfig;
import dev.stacstream.job.config.PipelineConfigLoader;
import dev.stacstream.sinks.kerchunk.LocalManifestStore;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.json.KerchunkJsonReader;
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
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad items do not stop the job: an asset that does not exist, a corrupt tile and an unknown codec each land in
 * {@code errors} with their stage, kind, asset and href (and block), while the good item completes in full; an
 * asset the reader decodes but kerchunk references cannot express is processed and reported at stage manifest.
 */
class BadInputITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Path ROOT = Path.of(System.getProperty("stacstream.root", ".."));
    /** TIFF Compression code of LERC, which the reader does not decode. */
    private static final int LERC = 34887;

    @TempDir
    Path tmp;

    @Test
    void badItemsAreRecordedAndTheGoodOneCompletes() throws Exception {
        Path scene = SentinelScene.sceneDir();
        Path files = Files.createDirectories(tmp.resolve("files"));
        // A copy of B04 whose block at index 4 (the centre of the 3 x 3 grid) is garbage.
        TiffBytes corrupt = TiffBytes.read(scene.resolve("B04.tif"));
        var ifd0 = corrupt.directories().get(0);
        long offset = corrupt.values(ifd0.entry(TiffBytes.TILE_OFFSETS))[4];
        byte[] bytes = corrupt.bytes();
        for (int i = 0; i < 64; i++) {
            bytes[(int) offset + i] = (byte) 0xA5;
        }
        Files.write(files.resolve("B04_corrupt.tif"), bytes);
        // A copy of B08 that claims LERC compression in its full-resolution IFD.
        TiffBytes lerc = TiffBytes.read(scene.resolve("B08.tif"));
        lerc.putValue(lerc.directories().get(0).entry(TiffBytes.COMPRESSION), 0, LERC);
        lerc.writeTo(files.resolve("B08_lerc.tif"));

        // B04 re-written as strips of 100 rows: 1098 rows leave the last strip incomplete, which the reader decodes
        // but no zarr chunk grid can express, so the item completes while its manifests leave the asset out.
        Path striped = files.resolve("B04_striped.tif");
        gdalTranslate(scene.resolve("B04.tif"), striped, "-co", "TILED=NO", "-co", "BLOCKYSIZE=100",
                "-co", "COMPRESS=DEFLATE");

        Map<String, Map<String, String>> items = new HashMap<>();
        items.put("good", Map.of("red", scene.resolve("B04.tif").toUri().toString(),
                "nir", scene.resolve("B08.tif").toUri().toString()));
        items.put("missing-asset", Map.of("red", files.resolve("does-not-exist.tif").toUri().toString(),
                "nir", scene.resolve("B08.tif").toUri().toString()));
        items.put("corrupt-tile", Map.of("red", files.resolve("B04_corrupt.tif").toUri().toString(),
                "nir", scene.resolve("B08.tif").toUri().toString()));
        items.put("striped", Map.of("red", striped.toUri().toString(),
                "nir", scene.resolve("B08.tif").toUri().toString()));
        items.put("unknown-codec", Map.of("red", scene.resolve("B04.tif").toUri().toString(),
                "nir", files.resolve("B08_lerc.tif").toUri().toString()));
        Path catalog = writeCatalog(tmp.resolve("catalog"), items);

        // A parcel across the window that holds the bad block (columns < 1024) and the one east of it, and a point in
        // each of the two windows (the scene: EPSG:32629, 100 m pixels from (199980, 2800020)).
        Path parcels = writeGeoJson(tmp.resolve("parcels.geojson"), "{\"type\": \"Feature\", \"id\": \"across\","
                + " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [" + ring(1000.3, 600.3, 1050.7, 650.7)
                + "]}}");
        Path points = writeGeoJson(tmp.resolve("points.geojson"), point("in-bad-window", 700.5, 700.5) + ", "
                + point("east", 1050.5, 100.5));
        Path out = tmp.resolve("out");
        PipelineConfig config = PipelineConfigLoader.load(ROOT.resolve("conf/pipelines/local.yaml"), List.of(
                "source.catalog=" + catalog, "output.root=" + out, "aggregate.period=item", "aggregate.factor=10",
                "checkpoint.interval=300 ms", "checkpoint.dir=" + out.resolve("_checkpoints"),
                "extract.polygons=" + parcels, "extract.pixels-by=item", "extract.points=" + points,
                "extract.period=item"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                JobEnvironment.configuration(config));
        env.setParallelism(2);
        StacstreamTopology.build(env, config, StorageOptions.defaults());
        env.execute("bad-input");

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET enable_geoparquet_conversion = false");
            // 1098 px by factor 10: 110 x 110 cells per band.
            assertThat(count(st, "SELECT count(*) FROM " + table(out, "grid_stats") + " WHERE period = 'good'"))
                    .isEqualTo(2L * 110 * 110);
            assertThat(count(st, "SELECT count(*) FROM " + table(out, "grid_stats") + " WHERE period = 'striped'"))
                    .isEqualTo(2L * 110 * 110);
            assertThat(count(st, "SELECT count(*) FROM " + table(out, "grid_stats")
                    + " WHERE period IN ('missing-asset', 'unknown-codec')")).isZero();
            // The corrupt item loses exactly the window holding its bad block (windows span the 2 x 2 band blocks
            // one SCL block covers, and a window fails as a whole, both bands); its other 3 windows complete.
            assertThat(count(st, "SELECT count(*) FROM " + table(out, "grid_stats") + " WHERE period = 'corrupt-tile'"))
                    .isPositive().isLessThan(2L * 110 * 110);

            ResultSet e = st.executeQuery("SELECT item_id, asset, href, block, stage, kind, message, attempts FROM "
                    + table(out, "errors") + " ORDER BY item_id, block");
            Map<String, Integer> perItem = new HashMap<>();
            while (e.next()) {
                String item = e.getString("item_id");
                perItem.merge(item, 1, Integer::sum);
                String message = e.getString("message");
                switch (item) {
                    case "missing-asset" -> {
                        assertThat(e.getString("stage")).isEqualTo("plan");
                        assertThat(e.getString("asset")).isEqualTo("red");
                        assertThat(e.getString("href")).endsWith("does-not-exist.tif");
                        assertThat(message).contains("does-not-exist.tif");
                    }
                    case "corrupt-tile" -> {
                        if (e.getString("kind").equals("incomplete")) {
                            // The parcel's part from the failed window never came: reported, the rest written.
                            assertThat(message).isEqualTo("polygon across of item corrupt-tile: 1 of its 2 windows did"
                                    + " not arrive (see their errors); its pixels from the other windows are written");
                            continue;
                        }
                        assertThat(e.getString("stage")).isEqualTo("decode");
                        assertThat(e.getString("kind")).isEqualTo("malformed");
                        assertThat(e.getString("asset")).isEqualTo("red");
                        assertThat(e.getLong("block")).isEqualTo(4);
                        assertThat(message).contains("B04_corrupt.tif").contains("block 4");
                    }
                    case "unknown-codec" -> {
                        assertThat(e.getString("stage")).isEqualTo("plan");
                        assertThat(e.getString("kind")).isEqualTo("unsupported");
                        assertThat(e.getString("asset")).isEqualTo("nir");
                        assertThat(message).contains("B08_lerc.tif").contains("34887").contains("LERC");
                    }
                    case "striped" -> {
                        assertThat(e.getString("stage")).isEqualTo("manifest");
                        assertThat(e.getString("kind")).isEqualTo("unsupported");
                        assertThat(e.getString("asset")).isEqualTo("red");
                        assertThat(e.getString("href")).endsWith("B04_striped.tif");
                        assertThat(message).contains("B04_striped.tif").contains("RowsPerStrip 100");
                    }
                    default -> throw new AssertionError("unexpected error row for " + item + ": " + message);
                }
            }
            assertThat(perItem).containsEntry("missing-asset", 1).containsEntry("corrupt-tile", 2)
                    .containsEntry("unknown-codec", 1).containsEntry("striped", 1).doesNotContainKey("good");
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            String pixels = "read_parquet('" + out.resolve("pixels") + "/**/*.parquet')";
            long whole = count(st, "SELECT count(*) FROM " + pixels + " WHERE item_id = 'good'");
            assertThat(whole).as("the parcel's pixels in the good item").isEqualTo(51L * 51);
            assertThat(count(st, "SELECT count(*) FROM " + pixels + " WHERE item_id = 'corrupt-tile'"))
                    .as("the corrupt item's pixels east of the bad window").isEqualTo(27L * 51);
            assertThat(count(st, "SELECT count(*) FROM " + pixels + " WHERE item_id IN ('missing-asset',"
                    + " 'unknown-codec')")).isZero();
            String pointRows = "read_parquet('" + out.resolve("points") + "/**/*.parquet')";
            assertThat(count(st, "SELECT count(*) FROM " + pointRows + " WHERE period = 'good'")).isEqualTo(2L * 2);
            assertThat(count(st, "SELECT count(*) FROM " + pointRows + " WHERE period = 'corrupt-tile' AND point_id ="
                    + " 'east'")).isEqualTo(2);
            assertThat(count(st, "SELECT count(*) FROM " + pointRows + " WHERE period = 'corrupt-tile' AND point_id ="
                    + " 'in-bad-window'")).isZero();
        }
        // The striped item's manifest holds its other assets; its red time stack does not hold it.
        LocalManifestStore manifests = new LocalManifestStore(out.resolve("manifests"));
        ReferenceSet stripedItem = KerchunkJsonReader.read(
                manifests.read("sentinel-2-l2a/items/striped.json").orElseThrow(), "striped");
        assertThat(stripedItem.arrays().keySet()).contains("nir/0", "scl/0").noneMatch(a -> a.startsWith("red/"));
    }

    private static final double[] SCENE = {199980, 100, 0, 2800020, 0, -100};

    /** The WGS 84 position of scene pixel position (col, row), as a GeoJSON [lon, lat]. */
    private static String lonLat(double col, double row) {
        double[] out = new double[2];
        LonLatProjection.forEpsg(32629).unproject(SCENE[0] + col * SCENE[1], SCENE[3] + row * SCENE[5], out);
        return "[" + out[0] + ", " + out[1] + "]";
    }

    private static String ring(double col0, double row0, double col1, double row1) {
        return "[" + lonLat(col0, row0) + ", " + lonLat(col1, row0) + ", " + lonLat(col1, row1) + ", "
                + lonLat(col0, row1) + ", " + lonLat(col0, row0) + "]";
    }

    private static String point(String id, double col, double row) {
        return "{\"type\": \"Feature\", \"id\": \"" + id + "\", \"geometry\": {\"type\": \"Point\", \"coordinates\": "
                + lonLat(col, row) + "}}";
    }

    private static Path writeGeoJson(Path file, String features) throws Exception {
        return Files.writeString(file, "{\"type\": \"FeatureCollection\", \"features\": [" + features + "]}");
    }

    private static void gdalTranslate(Path from, Path to, String... options) throws Exception {
        Prerequisites.require(Files.isExecutable(Path.of("/usr/bin/gdal_translate")), "gdal_translate (gdal-bin)");
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/gdal_translate", "-q"));
        command.addAll(List.of(options));
        command.addAll(List.of(from.toString(), to.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("gdal_translate: %s", output).isZero();
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String table(Path out, String name) {
        return "read_parquet('" + out.resolve(name) + "/**/*.parquet', hive_partitioning = true)";
    }

    /** A static catalog of copies of the real item, one per entry, with the given band hrefs and no mask. */
    private static Path writeCatalog(Path dir, Map<String, Map<String, String>> items) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode template = (ObjectNode) json.readTree(SentinelScene.sceneDir()
                .resolve(SentinelScene.ITEM_ID + ".json").toFile());
        Files.createDirectories(dir.resolve("items"));
        ObjectNode catalog = json.createObjectNode().put("type", "Catalog").put("stac_version", "1.0.0")
                .put("id", "bad-input").put("description", "one good item and three bad ones");
        ArrayNode links = catalog.putArray("links");
        for (var entry : items.entrySet()) {
            ObjectNode item = template.deepCopy();
            item.put("id", entry.getKey());
            item.putArray("links");
            ((ObjectNode) item.get("assets").get("scl")).put("href",
                    SentinelScene.sceneDir().resolve("SCL.tif").toUri().toString());
            entry.getValue().forEach((asset, href) -> ((ObjectNode) item.get("assets").get(asset)).put("href", href));
            json.writeValue(dir.resolve("items/" + entry.getKey() + ".json").toFile(), item);
            links.addObject().put("rel", "item").put("href", "./items/" + entry.getKey() + ".json");
        }
        Path file = dir.resolve("catalog.json");
        json.writeValue(file.toFile(), catalog);
        return file;
    }
}
