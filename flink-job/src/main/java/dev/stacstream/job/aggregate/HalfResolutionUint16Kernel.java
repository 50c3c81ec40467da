package dev.stacstream.job.aggregate;

import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.job.mask.MaskedBlock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The hot loop of the common case: a uint16 band (Sentinel-2 10 m) under a mask at half its resolution (the
 * 20 m SCL). Each mask flag covers a 2x2 quad of band pixels, so the loop walks quads: one mask load decides
 * four pixels, a masked quad costs nothing more, and a kept quad is read as two 32-bit loads straight from the
 * raster's little-endian bytes. Runs of a cell row are summed in locals and added to the cell once.
 *
 * <p>Rows are taken in pairs when both lie under the same mask row and in the same cell row, and columns in
 * pairs from an even level column on; the odd row or column left at a cell or window edge goes pixel by pixel.
 * Gives exactly the sums of the general path (see {@code BlockAggregatorTest}).
 */
final class HalfResolutionUint16Kernel {

    /** The mask ratio this kernel serves. */
    static final int RATIO = 2;

    private static final VarHandle U16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle U16_PAIR = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int LOW_SAMPLE = 0xffff;
    private static final int HIGH_SAMPLE_SHIFT = 16;

    private HalfResolutionUint16Kernel() {}

    /** Adds band {@code rasterBand} of {@code raster}, masked by {@code masked}'s flags, into {@code acc}. */
    static void accumulate(IntAccumulator acc, Raster raster, int rasterBand, MaskedBlock masked, CellSpan span, int nodata) {
        PixelWindow w = masked.window();
        byte[] data = raster.data();
        byte[] keep = masked.maskValidity();
        int[] starts = span.columnStarts();
        int columns = span.columns();
        int height = w.height();
        int y = 0;
        while (y < height) {
            int levelRow = w.row() + y;
            boolean twoRows = (levelRow & 1) == 0 && y + 1 < height && span.cellRowOf(y) == span.cellRowOf(y + 1);
            int row0 = raster.offsetOf(rasterBand, y, 0);
            int row1 = twoRows ? raster.offsetOf(rasterBand, y + 1, 0) : row0;
            // mask flag of window column x: keep[maskBase + ((w.col() + x) >> 1)]
            int maskBase = ((levelRow >> 1) - masked.maskRow()) * masked.maskWidth() - masked.maskCol();
            int cellBase = span.cellRowOf(y) * columns;
            for (int i = 0; i < columns; i++) {
                int cell = cellBase + i;
                int x = starts[i];
                int end = starts[i + 1];
                if (((w.col() + x) & 1) != 0) {
                    singleColumn(acc, cell, data, row0, row1, twoRows, x, keep[maskBase + ((w.col() + x) >> 1)], nodata);
                    x++;
                }
                int n = 0;
                long s1 = 0;
                long s2 = 0;
                int lo = Integer.MAX_VALUE;
                int hi = Integer.MIN_VALUE;
                for (; x + 1 < end; x += 2) {
                    if (keep[maskBase + ((w.col() + x) >> 1)] == 0) {
                        continue;
                    }
                    int pair = (int) U16_PAIR.get(data, row0 + 2 * x);
                    int v = pair & LOW_SAMPLE;
                    if (v != nodata) {
                        n++;
                        s1 += v;
                        s2 += (long) v * v;
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                    v = pair >>> HIGH_SAMPLE_SHIFT;
                    if (v != nodata) {
                        n++;
                        s1 += v;
                        s2 += (long) v * v;
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                    if (twoRows) {
                        pair = (int) U16_PAIR.get(data, row1 + 2 * x);
                        v = pair & LOW_SAMPLE;
                        if (v != nodata) {
                            n++;
                            s1 += v;
                            s2 += (long) v * v;
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                        v = pair >>> HIGH_SAMPLE_SHIFT;
                        if (v != nodata) {
                            n++;
                            s1 += v;
                            s2 += (long) v * v;
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                }
                if (n != 0) {
                    acc.add(cell, n, s1, s2, lo, hi);
                }
                if (x < end) {
                    singleColumn(acc, cell, data, row0, row1, twoRows, x, keep[maskBase + ((w.col() + x) >> 1)], nodata);
                }
            }
            y += twoRows ? 2 : 1;
        }
    }

    /** One window column of the current one or two rows: the odd column at a cell or window edge. */
    private static void singleColumn(IntAccumulator acc, int cell, byte[] data, int row0, int row1, boolean twoRows, int x,
            byte keep, int nodata) {
        if (keep == 0) {
            return;
        }
        int v = (short) U16.get(data, row0 + 2 * x) & LOW_SAMPLE;
        if (v != nodata) {
            acc.addSample(cell, v);
        }
        if (twoRows) {
            v = (short) U16.get(data, row1 + 2 * x) & LOW_SAMPLE;
            if (v != nodata) {
                acc.addSample(cell, v);
            }
        }
    }
}
