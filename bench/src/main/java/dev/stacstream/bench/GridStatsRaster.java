package dev.stacstream.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns one period of a {@code grid_stats} table back into a raster stack that numpy can compare with the
 * peers' GeoTIFFs: for each band (in the order given) the layers count, mean, min, max and std, each
 * {@code rows x cols} cells, little-endian float64, band-sequential. A cell without valid pixels (or without
 * a row) has count 0 and NaN statistics, which is how the peers write it.
 *
 * <p>Every (band, cell) must have exactly one row: a duplicate would mean a row written twice, so it fails
 * with the cell named. Reads the Parquet files with DuckDB (the same reader the job's tests use).
 *
 * <p>Usage: {@code GridStatsRaster GRID_STATS_DIR PERIOD BAND[,BAND...] OUT.raw}; writes {@code OUT.raw} and
 * {@code OUT.raw.json} ({@code dtype}, {@code shape [layers, rows, cols]}, {@code layers}).
 */
public final class GridStatsRaster {

    /** The per-band layers, in the peers' order (w_rasterio.py writes B04_count, B04_mean, ...). */
    static final List<String> LAYERS = List.of("count", "mean", "min", "max", "std");
    private static final int COUNT = 0;
    /** JDBC column of count_valid in the row query below; mean, min, max and std follow it in LAYERS order. */
    private static final int COUNT_COLUMN = 4;

    private GridStatsRaster() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: GridStatsRaster GRID_STATS_DIR PERIOD BAND[,BAND...] OUT.raw");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        String period = args[1];
        List<String> bands = List.of(args[2].split(","));
        Path out = Path.of(args[3]);
        String glob = dir.resolve("**").resolve("*.parquet").toString().replace("'", "''");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            int[] size = gridSize(db, glob, period, dir);
            int rows = size[0];
            int cols = size[1];
            double[][] layers = newLayers(bands.size() * LAYERS.size(), rows * cols);
            long read = fill(db, glob, period, bands, cols, layers, dir);
            write(out, layers);
            Files.writeString(Path.of(out + ".json"), String.format(Locale.ROOT,
                    "{\"dtype\": \"float64\", \"shape\": [%d, %d, %d], \"layers\": [%s]}%n", layers.length, rows, cols,
                    layerNames(bands)));
            System.out.printf(Locale.ROOT, "%s: %d rows of period %s -> %d x %d cells x %d layers%n", out, read, period,
                    rows, cols, layers.length);
        }
    }

    /** {rows, cols} of the output grid: one more than the largest cell index. */
    private static int[] gridSize(Connection db, String glob, String period, Path dir) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT max(cell_y) + 1, max(cell_x) + 1, count(*) FROM read_parquet('"
                + glob + "', hive_partitioning = true) WHERE period = ?")) {
            q.setString(1, period);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                if (r.getLong(3) == 0) {
                    throw new IllegalArgumentException(dir + ": no grid_stats rows for period " + period);
                }
                return new int[] {r.getInt(1), r.getInt(2)};
            }
        }
    }

    private static double[][] newLayers(int count, int cells) {
        double[][] layers = new double[count][cells];
        for (int i = 0; i < count; i++) {
            Arrays.fill(layers[i], i % LAYERS.size() == COUNT ? 0.0 : Double.NaN);
        }
        return layers;
    }

    private static long fill(Connection db, String glob, String period, List<String> bands, int cols, double[][] layers,
            Path dir) throws SQLException {
        boolean[] seen = new boolean[bands.size() * layers[0].length];
        long read = 0;
        try (PreparedStatement q = db.prepareStatement("SELECT band, cell_x, cell_y, count_valid, mean, min, max, std"
                + " FROM read_parquet('" + glob + "', hive_partitioning = true) WHERE period = ?")) {
            q.setString(1, period);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    int b = bands.indexOf(r.getString(1));
                    if (b < 0) {
                        continue;
                    }
                    int cell = r.getInt(3) * cols + r.getInt(2);
                    int key = b * layers[0].length + cell;
                    if (seen[key]) {
                        throw new IllegalStateException(dir + ": period " + period + ", band " + bands.get(b) + ", cell ("
                                + r.getInt(2) + ", " + r.getInt(3) + ") has more than one row");
                    }
                    seen[key] = true;
                    int base = b * LAYERS.size();
                    layers[base + COUNT][cell] = r.getLong(COUNT_COLUMN);
                    for (int s = COUNT + 1; s < LAYERS.size(); s++) {
                        double v = r.getDouble(COUNT_COLUMN + s);
                        layers[base + s][cell] = r.wasNull() ? Double.NaN : v;
                    }
                    read++;
                }
            }
        }
        return read;
    }

    private static void write(Path out, double[][] layers) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(layers[0].length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
            for (double[] layer : layers) {
                buf.clear();
                buf.asDoubleBuffer().put(layer);
                os.write(buf.array());
            }
        }
    }

    private static String layerNames(List<String> bands) {
        StringBuilder s = new StringBuilder();
        for (String b : bands) {
            for (String l : LAYERS) {
                s.append(s.length() == 0 ? "" : ", ").append('"').append(b).append('_').append(l).append('"');
            }
        }
        return s.toString();
    }
}
