package dev.stacstream.job.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.job.config.PipelineConfig;
import dev.stacstream.job.config.PipelineConfigLoader;
import dev.stacstream.job.plan.BlockTask;
import dev.stacstream.job.plan.BlockTaskCodec;
import dev.stacstream.job.types.CodecTypeInfo;
import dev.stacstream.sinks.ParquetTables;
import dev.stacstream.storage.StorageOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once under failure, on the bundled test catalog (4 Sentinel-2-like items, 36 work windows): a task
 * failure after the first completed checkpoint, the loss of a TaskManager, and stop-with-savepoint then resume
 * each give the same {@code grid_stats} as one failure-free run (no duplicate, no missing row).
 */
class FailureRecoveryITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(2).setNumberSlotsPerTaskManager(1)
                    .setConfiguration(Configuration.fromMap(java.util.Map.of(
                            "restart-strategy.type", "fixed-delay",
                            "restart-strategy.fixed-delay.attempts", "5",
                            "restart-strategy.fixed-delay.delay", "200 ms")))
                    .build());

    private static final Path ROOT = Path.of(System.getProperty("stacstream.root", ".."));
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    static Path shared;
    private static Path baseline;

    @TempDir
    Path tmp;

    static PipelineConfig config(Path out, String... extra) {
        List<String> sets = new java.util.ArrayList<>(List.of(
                "source.catalog=" + ROOT.resolve("test-data/catalog/catalog.json"), "output.root=" + out,
                "checkpoint.interval=200 ms", "checkpoint.dir=" + out.resolve("_checkpoints"),
                "aggregate.stats=[count, mean, min, max, std, sum]",
                // Points beside the grid: their composites, pending gaps and interpolations go through every failure too.
                "extract.points=" + ROOT.resolve("test-data/points/points.geojson"), "extract.point-id=sample_id",
                "extract.period=day",
                // And parcels: their per-window parts wait in keyed state to be put back together.
                "extract.polygons=" + ROOT.resolve("test-data/polygons/parcels.geojson"), "extract.polygon-id=parcel_id"));
        sets.addAll(List.of(extra));
        return PipelineConfigLoader.load(ROOT.resolve("conf/pipelines/local.yaml"), sets);
    }

    static StreamExecutionEnvironment environment(PipelineConfig config, String restorePath) {
        Configuration conf = JobEnvironment.configuration(config);
        if (restorePath != null) {
            conf.setString("execution.state-recovery.path", restorePath);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    @BeforeAll
    static void failureFreeRun() throws Exception {
        baseline = shared.resolve("baseline");
        PipelineConfig config = config(baseline);
        StreamExecutionEnvironment env = environment(config, null);
        StacstreamTopology.build(env, config, StorageOptions.defaults());
        env.execute("baseline");
        Manifests.assertCompleteForTestCatalog(baseline);
    }

    @BeforeEach
    void resetInjector() {
        Injector.reset();
    }

    @Test
    void aTaskFailureAfterTheFirstCheckpointChangesNothing() throws Exception {
        Injector.failOnce.set(true);
        Path out = tmp.resolve("task-failure");
        PipelineConfig config = config(out);
        StreamExecutionEnvironment env = environment(config, null);
        StacstreamTopology.build(env, config, StorageOptions.defaults(), new InjectorHook());
        env.execute("task-failure");
        assertThat(Injector.failed.get()).as("the failure was injected").isTrue();
        assertSameAsBaseline(out);
    }

    @Test
    void losingATaskManagerChangesNothing(@InjectMiniCluster MiniCluster cluster) throws Exception {
        Path out = tmp.resolve("tm-loss");
        PipelineConfig config = config(out);
        StreamExecutionEnvironment env = environment(config, null);
        StacstreamTopology.build(env, config, StorageOptions.defaults(), new InjectorHook());
        JobClient job = env.executeAsync("tm-loss");
        awaitCheckpoint();
        cluster.terminateTaskManager(0).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        cluster.startTaskManager();
        job.getJobExecutionResult().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertSameAsBaseline(out);
    }

    /**
     * A continuous run (the catalog polled forever) is stopped with a savepoint once every window was processed
     * and checkpointed, while the last day's period is still open in keyed state; the resumed job restores it,
     * rediscovers nothing, and a final drain closes the period: the same rows as one uninterrupted bounded run.
     */
    @Test
    void stopWithSavepointThenResumeEqualsOneUninterruptedRun() throws Exception {
        Path out = tmp.resolve("savepoint");
        PipelineConfig config = config(out, "source.bounded=false", "source.poll-interval=1 s");
        StreamExecutionEnvironment env = environment(config, null);
        StacstreamTopology.build(env, config, StorageOptions.defaults(), new InjectorHook());
        JobClient job = env.executeAsync("before-savepoint");
        awaitCheckpointAfterAllWindows();
        // The injector sits right after planning: windows that passed it may still be in the reads and merges, so
        // the closed periods' rows are committed a checkpoint or two later. Stop only once some are.
        awaitCommittedPartFile(out);
        String savepoint = job.stopWithSavepoint(false, tmp.resolve("savepoints").toUri().toString(),
                SavepointFormatType.CANONICAL).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        long before = committedRows(out);
        assertThat(before).as("some periods closed by event time before the stop").isPositive();
        assertThat(before).as("the last period was still open at the savepoint").isLessThan(committedRows(baseline));

        Injector.reset();
        StreamExecutionEnvironment resumed = environment(config, savepoint);
        StacstreamTopology.build(resumed, config, StorageOptions.defaults(), new InjectorHook());
        JobClient second = resumed.executeAsync("after-savepoint");
        awaitCheckpoint();
        second.stopWithSavepoint(true, tmp.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        second.getJobExecutionResult().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(Injector.processed.get()).as("windows re-read after the resume").isZero();
        assertSameAsBaseline(out);
    }

    /**
     * A continuous run whose item references reach the manifest sink slowly (one item every few checkpoints) fails
     * once after some items were committed: at that moment the manifests name only items that went through a
     * completed checkpoint, and after the restore and a final drain they equal the failure-free run's, every item
     * exactly once and in time order.
     */
    @Test
    void aFailureBetweenManifestCommitsLosesAndRepeatsNothing() throws Exception {
        Path out = tmp.resolve("manifest-failure");
        PipelineConfig config = config(out, "source.bounded=false", "source.poll-interval=1 s");
        StreamExecutionEnvironment env = environment(config, null);
        Manifests.SlowReferences.arm(out);
        StacstreamTopology.build(env, config, StorageOptions.defaults(), new Manifests.SlowReferencesHook());
        JobClient job = env.executeAsync("manifest-failure");
        Manifests.SlowReferences.awaitAllCheckpointed(TIMEOUT);
        awaitCheckpointAfterAllWindows();
        job.stopWithSavepoint(true, tmp.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        // Until the job has ended, its tasks still get checkpoint notifications that would reach the next test's
        // static injector flags.
        job.getJobExecutionResult().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(Manifests.SlowReferences.failed()).as("the failure was injected").isTrue();
        assertThat(Manifests.SlowReferences.publishedAtFailure()).as("items published before the failure")
                .isNotEmpty()
                .isSubsetOf(Manifests.SlowReferences.checkpointedAtFailure());
        assertSameAsBaseline(out);
    }

    private static void awaitCheckpointAfterAllWindows() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Injector.checkpointedAfterAll.get()) {
            assertThat(System.nanoTime()).as("all windows processed and checkpointed in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitCommittedPartFile(Path out) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!hasCommittedPartFile(out)) {
            assertThat(System.nanoTime()).as("a grid_stats part file committed in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static boolean hasCommittedPartFile(Path out) throws Exception {
        if (!Files.exists(out.resolve("grid_stats"))) {
            return false;
        }
        try (Stream<Path> files = Files.walk(out.resolve("grid_stats"))) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(ParquetTables.PART_SUFFIX)
                    && !f.getFileName().toString().startsWith("."));
        }
    }

    private static void awaitCheckpoint() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Injector.checkpointed.get()) {
            assertThat(System.nanoTime()).as("a checkpoint completed in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void assertSameAsBaseline(Path out) throws Exception {
        ParquetTables.removeAbandonedInProgressFiles(out.toString());
        String columns = "collection, tile, period, band, cell_x, cell_y, count_total, count_valid, min, max, items,"
                + " round(mean, 9), round(std, 9), round(sum, 6)";
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET enable_geoparquet_conversion = false");
            String a = table(baseline);
            String b = table(out);
            assertThat(count(st, "SELECT count(*) FROM " + b))
                    .as("rows; per period, tile and band: %s, against the failure-free run's %s; errors table: %s",
                            rowsPerGroup(st, b), rowsPerGroup(st, a), errorRows(st, out))
                    .isEqualTo(count(st, "SELECT count(*) FROM " + a)).isPositive();
            assertThat(count(st, "SELECT count(*) FROM (SELECT " + columns + " FROM " + a + " EXCEPT ALL SELECT "
                    + columns + " FROM " + b + ")")).as("rows missing after recovery").isZero();
            assertThat(count(st, "SELECT count(*) FROM (SELECT " + columns + " FROM " + b + " EXCEPT ALL SELECT "
                    + columns + " FROM " + a + ")")).as("rows duplicated or changed by recovery").isZero();
        }
        String points = "point_id, collection, tile, period, band, round(value, 12), count_valid, interpolated";
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            String a = pointsTable(baseline);
            String b = pointsTable(out);
            assertThat(count(st, "SELECT count(*) FROM " + b)).as("points rows; errors table: %s", errorRows(st, out))
                    .isEqualTo(count(st, "SELECT count(*) FROM " + a)).isPositive();
            assertThat(count(st, "SELECT count(*) FROM (SELECT " + points + " FROM " + a + " EXCEPT ALL SELECT " + points
                    + " FROM " + b + ")")).as("points rows missing after recovery").isZero();
            assertThat(count(st, "SELECT count(*) FROM (SELECT " + points + " FROM " + b + " EXCEPT ALL SELECT " + points
                    + " FROM " + a + ")")).as("points rows duplicated or changed by recovery").isZero();
            assertThat(count(st, "SELECT count(*) FROM " + b + " WHERE interpolated")).as("interpolated rows")
                    .isPositive();
        }
        String pixels = "polygon_id, pixel_id, item_id, tile, round(red, 12), round(nir, 12), aux_crop";
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            String a = "read_parquet('" + baseline.resolve("pixels") + "/**/*.parquet')";
            String b = "read_parquet('" + out.resolve("pixels") + "/**/*.parquet')";
            assertThat(count(st, "SELECT count(*) FROM " + b)).as("pixels rows").isEqualTo(count(st, "SELECT count(*) FROM "
                    + a)).isPositive();
            assertThat(count(st, "SELECT count(*) FROM (SELECT " + pixels + " FROM " + a + " EXCEPT ALL SELECT " + pixels
                    + " FROM " + b + ")")).as("pixels rows missing after recovery").isZero();
            assertThat(count(st, "SELECT count(*) FROM (SELECT polygon_id, item_id, count(DISTINCT filename) AS files"
                    + " FROM read_parquet('" + out.resolve("pixels") + "/**/*.parquet', filename = true) GROUP BY ALL"
                    + " HAVING files > 1)")).as("parcels split across part files").isZero();
        }
        for (String tableName : List.of("grid_stats", "points", "pixels")) {
            try (Stream<Path> files = Files.walk(out.resolve(tableName))) {
                assertThat(files.filter(f -> f.getFileName().toString().startsWith("."))).as("hidden files").isEmpty();
            }
        }
        Manifests.assertSameFiles(out, baseline);
    }

    private static long committedRows(Path out) throws Exception {
        if (!hasCommittedPartFile(out)) {
            return 0;
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET enable_geoparquet_conversion = false");
            return count(st, "SELECT count(*) FROM " + table(out));
        }
    }

    private static String table(Path out) {
        return "read_parquet('" + out.resolve("grid_stats") + "/**/*.parquet', hive_partitioning = true)";
    }

    private static String pointsTable(Path out) {
        return "read_parquet('" + out.resolve("points") + "/**/*.parquet')";
    }

    /** Rows per (period, tile, band), for a failure message that says what went missing. */
    private static String rowsPerGroup(Statement st, String table) throws Exception {
        StringBuilder groups = new StringBuilder();
        try (ResultSet rs = st.executeQuery("SELECT period || '/' || coalesce(tile, '-') || '/' || band, count(*) FROM "
                + table + " GROUP BY ALL ORDER BY ALL")) {
            while (rs.next()) {
                groups.append(rs.getString(1)).append('=').append(rs.getLong(2)).append(' ');
            }
        }
        return groups.toString().trim();
    }

    /** The run's error rows (kind and message), or that it wrote none. */
    private static String errorRows(Statement st, Path out) throws Exception {
        if (!Files.isDirectory(out.resolve("errors"))) {
            return "no rows";
        }
        try (Stream<Path> files = Files.walk(out.resolve("errors"))) {
            if (files.noneMatch(f -> f.getFileName().toString().endsWith(ParquetTables.PART_SUFFIX)
                    && !f.getFileName().toString().startsWith("."))) {
                return "no rows";
            }
        }
        StringBuilder rows = new StringBuilder();
        try (ResultSet rs = st.executeQuery("SELECT kind, message FROM read_parquet('" + out.resolve("errors")
                + "/**/*.parquet')")) {
            while (rs.next()) {
                rows.append(rs.getString(1)).append(": ").append(rs.getString(2)).append("; ");
            }
        }
        return rows.toString();
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Inserts {@link Injector} between planning and reading. */
    static final class InjectorHook implements TopologyHooks {
        private static final long serialVersionUID = 1L;

        @Override
        public DataStream<BlockTask> afterPlan(DataStream<BlockTask> tasks) {
            // Its own task behind a network edge, so unaligned checkpoint barriers overtake the throttled backlog.
            return tasks.rebalance().map(new Injector()).returns(CodecTypeInfo.of(BlockTask.class, new BlockTaskCodec()))
                    .uid("test-injector").name("test: throttle and fail once");
        }
    }

    /**
     * Slows each task a little so checkpoints land mid-run, notes completed checkpoints, and (when armed) throws
     * once after the first one. Its flags are static because the MiniCluster runs in this JVM.
     */
    static final class Injector extends RichMapFunction<BlockTask, BlockTask> implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private static final long THROTTLE_MILLIS = 60;
        static final AtomicBoolean checkpointed = new AtomicBoolean();
        static final AtomicBoolean failOnce = new AtomicBoolean();
        static final AtomicBoolean failed = new AtomicBoolean();
        static final AtomicBoolean checkpointedAfterAll = new AtomicBoolean();
        /**
         * Work windows of the bundled Sentinel-2 catalog: 4 items whose bands are 1098 px in 256 blocks under a 20 m
         * SCL also in 256 blocks, so one SCL block covers 2 x 2 band blocks and a window spans those 512 x 512 px
         * (see WindowSizing): 3 x 3 windows per item.
         */
        static final int ALL_WINDOWS = 4 * 3 * 3;
        static final java.util.concurrent.atomic.AtomicInteger processed = new java.util.concurrent.atomic.AtomicInteger();

        static void reset() {
            checkpointed.set(false);
            checkpointedAfterAll.set(false);
            failOnce.set(false);
            failed.set(false);
            processed.set(0);
        }

        @Override
        public BlockTask map(BlockTask task) throws Exception {
            Thread.sleep(THROTTLE_MILLIS);
            if (failOnce.get() && checkpointed.get() && !failed.getAndSet(true)) {
                throw new IllegalStateException("injected failure after a completed checkpoint");
            }
            processed.incrementAndGet();
            return task;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed.set(true);
            if (processed.get() >= ALL_WINDOWS) {
                checkpointedAfterAll.set(true);
            }
        }
    }
}
