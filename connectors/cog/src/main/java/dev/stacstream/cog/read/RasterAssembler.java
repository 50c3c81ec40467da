package dev.stacstream.cog.read;

import dev.stacstream.cog.plan.BlockRef;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.cog.tiff.LevelEncoding;
import java.util.Arrays;
import java.util.List;

/**
 * Copies decoded blocks into a band-sequential {@link Raster} covering a window: the part of each block
 * that overlaps the window, de-interleaving chunky samples into their bands.
 */
final class RasterAssembler {

    private final LevelEncoding layout;
    private final PixelWindow window;
    private final Raster raster;
    private final int sampleBytes;

    /**
     * @param refs the blocks that will be {@link #put} or {@link #fill filled}, distinct, as planned
     * @param reuse a raster to overwrite when it has the window's type and shape, or {@code null}; a reused raster
     *     is first zeroed where {@code refs} leave a gap, so that it reads as a new raster would
     */
    RasterAssembler(LevelEncoding layout, PixelWindow window, List<BlockRef> refs, Raster reuse) {
        this.layout = layout;
        this.window = window;
        this.sampleBytes = layout.dataType().bytes();
        if (reuse != null && reuse.hasShape(layout.dataType(), layout.bands(), window.width(), window.height())) {
            this.raster = reuse;
            if (!covered(refs)) {
                Arrays.fill(reuse.data(), (byte) 0);
            }
        } else {
            this.raster = new Raster(layout.dataType(), layout.bands(), window.width(), window.height());
        }
    }

    Raster raster() {
        return raster;
    }

    /** Copies a decoded block (chunky, {@code layout.blockWidth()} pixels per row, little-endian). */
    void put(BlockRef ref, byte[] block) {
        PixelWindow bw = layout.blockWindow(ref);
        PixelWindow part = overlap(bw);
        if (part == null) {
            return;
        }
        int col0 = part.col();
        int row0 = part.row();
        int row1 = part.rowEnd();
        int samples = layout.samplesPerBlockPixel();
        int pixelBytes = samples * sampleBytes;
        int blockRowBytes = layout.blockWidth() * pixelBytes;
        byte[] out = raster.data();
        int runPixels = part.width();
        for (int row = row0; row < row1; row++) {
            int src = (row - bw.row()) * blockRowBytes + (col0 - bw.col()) * pixelBytes;
            if (samples == 1) {
                int dst = raster.offsetOf(ref.plane(), row - window.row(), col0 - window.col());
                System.arraycopy(block, src, out, dst, runPixels * sampleBytes);
                continue;
            }
            for (int s = 0; s < samples; s++) {
                int dst = raster.offsetOf(s, row - window.row(), col0 - window.col());
                int from = src + s * sampleBytes;
                for (int p = 0; p < runPixels; p++, from += pixelBytes, dst += sampleBytes) {
                    System.arraycopy(block, from, out, dst, sampleBytes);
                }
            }
        }
    }

    /** Fills the window part of a sparse block with one sample value in every band it stores. */
    void fill(BlockRef ref, byte[] sample) {
        PixelWindow part = overlap(layout.blockWindow(ref));
        if (part == null) {
            return;
        }
        int col0 = part.col();
        int row0 = part.row();
        int row1 = part.rowEnd();
        boolean zero = true;
        for (byte b : sample) {
            zero &= b == 0;
        }
        int firstBand = layout.isPlanar() ? ref.plane() : 0;
        int lastBand = layout.isPlanar() ? ref.plane() : layout.bands() - 1;
        byte[] out = raster.data();
        for (int band = firstBand; band <= lastBand; band++) {
            for (int row = row0; row < row1; row++) {
                int dst = raster.offsetOf(band, row - window.row(), col0 - window.col());
                int end = dst + part.width() * sampleBytes;
                if (zero) {
                    Arrays.fill(out, dst, end, (byte) 0);
                } else {
                    for (int at = dst; at < end; at += sampleBytes) {
                        System.arraycopy(sample, 0, out, at, sampleBytes);
                    }
                }
            }
        }
    }

    /** Whether {@code refs} write every sample of the raster: their parts add up to the whole window in every band. */
    private boolean covered(List<BlockRef> refs) {
        long samples = 0;
        for (BlockRef ref : refs) {
            PixelWindow part = overlap(layout.blockWindow(ref));
            if (part != null) {
                samples += (long) part.width() * part.height() * (layout.isPlanar() ? 1 : layout.bands());
            }
        }
        return samples == (long) window.width() * window.height() * layout.bands();
    }

    /** The part of a block's window inside the requested window, or {@code null} when they do not meet. */
    private PixelWindow overlap(PixelWindow block) {
        int col0 = Math.max(block.col(), window.col());
        int col1 = Math.min(block.colEnd(), window.colEnd());
        int row0 = Math.max(block.row(), window.row());
        int row1 = Math.min(block.rowEnd(), window.rowEnd());
        return col0 < col1 && row0 < row1 ? new PixelWindow(col0, row0, col1 - col0, row1 - row0) : null;
    }
}
