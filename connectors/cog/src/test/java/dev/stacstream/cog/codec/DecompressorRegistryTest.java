package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecompressorRegistryTest {

    @ParameterizedTest
    @CsvSource({
        "1,     UncompressedDecompressor",
        "5,     LzwDecompressor",
        "7,     JpegDecompressor",
        "32773, PackBitsDecompressor",
        "50000, ZstdDecompressor",
    })
    void defaultsDecodeTheCommonCompressions(int compression, String decompressor) {
        assertThat(DecompressorRegistry.defaults().find(compression))
                .get().extracting(d -> d.getClass().getSimpleName()).isEqualTo(decompressor);
    }

    @ParameterizedTest
    @ValueSource(ints = {DecompressorRegistry.DEFLATE, DecompressorRegistry.DEFLATE_ADOBE})
    void defaultsInflateWithTheSelectedInflater(int compression) {
        assertThat(DecompressorRegistry.defaults().find(compression))
                .get().hasSameClassAs(Inflaters.selected());
    }

    @ParameterizedTest
    @ValueSource(ints = {DecompressorRegistry.DEFLATE, DecompressorRegistry.DEFLATE_ADOBE})
    void withDeflateReplacesBothDeflateCodesAndKeepsTheOthers(int compression) {
        Decompressor jdk = Inflaters.jdk();

        DecompressorRegistry registry = DecompressorRegistry.withDeflate(jdk);

        assertThat(registry.find(compression)).containsSame(jdk);
        assertThat(registry).hasToString(DecompressorRegistry.defaults().toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 6, 9, 32809, 34712, 34887, 34925, 50001, 50002, 0, 65535})
    void defaultsLeaveTheOthersOut(int compression) {
        assertThat(DecompressorRegistry.defaults().find(compression)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "1,     none",
        "2,     CCITT RLE",
        "3,     CCITT T.4 (Group 3 fax)",
        "4,     CCITT T.6 (Group 4 fax)",
        "5,     LZW",
        "6,     old-style JPEG",
        "7,     JPEG",
        "8,     DEFLATE",
        "32773, PackBits",
        "32946, DEFLATE (Adobe)",
        "34712, JPEG 2000",
        "34887, LERC",
        "34925, LZMA",
        "50000, ZSTD",
        "50001, WebP",
        "50002, JPEG XL",
        "12345, unknown",
    })
    void compressionNames(int compression, String name) {
        assertThat(DecompressorRegistry.compressionName(compression)).isEqualTo(name);
    }

    @Test
    void withReturnsANewRegistryAndLeavesTheOriginalUnchanged() {
        Decompressor fake = (src, offset, length, encoding) -> new byte[encoding.decodedBytes()];
        DecompressorRegistry empty = DecompressorRegistry.empty();

        DecompressorRegistry withLerc = empty.with(DecompressorRegistry.LERC, fake);

        assertThat(withLerc.find(DecompressorRegistry.LERC)).containsSame(fake);
        assertThat(empty.find(DecompressorRegistry.LERC)).isEmpty();
        assertThat(withLerc).hasToString("DecompressorRegistry[34887 LERC]");
    }

    @Test
    void withReplacesAnExistingCodec() {
        Decompressor fake = (src, offset, length, encoding) -> new byte[encoding.decodedBytes()];

        DecompressorRegistry replaced = DecompressorRegistry.defaults().with(DecompressorRegistry.DEFLATE, fake);

        assertThat(replaced.find(DecompressorRegistry.DEFLATE)).containsSame(fake);
        assertThat(replaced.find(DecompressorRegistry.DEFLATE_ADOBE)).get().isNotSameAs(fake);
    }

    @Test
    void nullDecompressorIsRefused() {
        assertThatThrownBy(() -> DecompressorRegistry.empty().with(DecompressorRegistry.LZW, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no decompressor given for compression 5");
    }
}
