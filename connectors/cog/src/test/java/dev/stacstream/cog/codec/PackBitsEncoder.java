package dev.stacstream.cog.codec;

import java.io.ByteArrayOutputStream;

/** Test-side PackBits encoder: runs of three or more equal bytes become repeat runs, the rest literals. */
final class PackBitsEncoder {

    private static final int MAX_RUN = 128;
    private static final int MIN_REPEAT = 3;

    private PackBitsEncoder() {
    }

    static byte[] encode(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < data.length) {
            int repeat = repeatLength(data, i);
            if (repeat >= MIN_REPEAT) {
                out.write(1 - repeat);
                out.write(data[i]);
                i += repeat;
                continue;
            }
            int start = i;
            while (i < data.length && i - start < MAX_RUN && repeatLength(data, i) < MIN_REPEAT) {
                i++;
            }
            out.write(i - start - 1);
            out.write(data, start, i - start);
        }
        return out.toByteArray();
    }

    private static int repeatLength(byte[] data, int from) {
        int n = 1;
        while (from + n < data.length && n < MAX_RUN && data[from + n] == data[from]) {
            n++;
        }
        return n;
    }
}
