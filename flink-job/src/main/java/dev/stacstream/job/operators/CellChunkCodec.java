package dev.stacstream.job.operators;

import dev.stacstream.job.aggregate.CellColumns;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The cells of a {@link CellChunk} in {@link ChunkPartialCodec}'s records.
 *
 * <p>Version 2: the extent as four unsigned bytes (first column, first row, columns, rows, each at most
 * {@link CellChunk#SIDE}), a byte telling whether item counts follow, then the extent's cells row by row, no index:
 * count_total as an unsigned LEB128 varint; for a cell with pixels count_valid likewise; for a cell with valid
 * pixels a byte of flags, then sum, min and max each as a zigzag varint when its flag says it is a whole number
 * (always, for integer samples without scale/offset), else as a double, and m2 as a double; with item counts, the
 * cell's count as a varint. A W cell of 10 x 10 uint16 pixels takes 18 bytes (version 1: 62).
 *
 * <p>Version 1 (in checkpoints and savepoints of earlier jobs): an int count of used cells, then per used cell
 * its short index, count_total and count_valid as longs, sum, min, max, mean and m2 as doubles, and the item count
 * as an int. Read into a full-chunk extent; the stored mean is dropped (it is {@code sum / count_valid} now).
 */
final class CellChunkCodec {

    private static final int VARINT_PAYLOAD_BITS = 7;
    private static final int VARINT_PAYLOAD = 0x7f;
    private static final int VARINT_MORE = 0x80;
    private static final int MAX_VARLONG_SHIFT = 63;
    private static final int SUM_WHOLE = 1;
    private static final int MIN_WHOLE = 2;
    private static final int MAX_WHOLE = 4;
    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

    private CellChunkCodec() {}

    static void write(CellChunk chunk, DataOutputView out) throws IOException {
        CellColumns cells = chunk.columns();
        int[] items = chunk.itemCounts();
        out.writeByte(chunk.x0());
        out.writeByte(chunk.y0());
        out.writeByte(cells.width());
        out.writeByte(cells.height());
        out.writeBoolean(items != null);
        for (int y = 0, item = 0; y < cells.height(); y++) {
            for (int x = 0, k = cells.index(0, y); x < cells.width(); x++, k++, item++) {
                long total = cells.countTotal(k);
                writeVarLong(total, out);
                if (total == 0) {
                    continue;
                }
                long valid = cells.countValid(k);
                writeVarLong(valid, out);
                if (valid > 0) {
                    double sum = cells.sum(k);
                    double min = cells.min(k);
                    double max = cells.max(k);
                    out.writeByte((isWhole(sum) ? SUM_WHOLE : 0) | (isWhole(min) ? MIN_WHOLE : 0)
                            | (isWhole(max) ? MAX_WHOLE : 0));
                    writeValue(sum, out);
                    writeValue(min, out);
                    writeValue(max, out);
                    out.writeDouble(cells.m2(k));
                }
                if (items != null) {
                    writeVarLong(items[item], out);
                }
            }
        }
    }

    static CellChunk read(DataInputView in) throws IOException {
        int x0 = in.readUnsignedByte();
        int y0 = in.readUnsignedByte();
        int width = in.readUnsignedByte();
        int height = in.readUnsignedByte();
        if (x0 + width > CellChunk.SIDE || y0 + height > CellChunk.SIDE) {
            throw new IOException("chunk extent of " + width + "x" + height + " cells at (" + x0 + ", " + y0
                    + ") is not inside a chunk of " + CellChunk.SIDE + "x" + CellChunk.SIDE);
        }
        int[] items = in.readBoolean() ? new int[width * height] : null;
        CellColumns cells = CellColumns.allocate(width, height);
        for (int y = 0, item = 0; y < height; y++) {
            for (int x = 0, k = cells.index(0, y); x < width; x++, k++, item++) {
                long total = readVarLong(in);
                if (total == 0) {
                    continue;
                }
                if (total < 0) {
                    throw new IOException("corrupt chunk cell " + k + ": count_total beyond 2^63");
                }
                long valid = readVarLong(in);
                if (valid > 0) {
                    int flags = in.readUnsignedByte();
                    double sum = readValue((flags & SUM_WHOLE) != 0, in);
                    double min = readValue((flags & MIN_WHOLE) != 0, in);
                    double max = readValue((flags & MAX_WHOLE) != 0, in);
                    set(cells, k, total, valid, sum, min, max, in.readDouble());
                } else {
                    set(cells, k, total, 0, 0, 0, 0, 0);
                }
                if (items != null) {
                    items[item] = Math.toIntExact(readVarLong(in));
                }
            }
        }
        return CellChunk.of(x0, y0, cells, items);
    }

    static CellChunk readVersion1(DataInputView in) throws IOException {
        CellColumns cells = CellColumns.allocate(CellChunk.SIDE, CellChunk.SIDE);
        int[] items = new int[CellChunk.CELLS];
        int used = in.readInt();
        for (int n = 0; n < used; n++) {
            int i = in.readUnsignedShort();
            if (i >= CellChunk.CELLS) {
                throw new IOException("version 1 chunk cell index " + i + " is not in [0, " + CellChunk.CELLS + ")");
            }
            long total = in.readLong();
            long valid = in.readLong();
            double sum = in.readDouble();
            double min = in.readDouble();
            double max = in.readDouble();
            in.readDouble(); // the running mean: now sum / count_valid
            double m2 = in.readDouble();
            set(cells, i, total, valid, sum, min, max, m2);
            items[i] = in.readInt();
        }
        return CellChunk.of(0, 0, cells, items);
    }

    private static void set(CellColumns cells, int k, long total, long valid, double sum, double min, double max,
            double m2) throws IOException {
        try {
            cells.set(k, total, valid, sum, min, max, m2);
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt chunk cell " + k + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code v} is a whole number that a long holds exactly (not -0.0, whose sign a long loses). */
    private static boolean isWhole(double v) {
        return (double) (long) v == v && Double.doubleToRawLongBits(v) != NEGATIVE_ZERO;
    }

    /** A whole number as a zigzag varint (small magnitudes of either sign in few bytes), anything else as a double. */
    private static void writeValue(double v, DataOutputView out) throws IOException {
        if (isWhole(v)) {
            long n = (long) v;
            writeUnsigned((n << 1) ^ (n >> MAX_VARLONG_SHIFT), out);
        } else {
            out.writeDouble(v);
        }
    }

    private static double readValue(boolean whole, DataInputView in) throws IOException {
        if (!whole) {
            return in.readDouble();
        }
        long zigzag = readVarLong(in);
        return (double) ((zigzag >>> 1) ^ -(zigzag & 1));
    }

    /** Unsigned LEB128: seven bits per byte, low first, the high bit set on every byte but the last. */
    static void writeVarLong(long value, DataOutputView out) throws IOException {
        if (value < 0) {
            throw new IllegalArgumentException("a count must be >= 0, got " + value);
        }
        writeUnsigned(value, out);
    }

    /** {@code value}'s 64 bits as an unsigned LEB128 varint. */
    private static void writeUnsigned(long value, DataOutputView out) throws IOException {
        long v = value;
        while ((v & ~VARINT_PAYLOAD) != 0) {
            out.writeByte((int) (v & VARINT_PAYLOAD) | VARINT_MORE);
            v >>>= VARINT_PAYLOAD_BITS;
        }
        out.writeByte((int) v);
    }

    static long readVarLong(DataInputView in) throws IOException {
        long value = 0;
        for (int shift = 0; shift <= MAX_VARLONG_SHIFT; shift += VARINT_PAYLOAD_BITS) {
            int b = in.readUnsignedByte();
            value |= (long) (b & VARINT_PAYLOAD) << shift;
            if ((b & VARINT_MORE) == 0) {
                return value;
            }
        }
        throw new IOException("varint longer than 64 bits");
    }
}
