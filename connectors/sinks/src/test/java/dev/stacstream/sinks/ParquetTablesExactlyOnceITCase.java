package dev.stacstream.sinks;

import static dev.stacstream.sinks.testing.DuckDb.readTable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.sinks.parquet.ErrorsTable;
import dev.stacstream.sinks.parquet.GridStatsTable;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.GridStatsBatch;
import dev.stacstream.sinks.testing.DuckDb;
import dev.stacstream.sinks.testing.ExpectedColumns;
import dev.stacstream.sinks.testing.FailOnceAfterCheckpoint;
import dev.stacstream.sinks.testing.PartFiles;
import dev.stacstream.sinks.testing.SampleRows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both sinks in one MiniCluster job, fed a deterministic sequence paced over many checkpoints, with a task failure
 * injected after the first completed checkpoint. Only committed files are read (by DuckDB), and they must hold every
 * row exactly once (Flink's own FileSink ITs check exactly-once the same way); after
 * {@link ParquetTables#removeAbandonedInProgressFiles} only visible {@code .parquet} part files remain. The job runs
 * with {@code pipeline.generic-types: false}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParquetTablesExactlyOnceITCase {

    private static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(PARALLELISM)
                    .build());

    private static final long ROWS = 900;
    /** Every {@value}th sequence number also produces an errors row. */
    private static final long ERROR_EVERY = 10;
    /** The source emits at most this many records per checkpoint, so the run spans about ten checkpoints. */
    private static final int ROWS_PER_CHECKPOINT = 90;
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(100);
    private static final Duration RESTART_DELAY = Duration.ofMillis(100);
    private static final int RESTART_ATTEMPTS = 3;
    private static final Pattern PART_FILE =
            Pattern.compile("(grid_stats|errors)-[0-9a-f-]{36}-\\d+" + Pattern.quote(ParquetTables.PART_SUFFIX));

    private static final Pattern IN_PROGRESS_FILE = Pattern.compile("\\.(grid_stats|errors)-[0-9a-f-]{36}-\\d+"
            + Pattern.quote(ParquetTables.PART_SUFFIX) + "\\.inprogress\\.[0-9a-f-]{36}");

    @TempDir
    Path output;

    @BeforeEach
    void resetFailure() {
        FailOnceAfterCheckpoint.reset();
    }

    @Test
    void everyRowIsCommittedExactlyOnceAcrossAnInjectedFailure() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobConfig());
        env.setParallelism(PARALLELISM);
        DataStream<Long> sequence = env.fromSource(
                        new DataGeneratorSource<>(i -> i, ROWS, RateLimiterStrategy.perCheckpoint(ROWS_PER_CHECKPOINT),
                                Types.LONG),
                        WatermarkStrategy.noWatermarks(), "sequence")
                .uid("sequence")
                .map(new FailOnceAfterCheckpoint<Long>()).uid("fail-once");
        String root = output.toUri().toString();
        sequence.map(SampleRows::gridStatsBatch).returns(GridStatsBatch.typeInfo()).uid("to-grid-stats")
                .sinkTo(ParquetTables.gridStatsSink(root)).uid("grid-stats-sink");
        sequence.filter(i -> i % ERROR_EVERY == 0).uid("every-tenth")
                .map(SampleRows::error).returns(ErrorRow.typeInfo()).uid("to-errors")
                .sinkTo(ParquetTables.errorsSink(root)).uid("errors-sink");

        env.execute("sinks exactly once");
        List<String> beforeSweep = PartFiles.allFiles(output);
        List<org.apache.flink.core.fs.Path> swept = ParquetTables.removeAbandonedInProgressFiles(root);

        assertThat(FailOnceAfterCheckpoint.failed()).as("failure injected").isTrue();
        assertThat(FailOnceAfterCheckpoint.restoredFromCheckpoint()).as("job restored from a checkpoint").isTrue();
        try (DuckDb db = new DuckDb()) {
            Path gridStats = output.resolve(GridStatsTable.NAME);
            Path errors = output.resolve(ErrorsTable.NAME);
            List<Map<String, Object>> gridStatsRows =
                    db.query(ExpectedColumns.GRID_STATS_SELECT + " FROM " + readTable(gridStats));
            List<Map<String, Object>> errorRows = db.query(ExpectedColumns.ERRORS_SELECT + " FROM " + readTable(errors));

            // Same multiset: nothing missing, nothing twice.
            assertThat(gridStatsRows).containsExactlyInAnyOrderElementsOf(
                    LongStream.range(0, ROWS).mapToObj(SampleRows::gridStats).map(ExpectedColumns::of).toList());
            assertThat(errorRows).containsExactlyInAnyOrderElementsOf(LongStream.range(0, ROWS)
                    .filter(i -> i % ERROR_EVERY == 0).mapToObj(SampleRows::error).map(ExpectedColumns::of).toList());
        }
        // The failed attempt's open files are the only hidden ones, and the sweep removes exactly those.
        assertThat(beforeSweep).filteredOn(file -> !PART_FILE.matcher(Path.of(file).getFileName().toString()).matches())
                .allSatisfy(file -> assertThat(Path.of(file).getFileName().toString()).matches(IN_PROGRESS_FILE))
                .hasSameSizeAs(swept);
        List<String> files = PartFiles.allFiles(output);
        assertThat(files).as("only committed part files, nothing hidden or in progress").allSatisfy(file ->
                assertThat(Path.of(file).getFileName().toString()).matches(PART_FILE));
        long gridStatsBuckets = (long) SampleRows.COLLECTIONS.size() * SampleRows.PERIODS.size();
        assertThat(files.stream().filter(f -> f.startsWith(GridStatsTable.NAME)).count())
                .as("part files rolled at checkpoints, not once at the end").isGreaterThan(gridStatsBuckets);
    }

    private static Configuration jobConfig() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, CHECKPOINT_INTERVAL);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, RESTART_ATTEMPTS);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, RESTART_DELAY);
        return conf;
    }
}
