package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** LZW specifics: the deviations libtiff tolerates, the old-style variant, invalid codes, code widths. */
class LzwDecompressorTest {

    private static final long SEED = 5L;
    private final LzwDecompressor lzw = new LzwDecompressor();

    @ParameterizedTest
    @EnumSource(TestBlocks.Pattern.class)
    void streamWithoutEndCodeDecodes(TestBlocks.Pattern pattern) {
        BlockEncoding enc = TestBlocks.encoding(5, 300, 200, 1, 8, ByteOrder.LITTLE_ENDIAN);
        byte[] original = pattern.fill(enc.decodedBytes(), SEED);
        byte[] stream = TiffLzwEncoder.encodeWithoutEndCode(original);

        assertThat(lzw.decompress(stream, 0, stream.length, enc)).isEqualTo(original);
    }

    @Test
    void tableThatFillsUpWithoutClearCodeKeepsDecoding() {
        // 60 000 random bytes need far more than the 3838 free codes of a 12-bit table
        BlockEncoding enc = TestBlocks.encoding(5, 300, 200, 1, 8, ByteOrder.LITTLE_ENDIAN);
        byte[] original = TestBlocks.Pattern.RANDOM.fill(enc.decodedBytes(), SEED);
        byte[] stream = TiffLzwEncoder.encodeWithoutClearWhenFull(original);

        assertThat(lzw.decompress(stream, 0, stream.length, enc)).isEqualTo(original);
    }

    @Test
    void handWrittenStreamDecodes() {
        // ClearCode, 'A' (65), 'B' (66), code 258 ("AB"), EndOfInformation: 5 codes of 9 bits
        // 100000000 001000001 001000010 100000010 100000001 -> 45 bits, padded to 6 bytes
        byte[] stream = {(byte) 0x80, 0x10, 0x48, 0x50, 0x28, 0x08};
        BlockEncoding enc = TestBlocks.encoding(5, 4, 1, 1, 8, ByteOrder.LITTLE_ENDIAN);

        assertThat(lzw.decompress(stream, 0, stream.length, enc)).containsExactly('A', 'B', 'A', 'B');
    }

    @Test
    void codeBeyondTheTableIsCorrupt() {
        // ClearCode then code 300 while the next free code is 258: 100000000 100101100
        byte[] stream = {(byte) 0x80, 0x4B, 0x00};
        BlockEncoding enc = TestBlocks.encoding(5, 4, 1, 1, 8, ByteOrder.LITTLE_ENDIAN);

        assertThatThrownBy(() -> lzw.decompress(stream, 0, stream.length, enc))
                .isInstanceOf(CodecException.class)
                .hasMessage("LZW code 300 near stream byte 3 is not in the table (next free code 258)");
    }

    @Test
    void oldStyleLzwIsUnsupported() {
        // pre-6.0 streams are LSB first: the 9-bit clear code 256 becomes 0x00 then an odd byte
        byte[] stream = {0x00, 0x01, 0x12, 0x34};
        BlockEncoding enc = TestBlocks.encoding(5, 4, 1, 1, 8, ByteOrder.LITTLE_ENDIAN);

        assertThatThrownBy(() -> lzw.decompress(stream, 0, stream.length, enc))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.isUnsupported()).isTrue())
                .hasMessage("old-style (pre-TIFF 6.0, LSB-first) LZW is not supported");
    }
}
