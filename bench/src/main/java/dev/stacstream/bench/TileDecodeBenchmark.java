package dev.stacstream.bench;

import dev.stacstream.cog.codec.BlockEncoding;
import dev.stacstream.cog.codec.Decompressor;
import dev.stacstream.cog.codec.DecompressorRegistry;
import dev.stacstream.cog.codec.Inflaters;
import dev.stacstream.cog.codec.Predictors;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Decoding one 1024x1024 uint16 DEFLATE tile, the Sentinel-2 L2A case, against a bare {@link Inflater}
 * loop on the same bytes.
 *
 * <ul>
 *   <li>{@code inflaterOnly}: zlib alone, into a reused array: the floor of the JDK path.
 *   <li>{@code deflateDecode}: the codec on the JDK's zlib ({@code Inflaters.jdk()}), which allocates the block
 *       it returns.
 *   <li>{@code deflateDecodePredictor2}: that codec plus {@code Predictors.undo(2, ...)} on the predictor-2 tile,
 *       the whole per-tile decode work of a Sentinel-2 band.
 *   <li>{@code libdeflateDecode}: the codec on libdeflate ({@code Inflaters.libdeflate()}), allocating as
 *       {@code deflateDecode} does; {@code libdeflateDecodeReused} decodes into a per-thread scratch array
 *       instead, as the window decoder does; {@code libdeflateDecodePredictor2} is the latter plus the predictor.
 * </ul>
 * The target is {@code deflateDecodePredictor2 >= 0.85 x inflaterOnly} with {@code input=predictor2}.
 * The tile (smooth field, parcels and sensor noise, fixed seed) is compressed by {@link Deflater} at
 * level 6, GDAL's default, once with predictor 2 applied and once without. The forks get the JVM flags that
 * let {@code Inflaters.libdeflate()} bind libdeflate (Debian package libdeflate0).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar TileDecode -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(jvmArgsAppend = {"--add-modules", "jdk.incubator.foreign", "--enable-native-access=ALL-UNNAMED"})
public class TileDecodeBenchmark {

    private static final int TILE_SIZE = 1024;
    private static final int DEFLATE_LEVEL = 6;
    private static final long SEED = 0x5E27_1A2BL;
    private static final int HORIZONTAL_PREDICTOR = 2;

    /** The two compressed versions of the same tile, built once per trial. */
    @State(Scope.Benchmark)
    public static class Tiles {

        final BlockEncoding encoding = new BlockEncoding(DecompressorRegistry.DEFLATE, TILE_SIZE, TILE_SIZE, 1,
                Short.SIZE, 1, null, ByteOrder.LITTLE_ENDIAN);
        /** Shared by all benchmark threads, as the reader shares one registry. */
        final Decompressor deflate = Inflaters.jdk();
        byte[] samples;
        byte[] withPredictor;
        byte[] withoutPredictor;

        @Setup(Level.Trial)
        public void compress() {
            samples = SentinelLikeTile.generate(TILE_SIZE, SEED);
            withoutPredictor = deflate(samples);
            withPredictor = deflate(SentinelLikeTile.horizontalDifferences(samples, TILE_SIZE));
            checkDecodes(deflate);
        }

        /** Measure only decoders that decode correctly. */
        void checkDecodes(Decompressor decompressor) {
            byte[] decoded = decompressor.decompress(withPredictor, 0, withPredictor.length, encoding);
            Predictors.undo(HORIZONTAL_PREDICTOR, decoded, encoding);
            if (!Arrays.equals(decoded, samples)) {
                throw new IllegalStateException(decompressor + " does not give the samples of the predictor-2 tile back");
            }
        }
    }

    /** The libdeflate codec, shared by all benchmark threads; its trials fail, naming what is missing, without it. */
    @State(Scope.Benchmark)
    public static class Libdeflate {

        Decompressor codec;

        @Setup(Level.Trial)
        public void bind(Tiles tiles) {
            codec = Inflaters.libdeflate();
            tiles.checkDecodes(codec);
        }
    }

    /** Which compressed tile the plain decode benchmarks read. */
    @State(Scope.Benchmark)
    public static class Input {

        @Param({"predictor2", "none"})
        public String input;

        byte[] compressed;

        @Setup(Level.Trial)
        public void choose(Tiles tiles) {
            compressed = input.equals("none") ? tiles.withoutPredictor : tiles.withPredictor;
        }
    }

    /** The baseline's reused Inflater and output array (one per benchmark thread, as a reader thread would have). */
    @State(Scope.Thread)
    public static class BareInflater {

        final Inflater inflater = new Inflater();
        byte[] out;

        @Setup(Level.Trial)
        public void allocate(Tiles tiles) {
            out = new byte[tiles.encoding.decodedBytes()];
        }

        @TearDown(Level.Trial)
        public void end() {
            inflater.end();
        }
    }

    /** The decoding thread's scratch block, as the window decoder keeps one per thread. */
    @State(Scope.Thread)
    public static class Scratch {

