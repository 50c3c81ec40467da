package dev.stacstream.cog.plan;

import dev.stacstream.cog.tiff.ImageLayout;
import dev.stacstream.storage.ByteRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure function from (image layout, pixel window) to the blocks and byte ranges a read needs. No I/O.
 *
 * <p>Blocks are listed plane by plane, then row-major, which is also GDAL's COG storage order, so the byte
 * ranges come out ascending for a COG and coalesce well.
 */
public final class BlockPlanner {

    private BlockPlanner() {}

    /** Blocks of every plane that intersect {@code window}. */
    public static List<BlockRef> plan(ImageLayout layout, PixelWindow window) {
        if (!window.fitsIn(layout.width(), layout.height())) {
            throw new IllegalArgumentException("window " + window + " exceeds the " + layout.width() + "x"
                    + layout.height() + " image");
        }
        int firstCol = window.col() / layout.blockWidth();
        int lastCol = (window.colEnd() - 1) / layout.blockWidth();
        int firstRow = window.row() / layout.blockHeight();
        int lastRow = (window.rowEnd() - 1) / layout.blockHeight();
        List<BlockRef> refs = new ArrayList<>((lastCol - firstCol + 1) * (lastRow - firstRow + 1) * layout.planes());
        for (int plane = 0; plane < layout.planes(); plane++) {
            for (int row = firstRow; row <= lastRow; row++) {
                for (int col = firstCol; col <= lastCol; col++) {
                    refs.add(ref(layout, plane, col, row));
                }
            }
        }
        return refs;
    }

    /** Every block of the image, in storage-index order. */
    public static List<BlockRef> all(ImageLayout layout) {
        return plan(layout, PixelWindow.full(layout.width(), layout.height()));
    }

    /** The block at a grid position. */
    public static BlockRef ref(ImageLayout layout, int plane, int blockCol, int blockRow) {
        int index = plane * layout.blocksPerPlane() + blockRow * layout.blocksAcross() + blockCol;
        long offset = layout.blockOffset(index);
        long count = layout.blockByteCount(index);
        ByteRange range = offset == 0 || count == 0 ? null : new ByteRange(offset, count);
        return new BlockRef(index, plane, blockCol, blockRow, range);
    }

    /** The pixel window a block covers, clipped to the image. */
    public static PixelWindow blockWindow(ImageLayout layout, BlockRef ref) {
        return layout.encoding().blockWindow(ref);
    }
}
