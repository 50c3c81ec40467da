package dev.stacstream.job.topology;

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
        ObjectNode rule = m.putObject("rule").put("kind", "classes");
        excluded.forEach(rule.putArray("exclude")::add);
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
