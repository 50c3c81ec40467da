package dev.stacstream.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code stacstream run --pipeline conf/pipelines/local.yaml}, in-process on the
 * embedded Flink against the committed {@code test-data/} catalog: it ends with exit code 0 and a summary whose
 * counts match the committed tables, which hold no in-progress or hidden part files.
 */
class RunCommandITCase {

    private static final Path ROOT = Path.of(System.getProperty("stacstream.root", "..")).toAbsolutePath().normalize();
    private static final Pattern ROWS = Pattern.compile("rows\\s+([\\d,]+) grid_stats rows, (\\d+) error rows");

    @TempDir
    Path tmp;

    @Test
    void theLocalPipelineRunsToASummaryThatMatchesItsTables() throws IOException, SQLException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StacstreamCli.run(new String[] {"run", "--pipeline", ROOT.resolve("conf/pipelines/local.yaml").toString(),
                "--set", "source.catalog=" + ROOT.resolve("test-data/catalog/catalog.json"),
                "--set", "output.root=" + tmp.resolve("out"),
                "--set", "job.web-ui=false"}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("started on the embedded Flink");
        String summary = out.toString();
        assertThat(summary).contains("stacstream: done in ", "items    4", "windows  36 of 36 planned",
                "tables   " + tmp.resolve("out/grid_stats") + "/", "refs     " + tmp.resolve("out/manifests") + "/");
        Matcher rows = ROWS.matcher(summary);
        assertThat(rows.find()).as(summary).isTrue();
        long summaryRows = Long.parseLong(rows.group(1).replace(",", ""));

        assertThat(countRows(tmp.resolve("out/grid_stats"))).isEqualTo(summaryRows).isPositive();
        assertThat(rows.group(2)).isEqualTo("0");
        assertThat(hiddenOrInProgress(tmp.resolve("out/grid_stats"))).isEmpty();
        assertThat(hiddenOrInProgress(tmp.resolve("out/errors"))).isEmpty();
    }

    @Test
    void thePointsPipelineReadsOnlyTheWindowsOfItsPointsAndCountsItsRows() throws IOException, SQLException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StacstreamCli.run(new String[] {"run", "--pipeline", ROOT.resolve("conf/pipelines/points.yaml").toString(),
                "--set", "source.catalog=" + ROOT.resolve("test-data/catalog/catalog.json"),
                "--set", "extract.points=" + ROOT.resolve("test-data/points/points.geojson"),
                "--set", "output.root=" + tmp.resolve("out")}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isZero();
        String summary = out.toString();
        Matcher windows = Pattern.compile("windows  (\\d+) of (\\d+) planned").matcher(summary);
        assertThat(windows.find()).as(summary).isTrue();
        // 36 windows make the four items; the 40 points need fewer.
        assertThat(Integer.parseInt(windows.group(2))).isPositive().isLessThan(36);
        Matcher rows = Pattern.compile("rows\\s+([\\d,]+) points rows, (\\d+) error rows").matcher(summary);
        assertThat(rows.find()).as(summary).isTrue();
        assertThat(summary).contains("points   ", "observations (point x band x item)",
                "tables   " + tmp.resolve("out/points") + "/  " + tmp.resolve("out/errors") + "/",
                "read_parquet('" + tmp.resolve("out/points") + "/**/*.parquet'").doesNotContain("grid_stats");
        assertThat(countRows(tmp.resolve("out/points"))).isEqualTo(Long.parseLong(rows.group(1).replace(",", "")))
                .isPositive();
        assertThat(hiddenOrInProgress(tmp.resolve("out/points"))).isEmpty();
    }

    @Test
    void aPointsFileThatIsNotGeoJsonStopsTheRunNamingIt() throws IOException {
        Path bad = Files.writeString(tmp.resolve("points.geojson"), "{\"type\": \"FeatureCollection\", \"features\": ["
                + "{\"type\": \"Feature\", \"id\": 1, \"geometry\": {\"type\": \"LineString\", \"coordinates\": []}}]}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StacstreamCli.run(new String[] {"run", "--pipeline", ROOT.resolve("conf/pipelines/points.yaml").toString(),
                "--set", "source.catalog=" + ROOT.resolve("test-data/catalog/catalog.json"),
                "--set", "extract.points=" + bad, "--set", "extract.point-id=null",
                "--set", "output.root=" + tmp.resolve("out")}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("extract.points: points file " + bad.toUri() + " feature '1' (features[0]) is a"
                + " LineString; point extraction needs Point features").doesNotContain("\tat ");
    }

    private static List<String> hiddenOrInProgress(Path table) throws IOException {
        if (!Files.exists(table)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(table)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".") || n.contains("inprogress")).toList();
        }
    }

    private static long countRows(Path table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet('" + table + "/**/*.parquet')")) {
            r.next();
            return r.getLong(1);
        }
    }
}
