package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** PackBits run headers as TIFF 6.0 section 9 defines them, on hand-written streams. */
class PackBitsDecompressorTest {

    private final PackBitsDecompressor packBits = new PackBitsDecompressor();

    @Test
    void literalRepeatAndNoOpHeaders() {
        // literal of 2 (header 1), no-op (-128), repeat 'z' 3 times (header -2)
        byte[] stream = {1, 'a', 'b', (byte) 0x80, (byte) -2, 'z'};
        BlockEncoding enc = TestBlocks.encoding(32773, 5, 1, 1, 8, ByteOrder.LITTLE_ENDIAN);

        assertThat(packBits.decompress(stream, 0, stream.length, enc)).containsExactly('a', 'b', 'z', 'z', 'z');
    }

    @Test
    void literalRunPastTheStreamEndIsCorrupt() {
        byte[] stream = {5, 1, 2};
        BlockEncoding enc = TestBlocks.encoding(32773, 6, 1, 1, 8, ByteOrder.LITTLE_ENDIAN);

        assertThatThrownBy(() -> packBits.decompress(stream, 0, stream.length, enc))
                .isInstanceOf(CodecException.class)
                .hasMessage("PackBits literal run of 6 bytes at stream byte 0 overruns the 3-byte stream");
    }
}
