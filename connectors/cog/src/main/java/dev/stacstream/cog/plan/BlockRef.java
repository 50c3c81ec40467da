package dev.stacstream.cog.plan;

import dev.stacstream.storage.ByteRange;

/**
 * One stored block (tile or strip) that a read needs: its linear index in the IFD's offset arrays, its
 * plane (band, for planar images; 0 otherwise), its position in the block grid, and its stored byte range,
 * or {@code null} for a sparse block (offset or byte count 0), which reads as nodata.
 */
public record BlockRef(int index, int plane, int blockCol, int blockRow, ByteRange range) {

    public boolean isSparse() {
        return range == null;
    }

    @Override
    public String toString() {
        return "block " + index + " (plane " + plane + ", col " + blockCol + ", row " + blockRow + ", "
                + (range == null ? "sparse" : "bytes " + range) + ")";
    }
}
