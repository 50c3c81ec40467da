package dev.stacstream.sinks.testing;

import dev.stacstream.sinks.ParquetTables;
import dev.stacstream.sinks.parquet.TableFormat;
import dev.stacstream.sinks.parquet.TableWriters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem.WriteMode;
import org.apache.flink.core.fs.local.LocalFileSystem;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;

/**
 * Writes and lists part files without a Flink job: the read-back tests use the same bulk writers and bucket
 * assigners as the sink, one part file per bucket, so the bytes equal what a FileSink commits.
 */
public final class PartFiles {

    private PartFiles() {}

    /** Writes {@code rows} under {@code <root>/<table>/<bucket>/<table>-0.parquet}; returns the table folder. */
    public static <T> Path write(Path root, TableFormat<T> table, BucketAssigner<T, String> buckets, List<T> rows) {
        Path tableDir = root.resolve(table.tableName());
        Map<String, List<T>> byBucket = new LinkedHashMap<>();
        for (T row : rows) {
            byBucket.computeIfAbsent(buckets.getBucketId(row, null), b -> new java.util.ArrayList<>()).add(row);
        }
        BulkWriter.Factory<T> factory = TableWriters.factory(table);
        byBucket.forEach((bucket, bucketRows) -> {
            Path file = tableDir.resolve(bucket).resolve(table.tableName() + "-0" + ParquetTables.PART_SUFFIX);
            try {
                Files.createDirectories(file.getParent());
                try (FSDataOutputStream out = LocalFileSystem.getSharedInstance()
                        .create(new org.apache.flink.core.fs.Path(file.toUri()), WriteMode.NO_OVERWRITE)) {
                    BulkWriter<T> writer = factory.create(out);
                    for (T row : bucketRows) {
                        writer.addElement(row);
                    }
                    writer.finish();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        });
        return tableDir;
    }

    /** Every regular file under {@code dir}, hidden ones included, relative to {@code dir}, sorted. */
    public static List<String> allFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