        byte[] block;

        @Setup(Level.Trial)
        public void allocate(Tiles tiles) {
            block = new byte[tiles.encoding.decodedBytes()];
        }
    }

    @Benchmark
    public byte[] inflaterOnly(Input input, BareInflater bare) throws DataFormatException {
        Inflater inflater = bare.inflater;
        inflater.reset();
        inflater.setInput(input.compressed);
        int produced = 0;
        while (produced < bare.out.length) {
            int n = inflater.inflate(bare.out, produced, bare.out.length - produced);
            if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                throw new IllegalStateException("tile inflated to only " + produced + " bytes");
            }
            produced += n;
        }
        return bare.out;
    }

    @Benchmark
    public byte[] deflateDecode(Input input, Tiles tiles) {
        return tiles.deflate.decompress(input.compressed, 0, input.compressed.length, tiles.encoding);
    }

    @Benchmark
    public byte[] deflateDecodePredictor2(Tiles tiles) {
        byte[] block = tiles.deflate.decompress(tiles.withPredictor, 0, tiles.withPredictor.length, tiles.encoding);
        Predictors.undo(HORIZONTAL_PREDICTOR, block, tiles.encoding);
        return block;
    }

    @Benchmark
    public byte[] libdeflateDecode(Input input, Tiles tiles, Libdeflate libdeflate) {
        return libdeflate.codec.decompress(input.compressed, 0, input.compressed.length, tiles.encoding);
    }

    @Benchmark
    public byte[] libdeflateDecodeReused(Input input, Tiles tiles, Libdeflate libdeflate, Scratch scratch) {
        return libdeflate.codec.decompress(input.compressed, 0, input.compressed.length, tiles.encoding, scratch.block);
    }

    @Benchmark
    public byte[] libdeflateDecodePredictor2(Tiles tiles, Libdeflate libdeflate, Scratch scratch) {
        byte[] block = libdeflate.codec.decompress(tiles.withPredictor, 0, tiles.withPredictor.length, tiles.encoding,
                scratch.block);
        Predictors.undo(HORIZONTAL_PREDICTOR, block, tiles.encoding);
        return block;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(DEFLATE_LEVEL);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2);
            byte[] chunk = new byte[1 << 16];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * A Sentinel-2-like 10 m band in L2A digital numbers (reflectance x 10 000 + 1000): a smooth field
     * of two scales, agricultural parcels of constant offset, and Gaussian sensor noise.
     */
    static final class SentinelLikeTile {

        private static final int PARCEL_SIZE = 48;
        private static final double BASE_DN = 1800;
        private static final double REGIONAL_AMPLITUDE = 700;
        private static final double LOCAL_AMPLITUDE = 250;
        private static final double PARCEL_AMPLITUDE = 400;
        private static final double NOISE_SIGMA = 12;

        private SentinelLikeTile() {
        }

        /** Little-endian uint16 samples of a size x size tile. */
        static byte[] generate(int size, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int parcelsPerSide = size / PARCEL_SIZE + 1;
            double[] parcelOffsets = new double[parcelsPerSide * parcelsPerSide];
            for (int i = 0; i < parcelOffsets.length; i++) {
                parcelOffsets[i] = (random.nextDouble() - 0.5) * PARCEL_AMPLITUDE;
            }
            ByteBuffer out = ByteBuffer.allocate(size * size * Short.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double regional = REGIONAL_AMPLITUDE * Math.sin(x / 173.0) * Math.cos(y / 211.0);
                    double local = LOCAL_AMPLITUDE * Math.sin((x + 2.0 * y) / 31.0) * Math.sin((x - y) / 47.0);
                    double parcel = parcelOffsets[(y / PARCEL_SIZE) * parcelsPerSide + x / PARCEL_SIZE];
                    double noise = gaussian(random) * NOISE_SIGMA;
                    long dn = Math.round(BASE_DN + regional + local + parcel + noise);
                    out.putShort((short) Math.max(1, Math.min(0xFFFF, dn)));
                }
            }
            return out.array();
        }

        /** Predictor 2 applied to little-endian uint16 rows: each sample minus its left neighbour. */
        static byte[] horizontalDifferences(byte[] samples, int width) {
            ByteBuffer in = ByteBuffer.wrap(samples).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer out = ByteBuffer.allocate(samples.length).order(ByteOrder.LITTLE_ENDIAN);
            int count = samples.length / Short.BYTES;
            for (int i = 0; i < count; i++) {
                short left = i % width == 0 ? 0 : in.getShort((i - 1) * Short.BYTES);
                out.putShort(i * Short.BYTES, (short) (in.getShort(i * Short.BYTES) - left));
            }
            return out.array();
        }

        /** A standard normal variate (Box-Muller), from the seeded generator. */
        private static double gaussian(SplittableRandom random) {
            double u = 1.0 - random.nextDouble();
            return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * random.nextDouble());
        }
    }
}
