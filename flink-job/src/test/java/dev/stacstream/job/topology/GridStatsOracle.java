package dev.stacstream.job.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.cog.testing.GdalOracle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs the independent numpy implementation ({@code oracle/grid_stats_oracle.py}, Debian's python3 with GDAL and
 * numpy) over whole arrays and returns its statistics cube {@code [band][stat][cellRow][cellCol]}.
 */
final class GridStatsOracle {

    static final int COUNT_TOTAL = 0;
    static final int COUNT_VALID = 1;
    static final int SUM = 2;
    static final int MEAN = 3;
    static final int MIN = 4;
    static final int MAX = 5;
    static final int STD = 6;

    private final double[] data;
    private final int bands;
    private final int rows;
    private final int cols;

    private GridStatsOracle(double[] data, int bands, int rows, int cols) {
        this.data = data;
        this.bands = bands;
        this.rows = rows;
        this.cols = cols;
    }

    /** One band: its file, nodata, scale and offset. */
    record Band(Path path, Double nodata, double scale, double offset) {}

    static GridStatsOracle compute(List<Band> bands, Path mask, int ratio, List<Integer> excluded, int factor, Path work)
            throws IOException, InterruptedException {
        return compute(bands, mask, ratio, "classes", excluded, factor, work);
    }

    /** @param ruleKind {@code classes} (exclude these values) or {@code bits} (exclude when any of these bits is set) */
    static GridStatsOracle compute(List<Band> bands, Path mask, int ratio, String ruleKind, List<Integer> values, int factor,
            Path work) throws IOException, InterruptedException {
        GdalOracle.requireGdal();
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = json.createObjectNode();
        var bandNodes = spec.putArray("bands");
        for (Band b : bands) {
            ObjectNode n = bandNodes.addObject().put("path", b.path().toString()).put("scale", b.scale()).put("offset", b.offset());
            if (b.nodata() == null) {
                n.putNull("nodata");
            } else {
                n.put("nodata", b.nodata());
            }
        }
        ObjectNode m = spec.putObject("mask").put("path", mask.toString()).put("ratio", ratio);
        ObjectNode rule = m.putObject("rule").put("kind", ruleKind);
        values.forEach(rule.putArray(ruleKind.equals("bits") ? "bits" : "exclude")::add);
        spec.put("factor_x", factor).put("factor_y", factor);
        Path specFile = work.resolve("oracle-spec.json");
        Path out = work.resolve("oracle.f64");
        json.writeValue(specFile.toFile(), spec);
        Path script = Path.of(System.getProperty("stacstream.root", "..")).resolve(
                "flink-job/src/test/resources/oracle/grid_stats_oracle.py");
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), specFile.toString(), out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("oracle failed: " + output);
        }
        var shape = json.readTree(output.lines().reduce((a, b) -> b).orElseThrow()).get("shape");
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        double[] data = new double[buf.remaining() / Double.BYTES];
        buf.asDoubleBuffer().get(data);
        return new GridStatsOracle(data, shape.get(0).asInt(), shape.get(2).asInt(), shape.get(3).asInt());
    }

    /**
     * Asserts that the committed {@code grid_stats} under {@code out} hold exactly one row per band and cell of
     * this oracle, with counts, min and max equal and mean, std and sum equal to float rounding.
     *
     * @param bands the band names in the oracle's band order
     */
    void assertMatches(Path out, List<String> bands, String collection, String period, String crs) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET enable_geoparquet_conversion = false");
            ResultSet rs = st.executeQuery("SELECT band, cell_x, cell_y, count_total, count_valid, mean, min, max, std, sum,"
                    + " items, collection, period, crs FROM read_parquet('" + out.resolve("grid_stats") + "/**/*.parquet',"
                    + " hive_partitioning = true)");
            int rows = 0;
            while (rs.next()) {
                rows++;
                int band = bands.indexOf(rs.getString("band"));
                int cx = rs.getInt("cell_x");
                int cy = rs.getInt("cell_y");
                String where = rs.getString("band") + " cell (" + cx + ", " + cy + ")";
                assertThat(band).as(where).isNotNegative();
                assertThat(rs.getLong("count_total")).as(where).isEqualTo((long) get(band, COUNT_TOTAL, cy, cx));
                long valid = rs.getLong("count_valid");
                assertThat(valid).as(where).isEqualTo((long) get(band, COUNT_VALID, cy, cx));
                assertThat(rs.getInt("items")).isEqualTo(1);
                assertThat(rs.getString("collection")).isEqualTo(collection);
                assertThat(rs.getString("period")).isEqualTo(period);
                assertThat(rs.getString("crs")).isEqualTo(crs);
                if (valid == 0) {
                    assertThat(rs.getObject("mean")).as(where).isNull();
                    continue;
                }
                assertThat(rs.getDouble("min")).as(where).isEqualTo(get(band, MIN, cy, cx));
                assertThat(rs.getDouble("max")).as(where).isEqualTo(get(band, MAX, cy, cx));
                double scale = Math.max(1e-300, Math.abs(get(band, MAX, cy, cx)));
                assertThat(rs.getDouble("mean")).as(where).isCloseTo(get(band, MEAN, cy, cx), within(1e-12 * Math.max(1, scale)));
                assertThat(rs.getDouble("std")).as(where).isCloseTo(get(band, STD, cy, cx), within(1e-9 * Math.max(1, scale)));
                assertThat(rs.getDouble("sum")).as(where).isCloseTo(get(band, SUM, cy, cx),
                        within(1e-9 * Math.max(1, Math.abs(get(band, SUM, cy, cx)))));
            }
            assertThat(rows).isEqualTo(bands.size() * rows() * cols());
            ResultSet dup = st.executeQuery("SELECT count(*) FROM (SELECT band, cell_x, cell_y, count(*) n FROM read_parquet('"
                    + out.resolve("grid_stats") + "/**/*.parquet') GROUP BY ALL HAVING n > 1)");
            dup.next();
            assertThat(dup.getLong(1)).as("duplicate rows").isZero();
        }
    }

    double get(int band, int stat, int cellY, int cellX) {
        return data[((band * 7 + stat) * rows + cellY) * cols + cellX];
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    int bands() {
        return bands;
    }
}
