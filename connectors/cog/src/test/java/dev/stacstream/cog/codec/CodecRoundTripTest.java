package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every lossless codec decodes what the test-side encoders produce, for several contents and block shapes. */
class CodecRoundTripTest {

    private static final long SEED = 20_240_611L;
    /** Leading and trailing bytes around the block, to check that offset and length are honoured. */
    private static final int MARGIN = 5;

    /** width, rows, samples, bits: one byte, a small odd block, a 16-bit tile, an RGB tile (LZW clears often). */
    private static final int[][] SHAPES = {{1, 1, 1, 8}, {17, 5, 2, 32}, {64, 64, 1, 16}, {256, 256, 3, 8}};

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (TestEncoder encoder : TestEncoder.values()) {
            for (TestBlocks.Pattern pattern : TestBlocks.Pattern.values()) {
                for (int[] shape : SHAPES) {
                    cases.add(Arguments.of(encoder, pattern, shape[0], shape[1], shape[2], shape[3]));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}x{3}x{4} {5}-bit")
    @MethodSource("cases")
    void decodesWhatTheEncoderWrote(TestEncoder encoder, TestBlocks.Pattern pattern,
            int width, int rows, int samples, int bits) {
        BlockEncoding enc = TestBlocks.encoding(encoder.compression, width, rows, samples, bits, ByteOrder.LITTLE_ENDIAN);
        byte[] original = pattern.fill(enc.decodedBytes(), SEED);
        byte[] compressed = encoder.encode(original);
        byte[] framed = new byte[compressed.length + 2 * MARGIN];
        System.arraycopy(compressed, 0, framed, MARGIN, compressed.length);

        byte[] decoded = encoder.decompressor().decompress(framed, MARGIN, compressed.length, enc);

        assertThat(decoded).isEqualTo(original);
    }

    @ParameterizedTest
    @EnumSource(TestEncoder.class)
    void streamWithMoreThanTheBlockIsCutToTheBlock(TestEncoder encoder) {
        byte[] original = TestBlocks.Pattern.RANDOM.fill(1000, SEED);
        byte[] compressed = encoder.encode(original);
        BlockEncoding smaller = TestBlocks.encoding(encoder.compression, 10, 60, 1, 8, ByteOrder.LITTLE_ENDIAN);

        byte[] decoded = encoder.decompressor().decompress(compressed, 0, compressed.length, smaller);

        assertThat(decoded).isEqualTo(Arrays.copyOf(original, 600));
    }

    @ParameterizedTest
    @EnumSource(TestEncoder.class)
    void oneDecompressorServesManyThreads(TestEncoder encoder) {
        BlockEncoding enc = TestBlocks.encoding(encoder.compression, 128, 128, 1, 16, ByteOrder.LITTLE_ENDIAN);
        Decompressor shared = encoder.decompressor();
        int blocks = 16;
        List<byte[]> originals = IntStream.range(0, blocks)
                .mapToObj(i -> TestBlocks.Pattern.SMOOTH_WITH_NOISE.fill(enc.decodedBytes(), SEED + i))
                .toList();
        List<byte[]> streams = originals.stream().map(encoder::encode).toList();

        List<byte[]> decoded = IntStream.range(0, blocks).parallel()
                .mapToObj(i -> shared.decompress(streams.get(i), 0, streams.get(i).length, enc))
                .toList();

        for (int i = 0; i < blocks; i++) {
            assertThat(decoded.get(i)).as("block %d", i).isEqualTo(originals.get(i));
        }
    }
}
