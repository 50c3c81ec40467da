package dev.stacstream.stac.source;

import static dev.stacstream.stac.source.testing.SourceJobs.await;
import static dev.stacstream.stac.source.testing.SourceJobs.awaitThenStop;
import static dev.stacstream.stac.source.testing.SourceJobs.hourly;
import static dev.stacstream.stac.source.testing.SourceJobs.lateItem;
import static dev.stacstream.stac.source.testing.SourceJobs.records;
import static dev.stacstream.stac.source.testing.SourceJobs.stopWithSavepoint;
import static dev.stacstream.stac.source.testing.SourceJobs.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.source.config.StacSourceOptions;
import dev.stacstream.stac.source.testing.CommittedItemsSink;
import dev.stacstream.stac.source.testing.FailOnceAfterCheckpoint;
import dev.stacstream.stac.source.testing.GoldenFiles;
import dev.stacstream.stac.source.testing.LoopbackStacApi;
import dev.stacstream.stac.source.testing.SourceJobs;
import dev.stacstream.storage.StorageOptions;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Restores Flink savepoints that earlier versions of the source wrote, committed under
 * {@code src/test/resources/source/golden/savepoint/<state formats>/} together with the sink batches their job had
 * committed, and checks that the current source resumes from each exactly once: nothing the savepoint's job emitted
 * comes again, and what was published after it comes once. This guards the operator state, the enumerator state
 * and the split formats together, as a user's upgrade would exercise them.
 *
 * <p>Run with {@code -Dstacstream.golden.regenerate=true} to rewrite the savepoint of the current formats (only
 * with a new format version: older savepoints must stay as they are).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StacSourceSavepointMigrationITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(SourceJobs.PARALLELISM)
                    .build());

    /** The savepoint of the current state formats: enumerator state v1, split v1. */
    private static final String CURRENT = "enumerator-v1-split-v1";
    /** Items the savepoint's job saw: {@code hourly(0, SAVEPOINT_ITEMS)}. */
    private static final int SAVEPOINT_ITEMS = 10;
    /** Items its job had committed before the savepoint was taken (at least). */
    private static final int COMMITTED_BEFORE_SAVEPOINT = 6;
    /** The sink batches the savepoint's job committed, as {@code batch-id TAB record} lines. */
    private static final String COMMITTED_FILE = "committed-batches.tsv";

    @TempDir
    Path work;

    private LoopbackStacApi api;

    @BeforeEach
    void startApi() {
        api = new LoopbackStacApi();
        FailOnceAfterCheckpoint.reset();
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CURRENT})
    void resumesExactlyOnceFromTheCommittedSavepoint(String formats) throws Exception {
        Path golden = GoldenFiles.sourceDirectory("savepoint").resolve(formats);
        if (GoldenFiles.regenerating() && formats.equals(CURRENT)) {
            writeSavepoint(golden);
        }

        // Given the output the savepoint's job committed, and a feed with its items plus newer and late ones
        CommittedItemsSink.Output output = CommittedItemsSink.emptyOutput("migration");
        output.restore(readBatches(golden.resolve(COMMITTED_FILE)));
        List<StacItem> expected = new ArrayList<>(hourly(0, SAVEPOINT_ITEMS + 5));
        expected.add(lateItem("late-1", 4));
        api.publish(expected.toArray(StacItem[]::new));

        // When a job resumes from the savepoint
        JobClient job = submit(source(), "migration", copySavepoint(golden).toUri().toString());

        // Then each item is committed exactly once over both jobs
        awaitThenStop(job, api, output, records(expected), work.resolve("after"));
        assertThat(output.records()).containsExactlyInAnyOrderElementsOf(records(expected));
    }

    /** Runs a job over {@code hourly(0, SAVEPOINT_ITEMS)}, stops it with a savepoint and stores it in {@code golden}. */
    private void writeSavepoint(Path golden) throws Exception {
        CommittedItemsSink.Output output = CommittedItemsSink.emptyOutput("savepoint-writer");
        api.publish(hourly(0, SAVEPOINT_ITEMS).toArray(StacItem[]::new));
        JobClient job = submit(source(), "savepoint-writer", null);
        await(() -> output.records().size() >= COMMITTED_BEFORE_SAVEPOINT, "some items committed",
                output::records);
        Path written = Path.of(URI.create(stopWithSavepoint(job, work.resolve("written"))));

        if (Files.isDirectory(golden)) {
            try (Stream<Path> old = Files.list(golden)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(golden);
        copyFiles(written, golden);
        List<String> lines = output.batches().entrySet().stream()
                .flatMap(batch -> batch.getValue().stream().map(record -> batch.getKey() + "\t" + record))
                .sorted()
                .toList();
        Files.write(golden.resolve(COMMITTED_FILE), lines);
    }

    private StacSource source() {
        return SourceJobs.continuousSource(api.url(), StorageOptions.defaults(),
                StacSourceOptions.MAX_CONSECUTIVE_FAILURES.defaultValue());
    }

    /** A copy of the golden savepoint, so that restoring cannot touch the committed files. */
    private Path copySavepoint(Path golden) throws IOException {
        Path copy = Files.createDirectories(work.resolve("savepoint"));
        copyFiles(golden, copy);
        Files.delete(copy.resolve(COMMITTED_FILE));
        return copy;
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static Map<String, List<String>> readBatches(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(line -> line.split("\t", 2))
                .collect(Collectors.groupingBy(fields -> fields[0], LinkedHashMap::new,
                        Collectors.mapping(fields -> fields[1], Collectors.toList())));
    }
}
