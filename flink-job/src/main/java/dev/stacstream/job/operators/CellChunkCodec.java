package dev.stacstream.job.operators;

import dev.stacstream.job.aggregate.CellColumns;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The cells of a {@link CellChunk} in {@link ChunkPartialCodec}'s records.
 *
 * <p>Version 2: the extent as four unsigned bytes (first column, first row, columns, rows, each at most
 * {@link CellChunk#SIDE}), a byte telling whether item counts follow, then the extent's rows, each as its byte
 * length (an unsigned short) and its cells, no index: count_total as an unsigned LEB128 varint; for a cell with
 * pixels count_valid likewise; for a cell with valid pixels a byte of flags, then sum, min and max each as a zigzag
 * varint when its flag says it is a whole number (always, for integer samples without scale/offset), else as a
 * little-endian double, and m2 as such a double; with item counts, the cell's count as a varint. A W cell of
 * 10 x 10 uint16 pixels takes 18 bytes (version 1: 62). Rows are encoded in a per-thread array ({@link RowBytes})
 * and cross the stream in one call each.
 *
 * <p>Version 1 (in checkpoints and savepoints of earlier jobs): an int count of used cells, then per used cell
 * its short index, count_total and count_valid as longs, sum, min, max, mean and m2 as doubles, and the item count
 * as an int. Read into a full-chunk extent; the stored mean is dropped (it is {@code sum / count_valid} now).
 */
final class CellChunkCodec {

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
        RowBytes row = RowBytes.get();
        for (int y = 0, item = 0; y < cells.height(); y++) {
            row.position = 0;
            for (int x = 0, k = cells.index(0, y); x < cells.width(); x++, k++, item++) {
                long total = cells.countTotal(k);
                row.putVarLong(total);
                if (total == 0) {
                    continue;
                }
                long valid = cells.countValid(k);
                row.putVarLong(valid);
                if (valid > 0) {
                    double sum = cells.sum(k);
                    double min = cells.min(k);
                    double max = cells.max(k);
                    row.putByte((isWhole(sum) ? SUM_WHOLE : 0) | (isWhole(min) ? MIN_WHOLE : 0)
                            | (isWhole(max) ? MAX_WHOLE : 0));
                    putValue(sum, row);
                    putValue(min, row);
                    putValue(max, row);
                    row.putDouble(cells.m2(k));
                }
                if (items != null) {
                    row.putVarLong(items[item]);
                }
            }
            out.writeShort(row.position);
            out.write(row.bytes, 0, row.position);
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
        RowBytes row = RowBytes.get();
        for (int y = 0; y < height; y++) {
            int length = in.readUnsignedShort();
            if (length > RowBytes.MAX_ROW_BYTES) {
                throw new IOException("chunk row " + y + " of " + length + " bytes is longer than any row ("
                        + RowBytes.MAX_ROW_BYTES + ")");
            }
            in.readFully(row.bytes, 0, length);
            row.position = 0;
            try {
                readRow(row, cells, y, items);
            } catch (ArrayIndexOutOfBoundsException | IllegalStateException | IllegalArgumentException
                    | ArithmeticException e) {
                throw new IOException("corrupt chunk row " + y + " (" + length + " bytes): " + e.getMessage(), e);
            }
            if (row.position != length) {
                throw new IOException("chunk row " + y + " has " + length + " bytes but its " + width
                        + " cells took " + row.position);
            }
        }
        return CellChunk.of(x0, y0, cells, items);
    }

    private static void readRow(RowBytes row, CellColumns cells, int y, int[] items) {
        for (int x = 0, k = cells.index(0, y); x < cells.width(); x++, k++) {
            long total = row.getVarLong();
            if (total == 0) {
                continue;
            }
            if (total < 0) {
                throw new IllegalStateException("count_total beyond 2^63 in cell " + x);
            }
            long valid = row.getVarLong();
            if (valid > 0) {
                int flags = row.getByte();
                double sum = getValue((flags & SUM_WHOLE) != 0, row);
                double min = getValue((flags & MIN_WHOLE) != 0, row);
                double max = getValue((flags & MAX_WHOLE) != 0, row);
                cells.set(k, total, valid, sum, min, max, row.getDouble());
            } else {
                cells.set(k, total, 0, 0, 0, 0, 0);
            }
            if (items != null) {
                items[y * cells.width() + x] = Math.toIntExact(row.getVarLong());
            }
        }
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
    private static void putValue(double v, RowBytes row) {
        if (isWhole(v)) {
            long n = (long) v;
            row.putVarLong((n << 1) ^ (n >> MAX_VARLONG_SHIFT));
        } else {
            row.putDouble(v);
        }
    }

    private static double getValue(boolean whole, RowBytes row) {
        if (!whole) {
            return row.getDouble();
        }
        long zigzag = row.getVarLong();
        return (double) ((zigzag >>> 1) ^ -(zigzag & 1));
    }
}
