package dev.stacstream.cog.codec;

import dev.stacstream.cog.testing.ZlibStreams;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Run by {@code InflaterFlagsProcessTest} in a JVM of its own, with or without the foreign-function flags:
 * prints the JVM-wide inflater choice, then decodes one DEFLATE block through the default registry and prints
 * whether it came back intact. A missing module must never surface as a linkage error here.
 */
public final class InflaterProbe {

    static final String DECODED = "decoded a DEFLATE block intact";
    private static final int BLOCK_SIDE = 64;
    private static final long SEED = 9L;

    private InflaterProbe() {}

    public static void main(String[] args) {
        System.out.println(Inflaters.describeSelected());
        BlockEncoding encoding = TestBlocks.encoding(DecompressorRegistry.DEFLATE, BLOCK_SIDE, BLOCK_SIDE, 1, Short.SIZE,
                ByteOrder.LITTLE_ENDIAN);
        byte[] samples = TestBlocks.Pattern.SMOOTH_WITH_NOISE.fill(encoding.decodedBytes(), SEED);
        byte[] stream = ZlibStreams.deflate(samples);
        byte[] decoded = DecompressorRegistry.defaults().find(DecompressorRegistry.DEFLATE).orElseThrow()
                .decompress(stream, 0, stream.length, encoding);
        System.out.println(Arrays.equals(decoded, samples) ? DECODED : "decoded a DEFLATE block WRONG");
    }
}
