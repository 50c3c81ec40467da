package dev.stacstream.cog.codec;

import com.github.luben.zstd.Zstd;
import dev.stacstream.cog.testing.Libdeflate;
import java.io.ByteArrayOutputStream;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.zip.Deflater;

/**
 * The compressions of the default registry that a test can encode for, with the encoder it uses. DEFLATE comes
 * three times: on the JDK's zlib and on libdeflate explicitly (libdeflate mandatory on CI, see
 * {@link Libdeflate#require()}), and under the Adobe code as the default registry decodes it.
 */
enum TestEncoder {
    NONE(DecompressorRegistry.NONE, "uncompressed", data -> data.clone()),
    DEFLATE(DecompressorRegistry.DEFLATE, "DEFLATE", TestEncoder::deflate, Inflaters::jdk),
    DEFLATE_LIBDEFLATE(DecompressorRegistry.DEFLATE, "DEFLATE", TestEncoder::deflate, Libdeflate::require),
    DEFLATE_ADOBE(DecompressorRegistry.DEFLATE_ADOBE, "DEFLATE", TestEncoder::deflate),
    LZW(DecompressorRegistry.LZW, "LZW", TiffLzwEncoder::encode),
    PACKBITS(DecompressorRegistry.PACKBITS, "PackBits", PackBitsEncoder::encode),
    ZSTD(DecompressorRegistry.ZSTD, "ZSTD", data -> Zstd.compress(data, 3));

    private static final int DEFLATE_LEVEL = 6;

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

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(DEFLATE_LEVEL);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
