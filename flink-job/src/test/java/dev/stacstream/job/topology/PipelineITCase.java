package dev.stacstream.job.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
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

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET enable_geoparquet_conversion = false");
            ResultSet rs = st.executeQuery("SELECT band, cell_x, cell_y, count_total, count_valid, mean, min, max, std, sum,"
                    + " items, collection, period, crs FROM read_parquet('" + out.resolve("grid_stats") + "/**/*.parquet',"
                    + " hive_partitioning = true)");
            int rows = 0;
            while (rs.next()) {
                rows++;
                int band = rs.getString("band").equals("red") ? 0 : 1;
                int cx = rs.getInt("cell_x");
                int cy = rs.getInt("cell_y");
                String where = rs.getString("band") + " cell (" + cx + ", " + cy + ")";
                assertThat(rs.getLong("count_total")).as(where).isEqualTo((long) oracle.get(band, GridStatsOracle.COUNT_TOTAL, cy, cx));
                long valid = rs.getLong("count_valid");
                assertThat(valid).as(where).isEqualTo((long) oracle.get(band, GridStatsOracle.COUNT_VALID, cy, cx));
                assertThat(rs.getInt("items")).isEqualTo(1);
                if (valid == 0) {
                    assertThat(rs.getObject("mean")).as(where).isNull();
                    continue;
                }
                assertThat(rs.getDouble("min")).as(where).isEqualTo(oracle.get(band, GridStatsOracle.MIN, cy, cx));
                assertThat(rs.getDouble("max")).as(where).isEqualTo(oracle.get(band, GridStatsOracle.MAX, cy, cx));
                assertThat(rs.getDouble("mean")).as(where).isCloseTo(oracle.get(band, GridStatsOracle.MEAN, cy, cx), within(1e-12));
                assertThat(rs.getDouble("std")).as(where).isCloseTo(oracle.get(band, GridStatsOracle.STD, cy, cx), within(1e-9));
                assertThat(rs.getDouble("sum")).as(where).isCloseTo(oracle.get(band, GridStatsOracle.SUM, cy, cx), within(1e-8));
                assertThat(rs.getString("collection")).isEqualTo("sentinel-2-l2a");
                assertThat(rs.getString("period")).isEqualTo("2020-02-19");
                assertThat(rs.getString("crs")).isEqualTo("EPSG:32629");
            }
            assertThat(rows).isEqualTo(2 * oracle.rows() * oracle.cols());
            ResultSet dup = st.executeQuery("SELECT count(*) FROM (SELECT band, cell_x, cell_y, count(*) n FROM read_parquet('"
                    + out.resolve("grid_stats") + "/**/*.parquet') GROUP BY ALL HAVING n > 1)");
            dup.next();
            assertThat(dup.getLong(1)).as("duplicate rows").isZero();
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("."))).as("hidden files left").isEmpty();
        }
    }
}
