package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stacstream.cog.testing.Libdeflate;
import dev.stacstream.cog.testing.ZlibStreams;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * libdeflate and the JDK's zlib give the same outcome for well-formed, damaged and mis-sized streams: the same
 * bytes, or a {@link CodecException} of the same kind with the same message (which {@code BlockDecoder} then wraps
 * with the file, IFD, block index and byte range, the same way for both).
 */
class InflaterMalformedStreamTest {

    private static final long SEED = 4_711L;
    private static final int WIDTH = 256;
    private static final int ROWS = 64;
    private static final int ADLER32_BYTES = 4;
    /** zlib header (RFC 1950): CMF 0x78 (DEFLATE, 32 KiB window), FLG with FCHECK making CMF*256+FLG a multiple of 31. */
    private static final int FDICT = 0x20;
    private static final int FCHECK_DIVISOR = 31;

    /** A 256x64 uint16 block, level-6 zlib stream, and what is done to the stream or to the block's size. */
    enum Case {
        WELL_FORMED(true, s -> s, 0),
        WRONG_ADLER32(false, s -> flip(s, s.length - 1), 0),
        MISSING_ADLER32(true, s -> Arrays.copyOf(s, s.length - ADLER32_BYTES), 0),
        HALF_AN_ADLER32(true, s -> Arrays.copyOf(s, s.length - ADLER32_BYTES / 2), 0),
        TRAILING_BYTES(true, s -> Arrays.copyOf(s, s.length + 100), 0),
        CUT_IN_HALF(false, s -> Arrays.copyOf(s, s.length / 2), 0),
        BYTE_FLIPPED_NEAR_START(false, s -> flip(s, s.length / 10), 0),
        BYTE_FLIPPED_NEAR_END(false, s -> flip(s, s.length * 9 / 10), 0),
        NOT_ZLIB(false, s -> Arrays.copyOfRange(s, 2, s.length), 0),
        PRESET_DICTIONARY(false, InflaterMalformedStreamTest::withDictionaryFlag, 0),
        EMPTY(false, s -> new byte[0], 0),
        BLOCK_TEN_ROWS_LARGER(false, s -> s, 10),
        BLOCK_TEN_ROWS_SMALLER(true, s -> s, -10),
        BLOCK_OF_NO_ROWS(true, s -> s, -ROWS);

        final boolean decodes;
        final UnaryOperator<byte[]> damage;
        final int extraRows;

        Case(boolean decodes, UnaryOperator<byte[]> damage, int extraRows) {
            this.decodes = decodes;
            this.damage = damage;
            this.extraRows = extraRows;
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void libdeflateAndZlibAgree(Case c) {
        BlockEncoding written = TestBlocks.encoding(DecompressorRegistry.DEFLATE, WIDTH, ROWS, 1, Short.SIZE,
                ByteOrder.LITTLE_ENDIAN);
        byte[] samples = TestBlocks.Pattern.SMOOTH_WITH_NOISE.fill(written.decodedBytes(), SEED);
        byte[] stream = c.damage.apply(ZlibStreams.deflate(samples));
        BlockEncoding asked = TestBlocks.encoding(DecompressorRegistry.DEFLATE, WIDTH, ROWS + c.extraRows, 1, Short.SIZE,
                ByteOrder.LITTLE_ENDIAN);

        Outcome zlib = Outcome.of(Inflaters.jdk(), stream, asked);
        Outcome libdeflate = Outcome.of(Libdeflate.require(), stream, asked);

        assertThat(libdeflate).isEqualTo(zlib);
        if (c.decodes) {
            assertThat(zlib.bytes()).isEqualTo(Arrays.copyOf(samples, asked.decodedBytes()));
        } else {
            assertThat(zlib.error()).startsWith("DEFLATE stream of " + stream.length + " bytes ");
            assertThat(zlib.unsupported()).isFalse();
        }
    }

    /** What decoding gave: the bytes, or the error's message and kind. */
    record Outcome(byte[] bytes, String error, boolean unsupported) {

        static Outcome of(Decompressor decompressor, byte[] stream, BlockEncoding encoding) {
            byte[][] decoded = new byte[1][];
            CodecException e = catchThrowableOfType(CodecException.class,
                    () -> decoded[0] = decompressor.decompress(stream, 0, stream.length, encoding));
            return e == null ? new Outcome(decoded[0], null, false) : new Outcome(null, e.getMessage(), e.isUnsupported());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome other && Arrays.equals(bytes, other.bytes)
                    && Objects.equals(error, other.error) && unsupported == other.unsupported;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(bytes), error, unsupported);
        }

        @Override
        public String toString() {
            return error != null ? "error '" + error + "'" : bytes.length + " bytes, hash " + Arrays.hashCode(bytes);
        }
    }

    private static byte[] flip(byte[] stream, int at) {
        byte[] copy = stream.clone();
        copy[at] ^= (byte) 0x5A;
        return copy;
    }

    /** Sets FDICT (a preset dictionary follows the header) and fixes FCHECK, so that only the flag is wrong. */
    private static byte[] withDictionaryFlag(byte[] stream) {
        byte[] copy = stream.clone();
        int cmf = copy[0] & 0xFF;
        int flg = (copy[1] & 0xFF | FDICT) & ~0x1F;
        flg |= (FCHECK_DIVISOR - (cmf * 256 + flg) % FCHECK_DIVISOR) % FCHECK_DIVISOR;
        copy[1] = (byte) flg;
        return copy;
    }
}
