package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Short and corrupt streams fail as corrupt blocks, with the sizes involved in the message. */
class CodecErrorTest {

    private static final long SEED = 77L;

    @ParameterizedTest
    @EnumSource(TestEncoder.class)
    void streamShorterThanTheBlockNamesBothSizes(TestEncoder encoder) {
        byte[] hundred = TestBlocks.Pattern.GRADIENT.fill(100, SEED);
        byte[] stream = encoder.encode(hundred);
        BlockEncoding twoHundred = TestBlocks.encoding(encoder.compression, 200, 1, 1, 8, ByteOrder.LITTLE_ENDIAN);

        String expected = encoder == TestEncoder.NONE
                ? "uncompressed block has 100 bytes, but the 200x1 block of 1 x 8-bit samples (200 bytes) needs 200"
                : encoder.codecName + " stream of " + stream.length + " bytes decoded to only 100 bytes,"
                        + " but the 200x1 block of 1 x 8-bit samples (200 bytes) needs 200";
        assertThatThrownBy(() -> encoder.decompressor().decompress(stream, 0, stream.length, twoHundred))
                .isInstanceOf(CodecException.class)
                .hasMessage(expected)
                .asInstanceOf(type(CodecException.class))
                .extracting(CodecException::isUnsupported).isEqualTo(false);
    }

    @ParameterizedTest
    @EnumSource(value = TestEncoder.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void truncatedStreamIsCorruptAndNamesItsLength(TestEncoder encoder) {
        BlockEncoding enc = TestBlocks.encoding(encoder.compression, 64, 64, 1, 16, ByteOrder.LITTLE_ENDIAN);
        byte[] stream = encoder.encode(TestBlocks.Pattern.SMOOTH_WITH_NOISE.fill(enc.decodedBytes(), SEED));
        int truncated = stream.length / 2;

        assertThatThrownBy(() -> encoder.decompressor().decompress(stream, 0, truncated, enc))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining(encoder.codecName)
                .hasMessageContaining(String.valueOf(truncated))
                .asInstanceOf(type(CodecException.class))
                .extracting(CodecException::isUnsupported).isEqualTo(false);
    }

    @ParameterizedTest
    @CsvSource({
        "DEFLATE,            'DEFLATE stream of 64 bytes is corrupt after 0 of 256 decoded bytes: incorrect header check'",
        "DEFLATE_LIBDEFLATE, 'DEFLATE stream of 64 bytes is corrupt after 0 of 256 decoded bytes: incorrect header check'",
        "ZSTD,               'ZSTD stream of 64 bytes is corrupt: Unknown frame descriptor'",
    })
    void garbageIsCorrupt(TestEncoder encoder, String message) {
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0x3C);
        BlockEncoding enc = TestBlocks.encoding(encoder.compression, 16, 16, 1, 8, ByteOrder.LITTLE_ENDIAN);

        assertThatThrownBy(() -> encoder.decompressor().decompress(garbage, 0, garbage.length, enc))
                .isInstanceOf(CodecException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @EnumSource(TestEncoder.class)
    void emptyBlockNeedsNoBytes(TestEncoder encoder) {
        BlockEncoding empty = TestBlocks.encoding(encoder.compression, 0, 0, 1, 8, ByteOrder.LITTLE_ENDIAN);
        byte[] stream = encoder.encode(new byte[0]);

        assertThat(encoder.decompressor().decompress(stream, 0, stream.length, empty)).isEmpty();
    }
}
