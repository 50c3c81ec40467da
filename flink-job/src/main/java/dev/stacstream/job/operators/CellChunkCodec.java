package dev.stacstream.job.operators;

import dev.stacstream.job.aggregate.CellColumns;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The cells of a {@link CellChunk} in {@link ChunkPartialCodec}'s records.
 *
 * <p>Version 2: the extent as four unsigned bytes (first column, first row, columns, rows, each at most
 * {@link CellChunk#SIDE}), a byte telling whether item counts follow, then the extent's rows, no cell index. A row
 * is its byte length (an unsigned short), a byte of flags chosen for the whole row, then its cells:
 * count_total; for a cell with pixels count_valid; for a cell with valid pixels sum, min, max and m2; with item
 * counts, the cell's count. Counts are one unsigned byte when every count of the row is at most 255 (W's cells of
 * 10 x 10 pixels) and a long otherwise; sum, min and max are an int when all of the row's are whole numbers in int
 * range (integer samples without scale/offset) and a double otherwise; m2 is a double; item counts are a byte or
 * an int. All little-endian, encoded in a per-thread array that crosses the stream in one call per row: widths
 * decided per row keep the per-cell loops free of data-dependent branches. A W cell takes 22 bytes (version 1: 62).
 *
 * <p>Version 1 (in checkpoints and savepoints of earlier jobs): an int count of used cells, then per used cell
 * its short index, count_total and count_valid as longs, sum, min, max, mean and m2 as doubles, and the item count
 * as an int. Read into a full-chunk extent; the stored mean is dropped (it is {@code sum / count_valid} now).
 */
final class CellChunkCodec {

    /** Row flag: every count_total and count_valid of the row is one unsigned byte (else a long). */
    private static final int COUNTS_BYTE = 1;
    /** Row flag: every sum, min and max of the row's cells with valid pixels is an int (else a double). */
    private static final int VALUES_INT = 2;
    /** Row flag: every item count of the row is one unsigned byte (else an int). */
    private static final int ITEMS_BYTE = 4;
    private static final int BYTE_MAX = 0xff;
    /** The most bytes one cell takes: two long counts, sum, min, max and m2 as doubles, an int item count. */
    private static final int MAX_CELL_BYTES = 2 * Long.BYTES + 4 * Double.BYTES + Integer.BYTES;
    /** The most bytes one row takes: its flags and its cells. */
    static final int MAX_ROW_BYTES = 1 + CellChunk.SIDE * MAX_CELL_BYTES;
    /** One row's bytes, per thread: serializers are shared between a task and its snapshot threads. */
    private static final ThreadLocal<byte[]> ROW = ThreadLocal.withInitial(() -> new byte[MAX_ROW_BYTES]);
    /** One row's statistics, per thread, as the writer reads them. */
    private static final ThreadLocal<CellColumns.Row> STATS = ThreadLocal.withInitial(
            () -> new CellColumns.Row(CellChunk.SIDE));
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private CellChunkCodec() {}

    static void write(CellChunk chunk, DataOutputView out) throws IOException {
        CellColumns cells = chunk.columns();
        int[] items = chunk.itemCounts();
        out.writeByte(chunk.x0());
        out.writeByte(chunk.y0());
        out.writeByte(cells.width());
        out.writeByte(cells.height());
        out.writeBoolean(items != null);
        byte[] row = ROW.get();
        CellColumns.Row stats = STATS.get();
        for (int y = 0; y < cells.height(); y++) {
            cells.exportRow(y, stats);
            int length = writeRow(stats, cells.width(), items == null ? -1 : y * cells.width(), items, row);
            out.writeShort(length);
            out.write(row, 0, length);
        }
    }

    /** The narrowest widths that hold every field of the row. */
    private static int rowFlags(CellColumns.Row stats, int width, int firstItem, int[] items) {
        boolean countsByte = true;
        boolean valuesInt = true;
        boolean itemsByte = true;
        for (int x = 0; x < width; x++) {
            countsByte &= stats.countTotal[x] <= BYTE_MAX;
            if (stats.countValid[x] > 0) {
                valuesInt &= CellColumns.isWholeInt(stats.sum[x]) & CellColumns.isWholeInt(stats.min[x])
                        & CellColumns.isWholeInt(stats.max[x]);
            }
            if (items != null) {
                itemsByte &= items[firstItem + x] <= BYTE_MAX;
            }
        }
        return (countsByte ? COUNTS_BYTE : 0) | (valuesInt ? VALUES_INT : 0) | (itemsByte ? ITEMS_BYTE : 0);
    }

    /**
     * Encodes one row of {@code width} cells into {@code row}; returns its length.
     *
     * @param firstItem the index of the row's first cell in {@code items}, when there are item counts
     */
    private static int writeRow(CellColumns.Row stats, int width, int firstItem, int[] items, byte[] row) {
        int flags = rowFlags(stats, width, firstItem, items);
        boolean countsByte = (flags & COUNTS_BYTE) != 0;
        boolean valuesInt = (flags & VALUES_INT) != 0;
        boolean itemsByte = (flags & ITEMS_BYTE) != 0;
        int p = 0;
        row[p++] = (byte) flags;
        for (int x = 0; x < width; x++) {
            long total = stats.countTotal[x];
            p = putCount(row, p, total, countsByte);
            if (total == 0) {
                continue;
            }
            long valid = stats.countValid[x];
            p = putCount(row, p, valid, countsByte);
            if (valid > 0) {
                p = putValue(row, p, stats.sum[x], valuesInt);
                p = putValue(row, p, stats.min[x], valuesInt);
                p = putValue(row, p, stats.max[x], valuesInt);
                LONGS.set(row, p, Double.doubleToRawLongBits(stats.m2[x]));
                p += Double.BYTES;
            }
            if (items != null) {
                int n = items[firstItem + x];
                if (itemsByte) {
                    row[p++] = (byte) n;
                } else {
                    INTS.set(row, p, n);
                    p += Integer.BYTES;
                }
            }
        }
        return p;
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
        byte[] row = ROW.get();
        for (int y = 0; y < height; y++) {
            int length = in.readUnsignedShort();
            if (length > MAX_ROW_BYTES) {
                throw new IOException("chunk row " + y + " of " + length + " bytes is longer than any row ("
                        + MAX_ROW_BYTES + ")");
            }
            in.readFully(row, 0, length);
            int used;
            try {
                used = readRow(row, length, cells, y, items);
            } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
                throw new IOException("corrupt chunk row " + y + " (" + length + " bytes): " + e.getMessage(), e);
            }
            if (used != length) {
                throw new IOException("chunk row " + y + " has " + length + " bytes but its " + width
                        + " cells took " + used);
            }
        }
        return CellChunk.of(x0, y0, cells, items);
    }

    /**
     * Decodes row {@code y} from the first {@code length} bytes of {@code row}; returns the bytes its cells took.
     *
     * @throws IndexOutOfBoundsException when the cells need more than {@code length} bytes
     */
    private static int readRow(byte[] row, int length, CellColumns cells, int y, int[] items) {
        int flags = row[0];
        boolean countsByte = (flags & COUNTS_BYTE) != 0;
        boolean valuesInt = (flags & VALUES_INT) != 0;
        boolean itemsByte = (flags & ITEMS_BYTE) != 0;
        int countBytes = countsByte ? 1 : Long.BYTES;
        int valueBytes = valuesInt ? Integer.BYTES : Double.BYTES;
        int p = 1;
        for (int x = 0, k = cells.index(0, y); x < cells.width(); x++, k++) {
            Objects.checkFromIndexSize(p, countBytes, length);
            long total = getCount(row, p, countsByte);
            p += countBytes;
            if (total == 0) {
                continue;
            }
            Objects.checkFromIndexSize(p, countBytes, length);
            long valid = getCount(row, p, countsByte);
            p += countBytes;
            if (valid > 0) {
                Objects.checkFromIndexSize(p, 3 * valueBytes + Double.BYTES, length);
                double sum = getValue(row, p, valuesInt);
                double min = getValue(row, p + valueBytes, valuesInt);
                double max = getValue(row, p + 2 * valueBytes, valuesInt);
                p += 3 * valueBytes;
                cells.set(k, total, valid, sum, min, max, Double.longBitsToDouble((long) LONGS.get(row, p)));
                p += Double.BYTES;
            } else {
                cells.set(k, total, 0, 0, 0, 0, 0);
            }
            if (items != null) {
                Objects.checkFromIndexSize(p, itemsByte ? 1 : Integer.BYTES, length);
                int n = itemsByte ? row[p++] & BYTE_MAX : (int) INTS.get(row, p);
                p += itemsByte ? 0 : Integer.BYTES;
                if (n < 0) {
                    throw new IllegalArgumentException("negative item count " + n + " in cell " + x);
                }
                items[y * cells.width() + x] = n;
            }
        }
        return p;
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

    private static int putCount(byte[] row, int p, long count, boolean asByte) {
        if (asByte) {
            row[p] = (byte) count;
            return p + 1;
        }
        LONGS.set(row, p, count);
        return p + Long.BYTES;
    }

    private static long getCount(byte[] row, int p, boolean asByte) {
        return asByte ? row[p] & BYTE_MAX : (long) LONGS.get(row, p);
    }

    private static int putValue(byte[] row, int p, double v, boolean asInt) {
        if (asInt) {
            INTS.set(row, p, (int) v);
            return p + Integer.BYTES;
        }
        LONGS.set(row, p, Double.doubleToRawLongBits(v));
        return p + Double.BYTES;
    }

    private static double getValue(byte[] row, int p, boolean asInt) {
        return asInt ? (int) INTS.get(row, p) : Double.longBitsToDouble((long) LONGS.get(row, p));
    }
}
