package dev.stacstream.sinks;

import dev.stacstream.sinks.bucket.ErrorDateBucketAssigner;
import dev.stacstream.sinks.bucket.GridStatsBucketAssigner;
import dev.stacstream.sinks.bucket.PixelsBucketAssigner;
import dev.stacstream.sinks.bucket.PointsBucketAssigner;
import dev.stacstream.sinks.bucket.SizeAndCheckpointRollingPolicy;
import dev.stacstream.sinks.parquet.ErrorsTable;
import dev.stacstream.sinks.parquet.GridStatsTable;
import dev.stacstream.sinks.parquet.PixelsTable;
import dev.stacstream.sinks.parquet.PointsTable;
import dev.stacstream.sinks.parquet.TableFormat;
import dev.stacstream.sinks.parquet.TableWriters;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.GridStatsBatch;
import dev.stacstream.sinks.row.PixelBatch;
import dev.stacstream.sinks.row.PointRow;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The job's output tables as Flink {@link FileSink}s: zstd Parquet, one folder per table under the output root,
 * Hive-style partition folders chosen from each row's own values, exactly once.
 *
 * <p>Each part file is rolled at every checkpoint and becomes visible (renamed from a hidden in-progress file, or
 * its multipart upload completed on S3) only when that checkpoint completes, so readers never see rows that a
 * failure will replay. Without checkpointing nothing is ever committed in streaming mode. Part files are named
 * {@code <table>-<uuid>-<counter>.parquet}.
 *
 * <pre>{@code
 * gridStats.sinkTo(ParquetTables.gridStatsSink(root)).uid("grid-stats-sink");
 * errors.sinkTo(ParquetTables.errorsSink(root)).uid("errors-sink");
 * }</pre>
 * The output root is any Flink file-system URI with a recoverable writer: a local path, {@code file://},
 * {@code s3a://} (the flink-s3-fs-hadoop plugin; the presto plugin cannot back a FileSink), {@code hdfs://}.
 *
 * <p>A task failure leaves the hidden in-progress files of the failed attempt behind (its rows are written again
 * after the restore, so no data is lost or doubled); once a bounded job has finished, remove them with
 * {@link #removeAbandonedInProgressFiles}.
 */
public final class ParquetTables {

    /** Suffix of every committed part file. */
    public static final String PART_SUFFIX = ".parquet";

    private ParquetTables() {}

    /**
     * {@code <outputRoot>/grid_stats/collection=…/period=…/grid_stats-….parquet}, from batches of rows (type
     * {@link GridStatsBatch#typeInfo()}).
     */
    public static FileSink<GridStatsBatch> gridStatsSink(String outputRoot) {
        return sink(outputRoot, new GridStatsTable(), new GridStatsBucketAssigner());
    }

    /**
     * {@code <outputRoot>/points/collection=…/period=…/points-….parquet}, one row per element; {@code table} carries
     * the input points' attribute columns.
     */
    public static FileSink<PointRow> pointsSink(String outputRoot, PointsTable table) {
        return sink(outputRoot, table, new PointsBucketAssigner());
    }

    /**
     * {@code <outputRoot>/pixels/collection=…/date=…/pixels-….parquet}, a polygon's pixels of an item per element,
     * never split across files; a part file is rolled at every checkpoint and, between elements, once it has reached
     * {@code targetFileBytes}.
     */
    public static FileSink<PixelBatch> pixelsSink(String outputRoot, PixelsTable table, long targetFileBytes) {
        return FileSink.forBulkFormat(tablePath(outputRoot, table.tableName()), TableWriters.factory(table))
                .withBucketAssigner(new PixelsBucketAssigner())
                .withRollingPolicy(new SizeAndCheckpointRollingPolicy<>(targetFileBytes))
                .withOutputFileConfig(OutputFileConfig.builder()
                        .withPartPrefix(table.tableName())
                        .withPartSuffix(PART_SUFFIX)
                        .build())
                .build();
    }

    /** {@code <outputRoot>/errors/date=…/errors-….parquet}. */
    public static FileSink<ErrorRow> errorsSink(String outputRoot) {
        return sink(outputRoot, new ErrorsTable(), new ErrorDateBucketAssigner());
    }

    /**
     * Deletes the in-progress part files that failed attempts left under the tables and returns them. Call it
     * only when no job writes under {@code outputRoot}, e.g. right after a bounded job has finished; see
     * {@link AbandonedPartFiles} for why they exist and why a running job's files must not be touched.
     */
    public static List<Path> removeAbandonedInProgressFiles(String outputRoot) {
        List<Path> deleted = new ArrayList<>();
        for (String table : List.of(GridStatsTable.NAME, PointsTable.NAME, PixelsTable.NAME, ErrorsTable.NAME)) {
            deleted.addAll(AbandonedPartFiles.delete(tablePath(outputRoot, table), table, PART_SUFFIX));
        }
        return deleted;
    }

    /** The folder of table {@code table} ({@link GridStatsTable#NAME}, {@link ErrorsTable#NAME}) under the root. */
    public static Path tablePath(String outputRoot, String table) {
        return new Path(new Path(outputRoot), table);
    }

    private static <T> FileSink<T> sink(String outputRoot, TableFormat<T> table, BucketAssigner<T, String> buckets) {
        return FileSink.forBulkFormat(tablePath(outputRoot, table.tableName()), TableWriters.factory(table))
                .withBucketAssigner(buckets)
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder()
                        .withPartPrefix(table.tableName())
                        .withPartSuffix(PART_SUFFIX)
                        .build())
                .build();
    }
}
