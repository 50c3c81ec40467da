package dev.stacstream.sinks.parquet;

import static dev.stacstream.sinks.testing.DuckDb.readTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.sinks.bucket.PixelsBucketAssigner;
import dev.stacstream.sinks.row.FeatureAttribute;
import dev.stacstream.sinks.row.FeatureAttribute.Type;
import dev.stacstream.sinks.row.PixelBatch;
import dev.stacstream.sinks.row.PixelSource;
import dev.stacstream.sinks.testing.DuckDb;
import dev.stacstream.sinks.testing.PartFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB reads the {@code pixels} part files back: the band and {@code aux_} columns, NULLs and the folders. */
class PixelsDuckDbTest {

    @Test
    void pixelsReadBackWithBandsAuxColumnsAndFolders(@TempDir Path root) throws Exception {
        List<FeatureAttribute> attributes = List.of(new FeatureAttribute("crop", "aux_crop", Type.STRING),
                new FeatureAttribute("organic", "aux_organic", Type.BOOLEAN));
        PixelsTable table = new PixelsTable(List.of("red", "nir"), attributes,
                Map.of("P1", new Object[] {"wheat", true}, "P2", new Object[] {null, false}));
        Instant june12 = Instant.parse("2023-06-12T10:05:00Z");
        // P1's day: one pixel from each of two overlapping tiles of the same datatake.
        List<PixelBatch> batches = List.of(
                new PixelBatch("P1", "sentinel-2-l2a", "EPSG:32633", List.of(
                        new PixelSource("S2A_33UVU_20230612", "MGRS-33UVU", june12),
                        new PixelSource("S2A_33UWU_20230612", "MGRS-33UWU", june12)), new int[] {0, 1},
                        new long[] {11, 12}, new double[] {500005, 500015}, new double[] {5899995, 5899995},
                        new double[][] {{0.1, Double.NaN}, {0.3, Double.NaN}}),
                PixelBatch.of("P2", "landsat-c2-l2", "EPSG:32633",
                        new PixelSource("LC09_X", null, Instant.parse("2023-06-14T09:40:00Z")),
                        new long[] {99}, new double[] {500015}, new double[] {5899985}, new double[][] {{0.2}, {0.4}}));
        Path dir = PartFiles.write(root, table, new PixelsBucketAssigner(), batches);

        try (DuckDb db = new DuckDb()) {
            Map<String, String> types = new LinkedHashMap<>();
            for (Map<String, Object> column : db.query("DESCRIBE SELECT * FROM read_parquet('" + dir
                    + "/**/*.parquet', hive_partitioning = false)")) {
                types.put((String) column.get("column_name"), (String) column.get("column_type"));
            }
            assertThat(types).containsExactly(Map.entry("polygon_id", "VARCHAR"), Map.entry("pixel_id", "BIGINT"),
                    Map.entry("x", "DOUBLE"), Map.entry("y", "DOUBLE"), Map.entry("crs", "VARCHAR"),
                    Map.entry("collection", "VARCHAR"), Map.entry("tile", "VARCHAR"), Map.entry("item_id", "VARCHAR"),
                    Map.entry("datetime", "TIMESTAMP WITH TIME ZONE"), Map.entry("red", "DOUBLE"),
                    Map.entry("nir", "DOUBLE"), Map.entry("aux_crop", "VARCHAR"), Map.entry("aux_organic", "BOOLEAN"));
            List<Map<String, Object>> rows = db.query("SELECT polygon_id, pixel_id, x, red, nir, tile, item_id, aux_crop,"
                    + " aux_organic, date::VARCHAR AS date FROM " + readTable(dir) + " ORDER BY pixel_id");
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0)).containsEntry("polygon_id", "P1").containsEntry("pixel_id", 11L)
                    .containsEntry("x", 500005.0).containsEntry("red", 0.1).containsEntry("nir", 0.3)
                    .containsEntry("aux_crop", "wheat").containsEntry("aux_organic", true)
                    .containsEntry("date", "2023-06-12").containsEntry("item_id", "S2A_33UVU_20230612");
            assertThat(rows.get(1)).containsEntry("red", null).containsEntry("nir", null)
                    .containsEntry("item_id", "S2A_33UWU_20230612").containsEntry("tile", "MGRS-33UWU");
            assertThat(rows.get(2)).containsEntry("polygon_id", "P2").containsEntry("tile", null)
                    .containsEntry("aux_crop", null).containsEntry("aux_organic", false).containsEntry("date", "2023-06-14");
        }
    }

    /** A parcel of 45,000 pixels is one element: its records fill several pages, each ended before the next record. */
    @Test
    void oneElementMayHoldMorePixelsThanAPage(@TempDir Path root) throws Exception {
        int n = 45_000;
        long[] ids = new long[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[][] bands = new double[1][n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            xs[i] = i * 10.0;
            ys[i] = -i;
            bands[0][i] = i % 7 == 0 ? Double.NaN : i / 1000.0;
        }
        PixelBatch big = PixelBatch.of("BIG", "sentinel-2-l2a", "EPSG:32633",
                new PixelSource("item", "MGRS-33UVU", Instant.parse("2023-06-12T10:05:00Z")), ids, xs, ys, bands);
        Path dir = PartFiles.write(root, new PixelsTable(List.of("red"), List.of(), Map.of()),
                new PixelsBucketAssigner(), List.of(big));
        try (DuckDb db = new DuckDb()) {
            Map<String, Object> stats = db.query("SELECT count(*) AS n, count(DISTINCT pixel_id) AS ids, sum(pixel_id) AS s,"
                    + " count(red) AS valid FROM read_parquet('" + dir + "/**/*.parquet')").get(0);
            assertThat(((Number) stats.get("n")).longValue()).isEqualTo(n);
            assertThat(((Number) stats.get("ids")).longValue()).isEqualTo(n);
            assertThat(((Number) stats.get("s")).longValue()).isEqualTo((long) n * (n - 1) / 2);
            assertThat(((Number) stats.get("valid")).longValue()).isEqualTo(n - (n + 6) / 7);
        }
    }

    @Test
    void aBandMayNotShadowAColumnOfTheTable() {
        assertThatThrownBy(() -> new PixelsTable(List.of("red", "x"), List.of(), Map.of()))
                .hasMessage("band 'x' clashes with a column of the pixels table");
    }
}
