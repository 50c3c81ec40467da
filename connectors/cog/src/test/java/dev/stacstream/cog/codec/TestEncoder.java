package dev.stacstream.cog.codec;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.util.function.UnaryOperator;
import java.util.zip.Deflater;

/** The compressions of the default registry that a test can encode for, with the encoder it uses. */
enum TestEncoder {
    NONE(DecompressorRegistry.NONE, "uncompressed", data -> data.clone()),
    DEFLATE(DecompressorRegistry.DEFLATE, "DEFLATE", TestEncoder::deflate),
    DEFLATE_ADOBE(DecompressorRegistry.DEFLATE_ADOBE, "DEFLATE", TestEncoder::deflate),
    LZW(DecompressorRegistry.LZW, "LZW", TiffLzwEncoder::encode),
    PACKBITS(DecompressorRegistry.PACKBITS, "PackBits", PackBitsEncoder::encode),
    ZSTD(DecompressorRegistry.ZSTD, "ZSTD", data -> Zstd.compress(data, 3));

    private static final int DEFLATE_LEVEL = 6;

    final int compression;
    /** How the decompressor names itself in its error messages. */
    final String codecName;
    private final UnaryOperator<byte[]> encoder;

    TestEncoder(int compression, String codecName, UnaryOperator<byte[]> encoder) {
        this.compression = compression;
        this.codecName = codecName;
        this.encoder = encoder;
    }

    byte[] encode(byte[] data) {
        return encoder.apply(data);
    }

    Decompressor decompressor() {
        return DecompressorRegistry.defaults().find(compression).orElseThrow();
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
