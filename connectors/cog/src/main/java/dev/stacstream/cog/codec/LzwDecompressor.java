package dev.stacstream.cog.codec;

import java.util.Locale;
import java.util.Objects;

/**
 * Compression 5: TIFF 6.0 LZW (section 13). Codes are read most significant bit first, 9 to 12 bits wide;
 * 256 clears the table and 257 ends the stream. The code width grows one code early (at 511, 1023 and
 * 2047 entries), as every TIFF writer since 6.0 does.
 *
 * <p>Every table entry is a string that has already been written to the output: the entry made after
 * code {@code c} is the previous code's string plus the first byte of {@code c}'s string, and those bytes
 * sit contiguously in the output. So the table only stores where each string starts in the output and
 * how long it is, and emitting a code is one array copy, without chasing prefix chains or allocating.
 *
 * <p>Like libtiff, it tolerates a stream without an end code, keeps decoding without adding entries once
 * the table is full, and stops as soon as the block is full. The pre-6.0 "old-style" LZW (bits in the
 * other order) is refused as unsupported.
 */
final class LzwDecompressor implements Decompressor {

    private static final String CODEC = "LZW";
    private static final int CLEAR_CODE = 256;
    private static final int END_CODE = 257;
    private static final int FIRST_FREE_CODE = 258;
    private static final int MIN_CODE_BITS = 9;
    private static final int MAX_CODE_BITS = 12;
    private static final int TABLE_SIZE = 1 << MAX_CODE_BITS;
    /** Keep at most this many bits in the 64-bit reservoir before a refill (room for one more byte). */
    private static final int REFILL_LIMIT_BITS = Long.SIZE - Byte.SIZE;

    @Override
    public byte[] decompress(byte[] src, int offset, int length, BlockEncoding encoding) {
        Objects.checkFromIndexSize(offset, length, src.length);
        rejectOldStyle(src, offset, length);
        byte[] out = new byte[encoding.decodedBytes()];
        int produced = new Decoding(src, offset, length, out).run();
        if (produced < out.length) {
            throw ShortBlock.error(CODEC, length, produced, encoding);
        }
        return out;
    }

    /**
     * A new-style stream starts with a clear code, MSB first: its first byte is 0x80. libtiff recognises
     * the old LSB-first variant by a first byte of 0 and an odd second byte (the clear code's low bits).
     */
    private static void rejectOldStyle(byte[] src, int offset, int length) {
        if (length >= 2 && src[offset] == 0 && (src[offset + 1] & 1) != 0) {
            throw CodecException.unsupported("old-style (pre-TIFF 6.0, LSB-first) LZW is not supported");
        }
    }

    /** The state of decoding one block; lives for one call. */
    private static final class Decoding {

        private final byte[] src;
        private final int start;
        private final int end;
        private final byte[] out;
        /** Where the string of each code at or past {@link #FIRST_FREE_CODE} starts in {@link #out}. */
        private final int[] entryStart = new int[TABLE_SIZE];
        private final int[] entryLength = new int[TABLE_SIZE];

        private int in;
        private long bits;
        private int bitCount;

        Decoding(byte[] src, int offset, int length, byte[] out) {
            this.src = src;
            this.start = offset;
            this.end = offset + length;
            this.out = out;
            this.in = offset;
        }

        /** Decodes until the block is full, the end code, or the end of the stream; returns the bytes written. */
        int run() {
            int limit = out.length;
            int pos = 0;
            int codeBits = MIN_CODE_BITS;
            int nextCode = FIRST_FREE_CODE;
            int prevStart = -1; // -1: no previous code since the last clear, so no entry to add
            int prevLength = 0;
            while (pos < limit) {
                if (bitCount < codeBits) {
                    refill();
                    if (bitCount < codeBits) {
                        break; // the stream ends without an end code: libtiff accepts that
                    }
                }
                bitCount -= codeBits;
                int code = (int) (bits >>> bitCount) & ((1 << codeBits) - 1);
                if (code == END_CODE) {
                    break;
                }
                if (code == CLEAR_CODE) {
                    codeBits = MIN_CODE_BITS;
                    nextCode = FIRST_FREE_CODE;
                    prevStart = -1;
                    continue;
                }
                int stringLength;
                if (code < CLEAR_CODE) {
                    out[pos] = (byte) code;
                    stringLength = 1;
                } else if (code < nextCode) {
                    stringLength = Math.min(entryLength[code], limit - pos);
                    System.arraycopy(out, entryStart[code], out, pos, stringLength);
                } else if (code == nextCode && prevStart >= 0) {
                    // The code being defined right now: the previous string plus its own first byte.
                    stringLength = Math.min(prevLength + 1, limit - pos);
                    int copied = Math.min(prevLength, stringLength);
                    System.arraycopy(out, prevStart, out, pos, copied);
                    if (stringLength > copied) {
                        out[pos + copied] = out[prevStart];
                    }
                } else {
                    throw CodecException.corrupt(String.format(Locale.ROOT,
                            "%s code %d near stream byte %d is not in the table (next free code %d)",
                            CODEC, code, in - start, nextCode));
                }
                if (prevStart >= 0 && nextCode < TABLE_SIZE) {
                    // previous string + first byte of this one = the bytes at prevStart, one longer
                    entryStart[nextCode] = prevStart;
                    entryLength[nextCode] = prevLength + 1;
                    nextCode++;
                    if (nextCode == (1 << codeBits) - 1 && codeBits < MAX_CODE_BITS) {
                        codeBits++; // early change
                    }
                }
                prevStart = pos;
                prevLength = stringLength;
                pos += stringLength;
            }
            return pos;
        }

        private void refill() {
            while (bitCount <= REFILL_LIMIT_BITS && in < end) {
                bits = (bits << Byte.SIZE) | (src[in++] & 0xFF);
                bitCount += Byte.SIZE;
            }
        }
    }
}
