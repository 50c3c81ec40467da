package dev.stacstream.cog.codec;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Test-side TIFF 6.0 LZW encoder, following libtiff's LZWEncode/LZWPostEncode: a clear code first,
 * codes MSB first, one bit wider as soon as the next free code exceeds the current maximum (the early
 * change seen from the encoder's side), a clear code when the table reaches 4094 entries, then the end code.
 * Options produce the deviations real files contain: no end code, or no clear code when the table is full.
 */
final class TiffLzwEncoder {

    private static final int CLEAR = 256;
    private static final int END = 257;
    private static final int FIRST_FREE = 258;
    private static final int MIN_BITS = 9;
    private static final int MAX_BITS = 12;
    private static final int LIBTIFF_CLEAR_AT = (1 << MAX_BITS) - 2;
    private static final int TABLE_SIZE = 1 << MAX_BITS;

    private final boolean endCode;
    private final boolean clearWhenFull;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<Integer, Integer> table = new HashMap<>();
    private long bitBuffer;
    private int bitCount;
    private int codeBits = MIN_BITS;
    private int nextCode = FIRST_FREE;

    private TiffLzwEncoder(boolean endCode, boolean clearWhenFull) {
        this.endCode = endCode;
        this.clearWhenFull = clearWhenFull;
    }

    static byte[] encode(byte[] data) {
        return new TiffLzwEncoder(true, true).run(data);
    }

    static byte[] encodeWithoutEndCode(byte[] data) {
        return new TiffLzwEncoder(false, true).run(data);
    }

    /** Never clears: once 4096 codes exist the table stays as it is (libtiff's decoder copes with that). */
    static byte[] encodeWithoutClearWhenFull(byte[] data) {
        return new TiffLzwEncoder(true, false).run(data);
    }

    private byte[] run(byte[] data) {
        emit(CLEAR);
        int current = -1;
        for (byte b : data) {
            int value = b & 0xFF;
            if (current < 0) {
                current = value;
                continue;
            }
            Integer known = table.get((current << 8) | value);
            if (known != null) {
                current = known;
                continue;
            }
            emit(current);
            if (nextCode < TABLE_SIZE) {
                table.put((current << 8) | value, nextCode);
            }
            afterEntry();
            current = value;
        }
        if (current >= 0) {
            emit(current);
            afterEntry();
        }
        if (endCode) {
            emit(END);
        }
        if (bitCount > 0) {
            out.write((int) (bitBuffer << (8 - bitCount)) & 0xFF);
        }
        return out.toByteArray();
    }

    private void afterEntry() {
        if (nextCode < TABLE_SIZE) {
            nextCode++;
        }
        if (clearWhenFull && nextCode == LIBTIFF_CLEAR_AT) {
            emit(CLEAR);
            table.clear();
            nextCode = FIRST_FREE;
            codeBits = MIN_BITS;
        } else if (nextCode > (1 << codeBits) - 1 && codeBits < MAX_BITS) {
            codeBits++;
        }
    }

    private void emit(int code) {
        bitBuffer = (bitBuffer << codeBits) | code;
        bitCount += codeBits;
        while (bitCount >= 8) {
            bitCount -= 8;
            out.write((int) (bitBuffer >>> bitCount) & 0xFF);
        }
    }
}
