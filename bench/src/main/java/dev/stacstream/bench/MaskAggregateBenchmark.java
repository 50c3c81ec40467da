package dev.stacstream.bench;

import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.DataType;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.job.aggregate.BlockAggregate;
import dev.stacstream.job.aggregate.BlockAggregator;
import dev.stacstream.job.aggregate.GridSpec;
import dev.stacstream.job.mask.BandLayer;
import dev.stacstream.job.mask.BandValues;
import dev.stacstream.job.mask.BlockInput;
import dev.stacstream.job.mask.BlockMasker;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.mask.MaskLayer;
import dev.stacstream.job.mask.MaskRule;
import dev.stacstream.job.mask.MaskedBlock;
import dev.stacstream.job.mask.SclDilationParams;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Masking and aggregating one decoded work window of workload W (BASELINES.md): a 1024x1024 tile pair of
 * uint16 bands (B04, B08, nodata 0) under its 512x512 uint8 SCL at ratio 2, rule {3, 8, 9, 10}, factor 10, as
 * the job does after decoding each tile. The window is tile (1, 1) of a 10980x10980 level, so its cells straddle
 * the window's edges (1024 is not a multiple of 10), as most of a real tile's windows do.
 *
 * <p>Scores are in Mpx/s of input: each operation counts the 2 x 1024^2 band pixels plus the 512^2 SCL
 * pixels, the way BASELINES.md counts W's input (271.26 Mpx per tile).
 * <ul>
 *   <li>{@code maskAndAggregate}: the job's path ({@link BlockMasker} then {@link BlockAggregator}, fused uint16 loop).
 *   <li>{@code maskAndAggregateGeneralPath}: the same through the general row path (decode row, then accumulate).
 *   <li>{@code dilationMask}: only the SCL dilation rule with openEO's defaults (kernels 17 and 201, so a halo
 *       of 100 SCL pixels: the layer is 712x712), scored on the same pixel count for comparison.
 * </ul>
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar MaskAggregate -f 1 -wi 3 -i 5 -w 2s -r 2s}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MaskAggregateBenchmark {

    private static final int TILE = 1024;
    private static final int SCL_TILE = TILE / 2;
    private static final int RATIO = 2;
    private static final int LEVEL_SIZE = 10980;
    private static final int FACTOR = 10;
    /** Band pixels of both bands plus SCL pixels: one operation's input. */
    private static final int PIXELS = 2 * TILE * TILE + SCL_TILE * SCL_TILE;
    private static final Set<Integer> W_EXCLUDED = Set.of(3, 8, 9, 10);
    private static final double[] GEOTRANSFORM = {199980, 10, 0, 2800020, 0, -10};
    private static final int EPSG = 32629;
    private static final long RED_SEED = 0x5E27_1A2BL;
    private static final long NIR_SEED = 0x0B08_5EEDL;
    private static final int DILATION_HALO = SclDilationParams.defaults().haloPixels();

    /** The decoded window and its SCL, built once. */
    @State(Scope.Benchmark)
    public static class Window {

        BlockInput block;
        BlockInput dilationBlock;

        @Setup(Level.Trial)
        public void build() {
            LevelGrid level = new LevelGrid(LEVEL_SIZE, LEVEL_SIZE, GEOTRANSFORM, EPSG);
            PixelWindow window = new PixelWindow(TILE, TILE, TILE, TILE);
            Raster scl = SyntheticScl.generate(SCL_TILE + 2 * DILATION_HALO, DILATION_HALO);
            Raster red = withNodataWedge(TileDecodeBenchmark.SentinelLikeTile.generate(TILE, RED_SEED), scl);
            Raster nir = withNodataWedge(TileDecodeBenchmark.SentinelLikeTile.generate(TILE, NIR_SEED), scl);
            List<BandLayer> bands = List.of(BandLayer.of("red", red, BandValues.withNodata(0)),
                    BandLayer.of("nir", nir, BandValues.withNodata(0)));
            int sclLevel = LEVEL_SIZE / RATIO;
            Raster core = SyntheticScl.crop(scl, DILATION_HALO, SCL_TILE);
            block = BlockInput.of(level, window, bands)
                    .withMask(new MaskLayer(core, SCL_TILE, SCL_TILE, sclLevel, sclLevel, RATIO, OptionalDouble.of(0)));
            dilationBlock = BlockInput.of(level, window, bands).withMask(new MaskLayer(scl, SCL_TILE - DILATION_HALO,
                    SCL_TILE - DILATION_HALO, sclLevel, sclLevel, RATIO, OptionalDouble.of(0)));
            MaskedBlock masked = new BlockMasker(MaskRule.sclClasses(W_EXCLUDED)).mask(block);
            BlockAggregate check = new BlockAggregator(GridSpec.byFactor(FACTOR)).aggregate(masked);
            double validShare = (double) check.validPixels(0) / check.totalPixels();
            if (validShare < 0.5 || validShare > 0.8) {
                throw new IllegalStateException("the synthetic window should be 20-50 % masked like W, got valid share "
                        + validShare);
            }
        }

        /** Sets the band to nodata (0) where the SCL is nodata (class 0), as in a swath edge. */
        private static Raster withNodataWedge(byte[] samples, Raster scl) {
            for (int r = 0; r < TILE; r++) {
                for (int c = 0; c < TILE; c++) {
                    if (scl.data()[(r / RATIO + DILATION_HALO) * scl.width() + c / RATIO + DILATION_HALO] == 0) {
                        samples[2 * (r * TILE + c)] = 0;
                        samples[2 * (r * TILE + c) + 1] = 0;
                    }
                }
            }
            return new Raster(DataType.UINT16, 1, TILE, TILE, samples);
        }
    }

    /** One masker and aggregator per benchmark thread, as one per operator instance. */
    @State(Scope.Thread)
    public static class Kernels {

        final BlockMasker classes = new BlockMasker(MaskRule.sclClasses(W_EXCLUDED));
        final BlockMasker dilation = new BlockMasker(MaskRule.sclDilation(SclDilationParams.defaults()));
        final BlockAggregator aggregator = new BlockAggregator(GridSpec.byFactor(FACTOR));
        final BlockAggregator general = BlockAggregator.withoutFusedPaths(GridSpec.byFactor(FACTOR));
    }

    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public BlockAggregate maskAndAggregate(Window window, Kernels kernels) {
        return kernels.aggregator.aggregate(kernels.classes.mask(window.block));
    }

    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public BlockAggregate maskAndAggregateGeneralPath(Window window, Kernels kernels) {
        return kernels.general.aggregate(kernels.classes.mask(window.block));
    }

    @Benchmark
    @OperationsPerInvocation(PIXELS)
    public MaskedBlock dilationMask(Window window, Kernels kernels) {
        return kernels.dilation.mask(window.dilationBlock);
    }

    /**
     * A Sentinel-2-like SCL: vegetation and bare soil in parcels, cloud (8, 9) and cirrus (10) in smooth blobs,
     * cloud shadows (3) beside them, and a nodata wedge (0) along one edge; about 30 % in {3, 8, 9, 10} like W's
     * synthetic tile.
     */
    static final class SyntheticScl {

        private static final int PARCEL = 24;
        private static final int NODATA = 0;
        private static final int SHADOW = 3;
        private static final int VEGETATION = 4;
        private static final int BARE = 5;
        private static final int CLOUD_MEDIUM = 8;
        private static final int CLOUD_HIGH = 9;
        private static final int CIRRUS = 10;

        private SyntheticScl() {
        }

        /** A {@code size x size} SCL whose core starts {@code margin} pixels in. */
        static Raster generate(int size, int margin) {
            byte[] classes = new byte[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int cx = x - margin;
                    int cy = y - margin;
                    double cloud = Math.sin(cx / 41.0) * Math.cos(cy / 57.0) + 0.5 * Math.sin((cx + 2.0 * cy) / 29.0);
                    double shadow = Math.sin((cx - 9) / 41.0) * Math.cos((cy - 12) / 57.0);
                    int c;
                    if (cx < cy / 16 - 4) {
                        c = NODATA;
                    } else if (cloud > 0.95) {
                        c = CLOUD_HIGH;
                    } else if (cloud > 0.75) {
                        c = CLOUD_MEDIUM;
                    } else if (cloud > 0.45) {
                        c = CIRRUS;
                    } else if (shadow < -0.8) {
                        c = SHADOW;
                    } else {
                        c = ((cx / PARCEL + cy / PARCEL) & 1) == 0 ? VEGETATION : BARE;
                    }
                    classes[y * size + x] = (byte) c;
                }
            }
            return new Raster(DataType.UINT8, 1, size, size, classes);
        }

        /** The {@code size x size} square at {@code (offset, offset)}. */
        static Raster crop(Raster scl, int offset, int size) {
            byte[] out = new byte[size * size];
            for (int r = 0; r < size; r++) {
                System.arraycopy(scl.data(), (r + offset) * scl.width() + offset, out, r * size, size);
            }
            return new Raster(DataType.UINT8, 1, size, size, out);
        }
    }
}
