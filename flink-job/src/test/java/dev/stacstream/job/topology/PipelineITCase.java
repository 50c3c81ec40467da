package dev.stacstream.job.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.cog.testing.TestCorpus;
import dev.stacstream.job.aggregate.BlockAggregator;
import dev.stacstream.job.aggregate.GridSpec;
import dev.stacstream.job.config.PipelineConfig;
import dev.stacstream.job.config.PipelineConfigLoader;
import dev.stacstream.job.mask.BandLayer;
import dev.stacstream.job.mask.BandValues;
import dev.stacstream.job.mask.BlockInput;
import dev.stacstream.job.mask.BlockMasker;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.mask.MaskLayer;
import dev.stacstream.job.mask.MaskRule;
import dev.stacstream.job.mask.SclDilationParams;
import dev.stacstream.sinks.ParquetTables;
import dev.stacstream.sinks.kerchunk.LocalManifestStore;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.json.KerchunkJsonReader;
import dev.stacstream.sinks.kerchunk.stack.StackContents;
import dev.stacstream.sinks.kerchunk.stack.StackKey;
import dev.stacstream.storage.StorageOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole job on Flink's MiniCluster over the real Sentinel-2 scene: its {@code grid_stats}, read back with
 * DuckDB from the committed Parquet files, equal an independent numpy computation of the same SCL mask
 * ({0, 1, 3, 8, 9, 10} upsampled by nearest neighbour), nodata and scale, cell by cell.
 */
class PipelineITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Path LOCAL_PIPELINE = Path.of(System.getProperty("stacstream.root", ".."))
            .resolve("conf/pipelines/local.yaml");

    @TempDir
    Path tmp;

    static StreamExecutionEnvironment environment() {
        Configuration conf = Configuration.fromMap(Map.of(
                "pipeline.generic-types", "false",
                "execution.checkpointing.interval", "300 ms"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    /** Factor 10 divides nothing in a 512-pixel block; factor 7 neither divides the block nor the 1098-pixel image. */
    @ParameterizedTest(name = "factor {0}")
    @ValueSource(ints = {10, 7})
    void gridStatsOfTheRealSceneEqualNumpy(int factor) throws Exception {
        Path catalog = SentinelScene.writeCatalog(tmp.resolve("catalog"));
        Path out = tmp.resolve("out");
        PipelineConfig config = PipelineConfigLoader.load(LOCAL_PIPELINE, List.of(
                "source.catalog=" + catalog, "output.root=" + out, "aggregate.factor=" + factor,
                "aggregate.stats=[count, mean, min, max, std, sum]", "aggregate.period=day"));
        StreamExecutionEnvironment env = environment();
        StacstreamTopology.build(env, config, StorageOptions.defaults());
        env.execute("pipeline-it-" + factor);
        ParquetTables.removeAbandonedInProgressFiles(out.toString());

        Path scene = SentinelScene.sceneDir();
        GridStatsOracle oracle = GridStatsOracle.compute(List.of(
                new GridStatsOracle.Band(scene.resolve("B04.tif"), 0.0, 0.0001, 0.0),
                new GridStatsOracle.Band(scene.resolve("B08.tif"), 0.0, 0.0001, 0.0)),
                scene.resolve("SCL.tif"), 2, List.of(0, 1, 3, 8, 9, 10), factor, tmp);

        oracle.assertMatches(out, List.of("red", "nir"), "sentinel-2-l2a", "2020-02-19", "EPSG:32629");
        try (Stream<Path> files = Files.walk(out)) {
            // .zmetadata is the one dot-file kerchunk's Parquet references are made of.
            assertThat(files.filter(f -> f.getFileName().toString().startsWith(".")
                    && !f.getFileName().toString().equals(".zmetadata"))).as("hidden files left").isEmpty();
        }
        LocalManifestStore manifests = new LocalManifestStore(out.resolve("manifests"));
        for (String asset : List.of("red", "nir", "scl")) {
            StackKey key = new StackKey("sentinel-2-l2a", "MGRS-29RKH", asset);
            ReferenceSet stack = KerchunkJsonReader.read(manifests.read(key.jsonPath()).orElseThrow(), key.toString());
            assertThat(StackContents.steps(key, stack, key.toString())).extracting(StackContents.Step::itemId)
                    .containsExactly("S2A_29RKH_20200219_0_L2A");
        }
    }

    /**
     * The real Landsat 8 corpus scene (striped, uncompressed, subsampled to 600 m): SR_B4/SR_B5 with the Collection 2
     * scale and offset, masked where QA_PIXEL has any of bits 0-4 set (fill, dilated cloud, cirrus, cloud, shadow).
     */
    @Test
    void gridStatsOfTheRealLandsatSceneEqualNumpy() throws Exception {
        Path scene = TestCorpus.require().resolve("rasters/landsat/" + LANDSAT + "/QA_PIXEL.TIF").getParent();
        Path catalog = writeLandsatCatalog(tmp.resolve("landsat"), scene);
        Path out = tmp.resolve("out-landsat");
        PipelineConfig config = PipelineConfigLoader.load(LOCAL_PIPELINE, List.of(
                "source.catalog=" + catalog, "source.collections=[landsat-c2-l2]", "output.root=" + out,
                "assets.bands=[red, nir08]", "mask.asset=qa_pixel", "mask.qa-bits=[0, 1, 2, 3, 4]", "aggregate.factor=10",
                "aggregate.stats=[count, mean, min, max, std, sum]"));
        StreamExecutionEnvironment env = environment();
        StacstreamTopology.build(env, config, StorageOptions.defaults());
        env.execute("pipeline-it-landsat");

        GridStatsOracle oracle = GridStatsOracle.compute(List.of(
                new GridStatsOracle.Band(scene.resolve("SR_B4.TIF"), 0.0, LANDSAT_SCALE, LANDSAT_OFFSET),
                new GridStatsOracle.Band(scene.resolve("SR_B5.TIF"), 0.0, LANDSAT_SCALE, LANDSAT_OFFSET)),
                scene.resolve("QA_PIXEL.TIF"), 1, "bits", List.of(0, 1, 2, 3, 4), 10, tmp);
        oracle.assertMatches(out, List.of("red", "nir08"), "landsat-c2-l2", "2020-10-31", "EPSG:32620");
    }

    private static final String LANDSAT = "LC08_L2SP_001062_20201031_20201106_02_T2";
    /** Landsat Collection 2 Level-2 surface reflectance: value * 2.75e-5 - 0.2. */
    private static final double LANDSAT_SCALE = 2.75e-5;
    private static final double LANDSAT_OFFSET = -0.2;

    /** A one-item catalog in today's Earth Search style for the corpus files (the recorded item is STAC 0.7). */
    private static Path writeLandsatCatalog(Path dir, Path scene) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode item = json.createObjectNode().put("type", "Feature").put("stac_version", "1.0.0").put("id", LANDSAT)
                .put("collection", "landsat-c2-l2");
        ObjectNode geometry = item.putObject("geometry").put("type", "Polygon");
        geometry.putArray("coordinates").addArray().add(json.createArrayNode().add(-66.6).add(-1.85))
                .add(json.createArrayNode().add(-64.5).add(-1.85)).add(json.createArrayNode().add(-64.5).add(0.25))
                .add(json.createArrayNode().add(-66.6).add(0.25)).add(json.createArrayNode().add(-66.6).add(-1.85));
        item.putArray("bbox").add(-66.6).add(-1.85).add(-64.5).add(0.25);
        item.putObject("properties").put("datetime", "2020-10-31T14:32:15Z").put("proj:epsg", 32620);
        item.putArray("links");
        ObjectNode assets = item.putObject("assets");
        for (String[] a : new String[][] {{"red", "SR_B4.TIF"}, {"nir08", "SR_B5.TIF"}}) {
            ObjectNode asset = assets.putObject(a[0]).put("href", scene.resolve(a[1]).toUri().toString())
                    .put("type", "image/tiff; application=geotiff");
            asset.putArray("raster:bands").addObject().put("nodata", 0).put("scale", LANDSAT_SCALE)
                    .put("offset", LANDSAT_OFFSET).put("data_type", "uint16");
        }
        assets.putObject("qa_pixel").put("href", scene.resolve("QA_PIXEL.TIF").toUri().toString())
                .put("type", "image/tiff; application=geotiff");
        Files.createDirectories(dir.resolve("items"));
        json.writeValue(dir.resolve("items/landsat.json").toFile(), item);
        ObjectNode catalog = json.createObjectNode().put("type", "Catalog").put("stac_version", "1.0.0")
                .put("id", "landsat").put("description", "corpus Landsat scene");
        catalog.putArray("links").addObject().put("rel", "item").put("href", "./items/landsat.json");
        Path file = dir.resolve("catalog.json");
        json.writeValue(file.toFile(), catalog);
        return file;
    }

    /**
     * The SCL dilation rule in the job is exact at work-window edges: the job reads each window's SCL with the
     * rule's halo, and its grid_stats equal the same kernels applied to the whole scene as one block.
     */
    @Test
    void dilationIsExactAcrossWindowEdges() throws Exception {
        Path catalog = SentinelScene.writeCatalog(tmp.resolve("catalog-dilation"));
        Path out = tmp.resolve("out-dilation");
        PipelineConfig config = PipelineConfigLoader.load(LOCAL_PIPELINE, List.of(
                "source.catalog=" + catalog, "output.root=" + out, "aggregate.factor=10", "assets.scale-offset=false",
                "mask.dilation.enabled=true", "mask.dilation.kernel1-size=17", "mask.dilation.kernel2-size=77",
                "aggregate.stats=[count, mean, min, max, std, sum]"));
        StreamExecutionEnvironment env = environment();
        StacstreamTopology.build(env, config, StorageOptions.defaults());
        env.execute("pipeline-it-dilation");

        Path scene = SentinelScene.sceneDir();
        Raster b04;
        Raster b08;
        Raster scl;
        double[] gt;
        try (var red = CogFile.open(scene.resolve("B04.tif").toString());
                var nir = CogFile.open(scene.resolve("B08.tif").toString());
                var mask = CogFile.open(scene.resolve("SCL.tif").toString())) {
            b04 = red.read(0);
            b08 = nir.read(0);
            scl = mask.read(0);
            gt = red.geoReference().geoTransform();
        }
        var values = BandValues.withNodata(0);
        var block = BlockInput.of(new LevelGrid(1098, 1098, gt, 32629),
                PixelWindow.full(1098, 1098), List.of(
                        BandLayer.of("red", b04, values),
                        BandLayer.of("nir", b08, values)))
                .withMask(MaskLayer.whole(scl, 2, OptionalDouble.of(0)));
        var rule = MaskRule.sclDilation(
                SclDilationParams.defaults().withKernelSizes(17, 77));
        var whole = new BlockAggregator(GridSpec.byFactor(10))
                .aggregate(new BlockMasker(rule).mask(block));

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = db.createStatement()) {
            st.execute("SET enable_geoparquet_conversion = false");
            ResultSet rs = st.executeQuery("SELECT band, cell_x, cell_y, count_total, count_valid, min, max, sum"
                    + " FROM read_parquet('" + out.resolve("grid_stats") + "/**/*.parquet', hive_partitioning = true)");
            int rows = 0;
            long masked = 0;
            while (rs.next()) {
                rows++;
                int band = rs.getString("band").equals("red") ? 0 : 1;
                var expected = whole.stats(band, rs.getInt("cell_x"), rs.getInt("cell_y"));
                String where = rs.getString("band") + " cell (" + rs.getInt("cell_x") + ", " + rs.getInt("cell_y") + ")";
                assertThat(rs.getLong("count_total")).as(where).isEqualTo(expected.countTotal());
                assertThat(rs.getLong("count_valid")).as(where).isEqualTo(expected.countValid());
                masked += rs.getLong("count_total") - rs.getLong("count_valid");
                if (expected.countValid() > 0) {
                    assertThat(rs.getDouble("min")).as(where).isEqualTo(expected.min());
                    assertThat(rs.getDouble("max")).as(where).isEqualTo(expected.max());
                    assertThat(rs.getDouble("sum")).as(where).isEqualTo(expected.sum());
                }
            }
            assertThat(rows).isEqualTo(2 * 110 * 110);
            assertThat(masked).as("the dilated mask removes pixels").isPositive();
        }
    }
}
