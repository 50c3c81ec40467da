package dev.stacstream.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.sinks.testing.PartFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbandonedPartFilesTest {

    private static final String UUID_A = "99b28200-f1b3-4881-9375-a95e3223fd66";
    private static final String UUID_B = "f7dfb01b-942c-47c8-bfac-4f8d8c56adea";

    @Test
    void deletesOnlyHiddenInProgressFilesOfTheTablesParts(@TempDir Path root) throws IOException {
        List<String> abandoned = List.of(
                "grid_stats/collection=c/period=2020-02/.grid_stats-" + UUID_A + "-0.parquet.inprogress." + UUID_B,
                "grid_stats/collection=c/period=p/.grid_stats-" + UUID_B + "-12.parquet.inprogress." + UUID_A,
                "errors/date=2024-05-01/.errors-" + UUID_A + "-3.parquet.inprogress." + UUID_B);
        List<String> kept = List.of(
                "grid_stats/collection=c/period=2020-02/grid_stats-" + UUID_A + "-0.parquet",
                "grid_stats/collection=c/period=2020-02/.grid_stats-" + UUID_A + "-1.parquet.crc",
                "grid_stats/collection=c/period=2020-02/.errors-" + UUID_A + "-1.parquet.inprogress." + UUID_B,
                "grid_stats/.DS_Store",
                "grid_stats/_SUCCESS",
                "other/.grid_stats-" + UUID_A + "-0.parquet.inprogress." + UUID_B,
                "errors/date=2024-05-01/errors-" + UUID_A + "-3.parquet");
        for (String file : concat(abandoned, kept)) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), "x");
        }

        List<org.apache.flink.core.fs.Path> deleted =
                ParquetTables.removeAbandonedInProgressFiles(root.toUri().toString());

        assertThat(deleted).extracting(p -> root.relativize(Path.of(p.toUri())).toString())
                .containsExactlyInAnyOrderElementsOf(abandoned);
        assertThat(PartFiles.allFiles(root)).containsExactlyInAnyOrderElementsOf(kept);
    }

    @Test
    void aRootWithoutTablesHasNothingToDelete(@TempDir Path root) {
        assertThat(ParquetTables.removeAbandonedInProgressFiles(root.resolve("never-written").toString())).isEmpty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
