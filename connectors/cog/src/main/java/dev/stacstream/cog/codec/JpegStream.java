package dev.stacstream.cog.codec;

import java.util.Locale;

/**
 * Builds the complete JPEG stream of one TIFF JPEG block (TIFF Technical Note 2).
 *
 * <p>With a JPEGTables tag, each block is an abbreviated stream (SOI, frame, scans, EOI) and the shared
 * quantisation and Huffman tables live in the tag, itself a tables-only stream (SOI, DQT/DHT..., EOI).
 * The complete stream is the tables without their EOI followed by the block without its SOI, which any
 * baseline decoder reads as a single interchange-format image.
 */
final class JpegStream {

    private static final int MARKER_PREFIX = 0xFF;
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int MARKER_BYTES = 2;

    private JpegStream() {
    }

    /**
     * @param tables the JPEGTables tag, or {@code null}
     * @return the complete stream; a new array when tables are merged in, otherwise a copy of the block
     */
    static byte[] assemble(byte[] tables, byte[] src, int offset, int length) {
        if (!startsWithMarker(src, offset, length, SOI)) {
            throw CodecException.corrupt(String.format(Locale.ROOT,
                    "JPEG block of %d bytes does not start with an SOI marker (FF D8)", length));
        }
        if (tables == null || tables.length == 0) {
            byte[] stream = new byte[length];
            System.arraycopy(src, offset, stream, 0, length);
            return stream;
        }
        if (!startsWithMarker(tables, 0, tables.length, SOI)) {
            throw CodecException.corrupt(String.format(Locale.ROOT,
                    "JPEGTables of %d bytes do not start with an SOI marker (FF D8)", tables.length));
        }
        int tablesLength = endsWithMarker(tables, EOI) ? tables.length - MARKER_BYTES : tables.length;
        int blockLength = length - MARKER_BYTES;
        byte[] stream = new byte[tablesLength + blockLength];
        System.arraycopy(tables, 0, stream, 0, tablesLength);
        System.arraycopy(src, offset + MARKER_BYTES, stream, tablesLength, blockLength);
        return stream;
    }

    private static boolean startsWithMarker(byte[] bytes, int offset, int length, int marker) {
        return length >= MARKER_BYTES
                && (bytes[offset] & 0xFF) == MARKER_PREFIX
                && (bytes[offset + 1] & 0xFF) == marker;
    }

    private static boolean endsWithMarker(byte[] bytes, int marker) {
        return startsWithMarker(bytes, bytes.length - MARKER_BYTES, MARKER_BYTES, marker);
    }
}
