package dev.stacstream.bench;

import dev.stacstream.job.operators.OutputGrid;
import dev.stacstream.sinks.parquet.GridStatsTable;
import dev.stacstream.sinks.parquet.TableWriters;
import dev.stacstream.sinks.row.CellGeometry;
import dev.stacstream.sinks.row.GridStatsBatch;
import dev.stacstream.sinks.row.OutputPeriod;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.local.LocalDataOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Writing the {@code grid_stats} rows of one workload-W tile (BASELINES.md): one collection, tile, day and CRS,
 * bands {@code red} and {@code nir}, a 1098x1098 grid of 10x10 cells (2,411,208 rows), about 34 % of the cells
 * without a valid pixel (NULL statistics), as the job's sink chain does it: each 64x64-cell chunk becomes one
 * {@link GridStatsBatch} the way {@code PeriodChunkAggregate} emits it (band by band, each chunk with its own
 * copies of the label strings as restored from keyed state), and goes through the real {@link TableWriters} bulk
 * writer of {@link GridStatsTable} (column pages, zstd) into a local file. Scores are nanoseconds per row.
 *
 * <ul>
 *   <li>{@code writeTile}: build every batch and write it; the end-to-end cost per row of the "periods + sink"
 *       thread of the job, less Flink's per-record overhead (one record per chunk).
 *   <li>{@code buildBatchesOnly}: the same batches into a {@link Blackhole}: the producer's share.
 * </ul>
 * The cell values come from fixed-seed fields shaped like W's output (DN means with two decimals, integer
 * min/max around them, full-precision std, clouds as smooth blobs with partly valid cells on their edges), so
 * that zstd sees realistic data; {@code sum} is NULL, as {@code bench/w.yaml} does not ask for it. The size of
 * the last file written is printed at the end of the trial.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar GridStatsWrite -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GridStatsWriteBenchmark {

    /** Output cells along each side of the tile: 10980 pixels / 10. */
    static final int GRID_SIDE = 1098;
    static final String[] BANDS = {"red", "nir"};
    /** One tile's rows: every band of every cell (W has no empty-extent cells: 10980 is a multiple of 10). */
    static final int ROWS = 2 * GRID_SIDE * GRID_SIDE;
    /** Cells along each side of the job's state chunks ({@code CellChunk.SIDE}): rows leave chunk by chunk. */
    private static final int CHUNK_SIDE = 64;
    private static final int PIXELS_PER_CELL = 100;
    private static final OutputGrid GRID = new OutputGrid("EPSG:32633", 399960, 5900040, 100, 100);
    private static final OutputPeriod PERIOD = OutputPeriod.day(LocalDate.of(2023, 6, 1));
    private static final String COLLECTION = "sentinel-2-l2a";
    private static final String TILE = "MGRS-33UUU";
    private static final int ITEMS = 1;

    /** The statistics of every cell of both bands, built once per trial; plain arrays, as the job's state holds. */
    @State(Scope.Benchmark)
    public static class Tile {

        final long[][] countValid = new long[BANDS.length][];
        final double[][] sum = new double[BANDS.length][];
        final double[][] min = new double[BANDS.length][];
        final double[][] max = new double[BANDS.length][];
        final double[][] std = new double[BANDS.length][];

        @Setup(Level.Trial)
        public void build() {
            SyntheticCells cells = new SyntheticCells(GRID_SIDE);
            for (int b = 0; b < BANDS.length; b++) {
                cells.fill(b, this);
            }
        }

        /** Calls {@code sink} with every chunk's batch of the tile, in the job's order and built the job's way. */
        void emitBatches(Consumer<GridStatsBatch> sink) {
            int chunks = (GRID_SIDE + CHUNK_SIDE - 1) / CHUNK_SIDE;
            for (int chunkY = 0; chunkY < chunks; chunkY++) {
                for (int chunkX = 0; chunkX < chunks; chunkX++) {
                    for (int b = 0; b < BANDS.length; b++) {
                        sink.accept(chunk(chunkX, chunkY, b));
                    }
                }
            }
        }

        private GridStatsBatch chunk(int chunkX, int chunkY, int band) {
            // The job restores each chunk from keyed state, so every chunk brings its own copies of the labels.
            OutputPeriod period = new OutputPeriod(new String(PERIOD.label()), PERIOD.start(), PERIOD.end());
            OutputGrid grid = new OutputGrid(new String(GRID.crs()), GRID.originX(), GRID.originY(), GRID.cellWidth(),
                    GRID.cellHeight());
            int fromY = chunkY * CHUNK_SIDE;
            int toY = Math.min(GRID_SIDE, fromY + CHUNK_SIDE);
            int fromX = chunkX * CHUNK_SIDE;
            int toX = Math.min(GRID_SIDE, fromX + CHUNK_SIDE);
            // Every cell of W has pixels, so a chunk has a row per cell inside the grid.
            GridStatsBatch.Builder batch = GridStatsBatch.builder(new String(COLLECTION), new String(TILE), period,
                    new String(BANDS[band]), new CellGeometry(grid.crs(), grid.originX(), grid.originY(),
                            grid.cellWidth(), grid.cellHeight()), (toY - fromY) * (toX - fromX));
            for (int y = fromY; y < toY; y++) {
                for (int x = fromX; x < toX; x++) {
                    int i = y * GRID_SIDE + x;
                    long valid = countValid[band][i];
                    double mean = valid == 0 ? Double.NaN : sum[band][i] / valid;
                    batch.add(x, y, PIXELS_PER_CELL, valid, mean, min[band][i], max[band][i], std[band][i],
                            Double.NaN, ITEMS);
                }
            }
            return batch.build();
        }
    }

    /** One output file per invocation, in a folder of its own; the writing thread's CPU time per invocation. */
    @State(Scope.Thread)
    public static class Output {

        private final BulkWriter.Factory<GridStatsBatch> writers = TableWriters.factory(new GridStatsTable());
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final List<Long> cpuNanos = new ArrayList<>();
        private Path folder;
        private File file;
        private boolean measuring;

        @Setup(Level.Iteration)
        public void iteration(IterationParams params) {
            measuring = params.getType() == IterationType.MEASUREMENT;
        }

        @Setup(Level.Trial)
        public void open() throws IOException {
            folder = Files.createTempDirectory("grid-stats-bench");
            file = folder.resolve("grid_stats.parquet").toFile();
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            long bytes = file.length();
            System.out.printf("%n%s: %,d rows, %,d bytes, %.2f bytes per row%n", file.getName(), ROWS, bytes,
                    (double) bytes / ROWS);
            if (!cpuNanos.isEmpty()) {
                // Wall time (the score) also counts time the thread waited for a core; thread CPU does not.
                List<Long> sorted = cpuNanos.stream().sorted().toList();
                System.out.printf("thread CPU per row over %d measured tiles: median %.0f ns, min %.0f ns,"
                        + " max %.0f ns%n", sorted.size(), (double) sorted.get(sorted.size() / 2) / ROWS,
                        (double) sorted.get(0) / ROWS, (double) sorted.get(sorted.size() - 1) / ROWS);
            }
            Files.deleteIfExists(file.toPath());
            Files.deleteIfExists(folder);
        }

        void write(Tile tile) throws IOException {
            long cpuStart = threads.getCurrentThreadCpuTime();
            try (LocalDataOutputStream stream = new LocalDataOutputStream(file)) {
                BulkWriter<GridStatsBatch> writer = writers.create(stream);
                tile.emitBatches(batch -> {
                    try {
                        writer.addElement(batch);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write a grid_stats batch to " + file, e);
                    }
                });
                writer.finish();
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            if (measuring) {
                cpuNanos.add(cpu);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void writeTile(Tile tile, Output output) throws IOException {
        output.write(tile);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void buildBatchesOnly(Tile tile, Blackhole sink) {
        tile.emitBatches(sink::consume);
    }

    /**
     * Cell statistics shaped like W's output: a smooth reflectance field per band with parcel steps and noise, the
     * DN mean of a cell as a sum of 100 integers over the valid count (so two decimals), min and max integers a
     * cell-dependent spread around it, a full-precision std, and clouds as smooth blobs (about 34 % of cells with
     * no valid pixel) whose edges leave partly valid cells.
     */
    static final class SyntheticCells {

        private static final long SEED = 0x6172_1D57L;
        /** Cloud field level above which a cell is fully masked, chosen for W's 34.3 % of empty cells. */
        private static final double CLOUD_FULL = 0.28;
        /** Width of the cloud edge, in field units, over which the valid count falls from 100 to 0. */
        private static final double CLOUD_EDGE = 0.03;
        private static final double EXPECTED_EMPTY_SHARE = 0.343;
        private static final double EMPTY_SHARE_TOLERANCE = 0.03;
        private static final int PARCEL_CELLS = 7;

        private final int side;
        private final long[] countValid;

        SyntheticCells(int side) {
            this.side = side;
            this.countValid = cloudCounts(side);
        }

        void fill(int band, Tile tile) {
            SplittableRandom random = new SplittableRandom(SEED + band);
            int cells = side * side;
            tile.countValid[band] = countValid.clone();
            tile.sum[band] = new double[cells];
            tile.min[band] = new double[cells];
            tile.max[band] = new double[cells];
            tile.std[band] = new double[cells];
            double[] parcelLevel = new double[(side / PARCEL_CELLS + 1) * (side / PARCEL_CELLS + 1)];
            for (int p = 0; p < parcelLevel.length; p++) {
                parcelLevel[p] = random.nextDouble(-400, 400);
            }
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int i = y * side + x;
                    long valid = countValid[i];
                    if (valid == 0) {
                        continue; // the batch makes every statistic NaN (NULL) for an empty cell
                    }
                    double field = 2500 + 900 * band + 1200 * Math.sin(x / 97.0 + band) * Math.cos(y / 131.0)
                            + parcelLevel[(y / PARCEL_CELLS) * (side / PARCEL_CELLS + 1) + x / PARCEL_CELLS];
                    double mean = Math.rint((field + random.nextGaussian() * 40) * valid) / valid;
                    double spread = 20 + random.nextDouble() * 200;
                    tile.sum[band][i] = mean * valid;
                    tile.min[band][i] = Math.floor(mean - random.nextDouble() * spread);
                    tile.max[band][i] = Math.ceil(mean + random.nextDouble() * spread);
                    tile.std[band][i] = valid == 1 ? 0 : spread / 4 * (0.5 + random.nextDouble());
                }
            }
        }

        /** Valid pixels per cell under smooth cloud blobs, the same for both bands (one SCL mask). */
        private static long[] cloudCounts(int side) {
            long[] counts = new long[side * side];
            long empty = 0;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    double cloud = Math.sin(x / 41.0) * Math.cos(y / 57.0) + 0.5 * Math.sin((x + 2.0 * y) / 29.0);
                    double clear = (CLOUD_FULL - cloud) / CLOUD_EDGE;
                    long valid = Math.round(Math.max(0, Math.min(1, clear)) * PIXELS_PER_CELL);
                    counts[y * side + x] = valid;
                    empty += valid == 0 ? 1 : 0;
                }
            }
            double share = (double) empty / counts.length;
            if (Math.abs(share - EXPECTED_EMPTY_SHARE) > EMPTY_SHARE_TOLERANCE) {
                throw new IllegalStateException("the synthetic tile should have about " + EXPECTED_EMPTY_SHARE
                        + " of its cells empty like W, got " + share);
            }
            return counts;
        }
    }
}
