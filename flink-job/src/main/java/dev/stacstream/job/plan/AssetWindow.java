package dev.stacstream.job.plan;

import dev.stacstream.cog.plan.BlockRef;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.tiff.LevelEncoding;
import java.util.List;

/**
 * One asset's part of a work window: which pixels of which level, the blocks that hold them (with their
 * byte ranges), and how to decode and place them. Everything the read and decode stages need, and no more.
 *
 * @param key the asset key in the item (e.g. {@code red}, {@code scl})
 * @param band the band name used in the output tables (the name the pipeline asked for, e.g. {@code red})
 * @param level the overview level read (0 = full resolution)
 * @param window the pixels of that level to decode (for a mask: the band window's footprint plus the halo)
 * @param geoTransform the level's geotransform (GDAL order)
 * @param nodata the nodata value (from {@code raster:bands}, else the TIFF), or {@code null}
 * @param scale the {@code raster:bands} scale, or {@code null}
 * @param offset the {@code raster:bands} offset, or {@code null}
 */
public record AssetWindow(
        String key,
        String band,
        AssetRole role,
        String href,
        int level,
        LevelEncoding encoding,
        PixelWindow window,
        List<BlockRef> blocks,
        double[] geoTransform,
        int epsg,
        Double nodata,
        Double scale,
        Double offset) {

    public AssetWindow {
        blocks = List.copyOf(blocks);
        geoTransform = geoTransform.clone();
    }

    /** Bytes the window's blocks occupy in the file. */
    public long storedBytes() {
        long n = 0;
        for (BlockRef b : blocks) {
            n += b.isSparse() ? 0 : b.range().length();
        }
        return n;
    }
}
