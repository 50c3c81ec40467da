package dev.stacstream.cog.codec;

import java.io.ByteArrayOutputStream;

/**
 * Test-side inverse of {@link JpegStream#assemble}: splits a complete JPEG stream into a tables-only stream
 * (SOI, DQT and DHT segments, EOI) and an abbreviated stream (SOI, the other segments, the scans, EOI),
 * the way libtiff writes JPEGTables and tiles.
 */
final class TablesSplitter {

    private static final int DHT = 0xC4;
    private static final int DQT = 0xDB;
    private static final int SOS = 0xDA;

    private TablesSplitter() {
    }

    /** @return {tables, abbreviated block} */
    static byte[][] split(byte[] full) {
        ByteArrayOutputStream tables = new ByteArrayOutputStream();
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        tables.write(full, 0, 2);
        block.write(full, 0, 2);
        int pos = 2;
        while (pos < full.length) {
            int marker = full[pos + 1] & 0xFF;
            if (marker == SOS) {
                block.write(full, pos, full.length - pos); // the scans and EOI
                break;
            }
            int segment = 2 + (((full[pos + 2] & 0xFF) << 8) | (full[pos + 3] & 0xFF));
            (marker == DQT || marker == DHT ? tables : block).write(full, pos, segment);
            pos += segment;
        }
        tables.write(0xFF);
        tables.write(0xD9);
        return new byte[][] {tables.toByteArray(), block.toByteArray()};
    }
}
