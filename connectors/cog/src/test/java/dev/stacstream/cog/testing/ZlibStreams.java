package dev.stacstream.cog.testing;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/** zlib streams (RFC 1950) for the blocks of DEFLATE-compressed test data, written by the JDK's {@link Deflater}. */
public final class ZlibStreams {

    /** GDAL's default DEFLATE level. */
    private static final int LEVEL = 6;
    private static final int CHUNK_BYTES = 8192;

    private ZlibStreams() {}

    /** {@code data} as one complete zlib stream, Adler-32 trailer included. */
    public static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(LEVEL);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[CHUNK_BYTES];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
