package dev.stacstream.cog.codec;

import java.util.Locale;

/**
 * The frame header (SOFn) of a JPEG stream: found by walking the marker segments before the first scan,
 * so that variants the JDK's decoder cannot read (12-bit, lossless, hierarchical, arithmetic coding) are
 * reported as unsupported rather than as an obscure decoder failure.
 *
 * @param marker the SOFn marker byte (0xC0 baseline, 0xC1 extended, 0xC2 progressive, ...)
 * @param precision bits per sample
 * @param width samples per line
 * @param height lines (0 when a DNL segment defines it later)
 * @param components components in the frame
 */
record JpegFrame(int marker, int precision, int width, int height, int components) {

    private static final int MARKER_PREFIX = 0xFF;
    private static final int SOF_BASELINE = 0xC0;
    private static final int SOF_EXTENDED = 0xC1;
    private static final int SOF_PROGRESSIVE = 0xC2;
    private static final int SOF_LOSSLESS = 0xC3;
    private static final int DHT = 0xC4;
    private static final int JPG = 0xC8;
    private static final int DAC = 0xCC;
    private static final int SOF_LAST = 0xCF;
    private static final int RST0 = 0xD0;
    private static final int RST7 = 0xD7;
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int TEM = 0x01;
    private static final int SUPPORTED_PRECISION = 8;
    /** Marker (2) + length (2) + precision (1) + height (2) + width (2) + component count (1). */
    private static final int SOF_FIXED_BYTES = 10;

    /** Finds the frame header of a complete stream (one starting with SOI). */
    static JpegFrame parse(byte[] stream) {
        int pos = 2; // after SOI
        while (pos + 1 < stream.length) {
            if ((stream[pos] & 0xFF) != MARKER_PREFIX) {
                throw corrupt(stream, pos, "expected a marker");
            }
            int marker = stream[pos + 1] & 0xFF;
            if (marker == MARKER_PREFIX) {
                pos++; // fill byte before a marker
                continue;
            }
            if (marker == TEM || marker == SOI || (marker >= RST0 && marker <= RST7)) {
                pos += 2; // markers without a segment
                continue;
            }
            if (marker == EOI || marker == SOS) {
                throw corrupt(stream, pos, "no frame header (SOFn) before the first scan");
            }
            if (pos + 4 > stream.length) {
                break;
            }
            int segmentLength = ((stream[pos + 2] & 0xFF) << 8) | (stream[pos + 3] & 0xFF);
            if (isFrameHeader(marker)) {
                if (pos + SOF_FIXED_BYTES > stream.length) {
                    break;
                }
                return new JpegFrame(marker, stream[pos + 4] & 0xFF,
                        ((stream[pos + 7] & 0xFF) << 8) | (stream[pos + 8] & 0xFF),
                        ((stream[pos + 5] & 0xFF) << 8) | (stream[pos + 6] & 0xFF),
                        stream[pos + 9] & 0xFF);
            }
            pos += 2 + segmentLength;
        }
        throw corrupt(stream, Math.min(pos, stream.length), "the stream ends before its frame header (SOFn)");
    }

    private static boolean isFrameHeader(int marker) {
        return marker >= SOF_BASELINE && marker <= SOF_LAST && marker != DHT && marker != JPG && marker != DAC;
    }

    /** Throws {@link CodecException#unsupported} unless the JDK's 8-bit Huffman decoder can read this frame. */
    void requireDecodable() {
        if (marker == SOF_LOSSLESS) {
            throw CodecException.unsupported("lossless JPEG (SOF3) is not supported");
        }
        if (marker != SOF_BASELINE && marker != SOF_EXTENDED && marker != SOF_PROGRESSIVE) {
            throw CodecException.unsupported(String.format(Locale.ROOT,
                    "JPEG process SOF%d (hierarchical or arithmetic-coded) is not supported", marker - SOF_BASELINE));
        }
        if (precision != SUPPORTED_PRECISION) {
            throw CodecException.unsupported(precision + "-bit JPEG is not supported, only 8-bit");
        }
        if (height == 0) {
            throw CodecException.unsupported("JPEG with the height in a DNL segment is not supported");
        }
    }

    private static CodecException corrupt(byte[] stream, int pos, String problem) {
        return CodecException.corrupt(String.format(Locale.ROOT,
                "JPEG stream of %d bytes at byte %d: %s", stream.length, pos, problem));
    }
}
