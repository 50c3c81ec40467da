package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.cog.testing.Libdeflate;
import dev.stacstream.cog.testing.ZlibStreams;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When the libdeflate path hands a block to zlib, and the scratch-array contract. zlib is a recording fake here,
 * so that a binding that always failed (and let zlib do all the work) could not pass unnoticed.
 */
class LibdeflateDecompressorTest {

    private static final long SEED = 5L;
    private static final int WIDTH = 128;
    private static final int ROWS = 32;
    private static final byte UNTOUCHED = 0x77;

    /** Records the blocks it is asked for and answers with a block of {@link #UNTOUCHED} bytes. */
    private final List<Integer> zlibCalls = new ArrayList<>();
    private final Decompressor recordingZlib = (src, offset, length, encoding) -> {
        zlibCalls.add(length);
        byte[] out = new byte[encoding.decodedBytes()];
        Arrays.fill(out, UNTOUCHED);
        return out;
    };
    private LibdeflateDecompressor decompressor;
    private byte[] samples;
    private byte[] stream;

    @BeforeEach
    void setUp() {
        Libdeflate.require();
        decompressor = new LibdeflateDecompressor(LibdeflateLibrary.load(Inflaters.LIBRARY_NAMES), recordingZlib);
        samples = TestBlocks.Pattern.SMOOTH_WITH_NOISE.fill(encoding(ROWS).decodedBytes(), SEED);
        stream = ZlibStreams.deflate(samples);
    }

    @Test
    void aWellFormedBlockNeverReachesZlib() {
        assertThat(decompressor.decompress(stream, 0, stream.length, encoding(ROWS))).isEqualTo(samples);
        assertThat(zlibCalls).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "more data than the block (INSUFFICIENT_SPACE), 0,  -4",
        "cut short (BAD_DATA),                          -9, 0",
    })
    void whatLibdeflateRefusesGoesToZlib(String why, int lengthChange, int rowsChange) {
        int length = stream.length + lengthChange;

        byte[] decoded = decompressor.decompress(stream, 0, length, encoding(ROWS + rowsChange));

        assertThat(zlibCalls).containsExactly(length);
        assertThat(decoded).containsOnly(UNTOUCHED);
    }

    @Test
    void aCompleteStreamShorterThanTheBlockFailsWithoutZlib() {
        BlockEncoding larger = encoding(ROWS + 1);

        assertThatThrownBy(() -> decompressor.decompress(stream, 0, stream.length, larger))
                .isInstanceOf(CodecException.class)
                .hasMessage("DEFLATE stream of " + stream.length + " bytes decoded to only " + samples.length
                        + " bytes, but the " + larger.describe() + " needs " + larger.decodedBytes());
        assertThat(zlibCalls).isEmpty();
    }

    @Test
    void aLongEnoughScratchArrayIsDecodedIntoAndItsTailLeftAlone() {
        byte[] scratch = new byte[samples.length + 10];
        Arrays.fill(scratch, UNTOUCHED);

        byte[] decoded = decompressor.decompress(stream, 0, stream.length, encoding(ROWS), scratch);

        assertThat(decoded).isSameAs(scratch);
        assertThat(Arrays.copyOf(decoded, samples.length)).isEqualTo(samples);
        assertThat(Arrays.copyOfRange(decoded, samples.length, decoded.length)).containsOnly(UNTOUCHED);
    }

    @Test
    void aShortScratchArrayIsNotUsed() {
        byte[] scratch = new byte[samples.length - 1];

        byte[] decoded = decompressor.decompress(stream, 0, stream.length, encoding(ROWS), scratch);

        assertThat(decoded).isNotSameAs(scratch).isEqualTo(samples);
        assertThat(scratch).containsOnly(0);
    }

    private static BlockEncoding encoding(int rows) {
        return TestBlocks.encoding(DecompressorRegistry.DEFLATE, WIDTH, rows, 1, Short.SIZE, ByteOrder.LITTLE_ENDIAN);
    }
}
