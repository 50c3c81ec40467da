package dev.stacstream.cog.codec;

import com.github.luben.zstd.Zstd;
import dev.stacstream.cog.testing.Libdeflate;
import dev.stacstream.cog.testing.ZlibStreams;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The compressions of the default registry that a test can encode for, with the encoder it uses. DEFLATE comes
 * three times: on the JDK's zlib and on libdeflate explicitly (libdeflate mandatory on CI, see
 * {@link Libdeflate#require()}), and under the Adobe code as the default registry decodes it.
 */
enum TestEncoder {
    NONE(DecompressorRegistry.NONE, "uncompressed", data -> data.clone()),
    DEFLATE(DecompressorRegistry.DEFLATE, "DEFLATE", ZlibStreams::deflate, Inflaters::jdk),
    DEFLATE_LIBDEFLATE(DecompressorRegistry.DEFLATE, "DEFLATE", ZlibStreams::deflate, Libdeflate::require),
    DEFLATE_ADOBE(DecompressorRegistry.DEFLATE_ADOBE, "DEFLATE", ZlibStreams::deflate),
    LZW(DecompressorRegistry.LZW, "LZW", TiffLzwEncoder::encode),
    PACKBITS(DecompressorRegistry.PACKBITS, "PackBits", PackBitsEncoder::encode),
    ZSTD(DecompressorRegistry.ZSTD, "ZSTD", data -> Zstd.compress(data, 3));

    final int compression;
    /** How the decompressor names itself in its error messages. */
    final String codecName;
    private final UnaryOperator<byte[]> encoder;
    /** The decompressor under test, or {@code null} for the default registry's. */
    private final Supplier<Decompressor> decompressor;

    TestEncoder(int compression, String codecName, UnaryOperator<byte[]> encoder) {
        this(compression, codecName, encoder, null);
    }

    TestEncoder(int compression, String codecName, UnaryOperator<byte[]> encoder, Supplier<Decompressor> decompressor) {
        this.compression = compression;
        this.codecName = codecName;
        this.encoder = encoder;
        this.decompressor = decompressor;
    }

    byte[] encode(byte[] data) {
        return encoder.apply(data);
    }

    Decompressor decompressor() {
        return decompressor != null ? decompressor.get() : DecompressorRegistry.defaults().find(compression).orElseThrow();
    }
}
