package dev.stacstream.sinks.row;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;

/**
 * The binary form of a {@link GridStatsBatch}, for when a batch crosses the network (the period stage and the
 * {@code grid_stats} sink are not chained). Version 1; the caller writes the version, and a change of layout gets a
 * new version here while the old one stays readable.
 *
 * <p>Layout: collection, tile (a presence flag, then the id), period (label, start and end as epoch seconds and
 * nanos), band, grid (CRS, origin x and y, cell width and height), the row count, then each column in turn:
 * {@code cell_x}, {@code cell_y}, {@code count_total}, {@code count_valid} as longs, {@code mean}, {@code min},
 * {@code max}, {@code std}, {@code sum} as doubles ({@code NaN} for {@code NULL}), {@code items} as ints. Reading
 * checks every row again, as building a batch does.
 */
public final class GridStatsBatchFormat {

    /** The layout {@link #write} writes. */
    public static final int VERSION = 1;

    private GridStatsBatchFormat() {}

    public static void write(GridStatsBatch batch, DataOutput out) throws IOException {
        out.writeUTF(batch.collection());
        out.writeBoolean(batch.tile() != null);
        if (batch.tile() != null) {
            out.writeUTF(batch.tile());
        }
        OutputPeriod period = batch.period();
        out.writeUTF(period.label());
        writeInstant(period.start(), out);
        writeInstant(period.end(), out);
        out.writeUTF(batch.band());
        CellGeometry grid = batch.geometry();
        out.writeUTF(grid.crs());
        out.writeDouble(grid.originX());
        out.writeDouble(grid.originY());
        out.writeDouble(grid.cellWidth());
        out.writeDouble(grid.cellHeight());
        out.writeInt(batch.size());
        for (long[] column : new long[][] {batch.cellX(), batch.cellY(), batch.countTotal(), batch.countValid()}) {
            for (long value : column) {
                out.writeLong(value);
            }
        }
        for (double[] column : new double[][] {batch.mean(), batch.min(), batch.max(), batch.std(), batch.sum()}) {
            for (double value : column) {
                out.writeDouble(value);
            }
        }
        for (int value : batch.items()) {
            out.writeInt(value);
        }
    }

    /**
     * Reads a batch written in layout {@code version}.
     *
     * @throws IOException if the version is unknown, the input ends early, or a row breaks the batch's rules
     */
    public static GridStatsBatch read(int version, DataInput in) throws IOException {
        if (version != VERSION) {
            throw new IOException("grid_stats batch of layout version " + version + " cannot be read: this build"
                    + " reads version " + VERSION);
        }
        try {
            return readVersion1(in);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid grid_stats batch: " + e.getMessage(), e);
        }
    }

    private static GridStatsBatch readVersion1(DataInput in) throws IOException {
        String collection = in.readUTF();
        String tile = in.readBoolean() ? in.readUTF() : null;
        OutputPeriod period = new OutputPeriod(in.readUTF(), readInstant(in), readInstant(in));
        String band = in.readUTF();
        CellGeometry grid = new CellGeometry(in.readUTF(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble());
        int rows = in.readInt();
        if (rows <= 0) {
            throw new IOException("grid_stats batch of " + collection + '/' + period.label() + '/' + band + " has "
                    + rows + " rows");
        }
        long[] cellX = readLongs(rows, in);
        long[] cellY = readLongs(rows, in);
        long[] countTotal = readLongs(rows, in);
        long[] countValid = readLongs(rows, in);
        double[] mean = readDoubles(rows, in);
        double[] min = readDoubles(rows, in);
        double[] max = readDoubles(rows, in);
        double[] std = readDoubles(rows, in);
        double[] sum = readDoubles(rows, in);
        int[] items = new int[rows];
        for (int i = 0; i < rows; i++) {
            items[i] = in.readInt();
        }
        return new GridStatsBatch(collection, tile, period, band, grid, cellX, cellY, countTotal, countValid, mean,
                min, max, std, sum, items);
    }

    private static void writeInstant(Instant instant, DataOutput out) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInput in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static long[] readLongs(int rows, DataInput in) throws IOException {
        long[] values = new long[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    private static double[] readDoubles(int rows, DataInput in) throws IOException {
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}
