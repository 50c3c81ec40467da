package dev.stacstream.job.plan;

import dev.stacstream.cog.plan.BlockRef;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.tiff.LevelEncoding;
import dev.stacstream.job.types.NullableFields;
import dev.stacstream.job.types.RecordCodec;
import dev.stacstream.storage.ByteRange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Binary form of {@link BlockTask}: sent from the plan stage to the readers and kept in async I/O state.
 *
 * <p>Version 2 writes the item's {@link WindowGrid} where version 1 wrote the window count. Version 1 is still read
 * (e.g. tasks in flight in an older savepoint): its planner made one window per block of the bands' level, so its
 * grid is the first band's block grid, checked against the window count it recorded.
 */
public final class BlockTaskCodec implements RecordCodec<BlockTask> {

    private static final long serialVersionUID = 1L;
    /** One window per band block; the window count only. */
    static final int V1 = 1;
    /** The window grid instead of the window count. */
    static final int V2 = 2;

    @Override
    public int version() {
        return V2;
    }

    @Override
    public void write(BlockTask t, DataOutputView out) throws IOException {
        out.writeUTF(t.itemId());
        NullableFields.writeString(out, t.collection());
        out.writeLong(t.datetime().getEpochSecond());
        out.writeInt(t.datetime().getNano());
        out.writeUTF(t.tile());
        out.writeInt(t.windowIndex());
        WindowGrid g = t.windows();
        out.writeInt(g.levelWidth());
        out.writeInt(g.levelHeight());
        out.writeInt(g.stepX());
        out.writeInt(g.stepY());
        writeAssets(t.assets(), out);
    }

    @Override
    public BlockTask read(int version, DataInputView in) throws IOException {
        if (version != V1 && version != V2) {
            throw new IOException("BlockTask version " + version + " is not one of " + V1 + ", " + V2);
        }
        String itemId = in.readUTF();
        String collection = NullableFields.readString(in);
        Instant datetime = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String tile = in.readUTF();
        int windowIndex = in.readInt();
        if (version == V1) {
            int windowCount = in.readInt();
            List<AssetWindow> assets = readAssets(in);
            return new BlockTask(itemId, collection, datetime, tile, windowIndex, blockGrid(itemId, windowCount, assets),
                    assets);
        }
        WindowGrid windows = new WindowGrid(in.readInt(), in.readInt(), in.readInt(), in.readInt());
        return new BlockTask(itemId, collection, datetime, tile, windowIndex, windows, readAssets(in));
    }

    /** The grid of a version 1 task: one window per block of its first band. */
    private static WindowGrid blockGrid(String itemId, int windowCount, List<AssetWindow> assets) throws IOException {
        for (AssetWindow a : assets) {
            if (a.role() == AssetRole.BAND) {
                LevelEncoding e = a.encoding();
                WindowGrid grid = new WindowGrid(e.width(), e.height(), e.blockWidth(), e.blockHeight());
                if (grid.count() != windowCount) {
                    throw new IOException("version 1 task of item " + itemId + " records " + windowCount
                            + " windows, but band " + a.key() + " has " + grid.count() + " blocks (" + grid + ")");
                }
                return grid;
            }
        }
        throw new IOException("version 1 task of item " + itemId + " has no band asset to take its window grid from");
    }

    /** The assets' part of the record, the same in every version. */
    static void writeAssets(List<AssetWindow> assets, DataOutputView out) throws IOException {
        out.writeInt(assets.size());
        for (AssetWindow a : assets) {
            writeAsset(a, out);
        }
    }

    private static List<AssetWindow> readAssets(DataInputView in) throws IOException {
        int n = in.readInt();
        List<AssetWindow> assets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            assets.add(readAsset(in));
        }
        return assets;
    }

    private static void writeAsset(AssetWindow a, DataOutputView out) throws IOException {
        out.writeUTF(a.key());
        out.writeUTF(a.band());
        out.writeByte(a.role().ordinal());
        out.writeUTF(a.href());
        out.writeInt(a.level());
        writeEncoding(a.encoding(), out);
        writeWindow(a.window(), out);
        out.writeInt(a.blocks().size());
        for (BlockRef b : a.blocks()) {
            out.writeInt(b.index());
            out.writeInt(b.plane());
            out.writeInt(b.blockCol());
            out.writeInt(b.blockRow());
            out.writeBoolean(b.range() != null);
            if (b.range() != null) {
                out.writeLong(b.range().offset());
                out.writeLong(b.range().length());
            }
        }
        for (double g : a.geoTransform()) {
            out.writeDouble(g);
        }
        out.writeInt(a.epsg());
        NullableFields.writeDouble(out, a.nodata());
        NullableFields.writeDouble(out, a.scale());
        NullableFields.writeDouble(out, a.offset());
    }

    private static AssetWindow readAsset(DataInputView in) throws IOException {
        String key = in.readUTF();
        String band = in.readUTF();
        AssetRole role = AssetRole.values()[in.readByte()];
        String href = in.readUTF();
        int level = in.readInt();
        LevelEncoding encoding = readEncoding(in);
        PixelWindow window = readWindow(in);
        int n = in.readInt();
        List<BlockRef> blocks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = in.readInt();
            int plane = in.readInt();
            int col = in.readInt();
            int row = in.readInt();
            ByteRange range = in.readBoolean() ? new ByteRange(in.readLong(), in.readLong()) : null;
            blocks.add(new BlockRef(index, plane, col, row, range));
        }
        double[] gt = new double[6];
        for (int i = 0; i < gt.length; i++) {
            gt[i] = in.readDouble();
        }
        int epsg = in.readInt();
        return new AssetWindow(key, band, role, href, level, encoding, window, blocks, gt, epsg, NullableFields.readDouble(in),
                NullableFields.readDouble(in), NullableFields.readDouble(in));
    }

    private static void writeEncoding(LevelEncoding e, DataOutputView out) throws IOException {
        out.writeInt(e.ifdIndex());
        out.writeInt(e.width());
        out.writeInt(e.height());
        out.writeInt(e.bands());
        out.writeInt(e.blockWidth());
        out.writeInt(e.blockHeight());
        out.writeBoolean(e.tiled());
        out.writeBoolean(e.planar());
        out.writeInt(e.bitsPerSample());
        out.writeInt(e.sampleFormat());
        out.writeInt(e.compression());
        out.writeInt(e.predictor());
        out.writeInt(e.photometric());
        out.writeBoolean(e.bigEndian());
        out.writeInt(e.jpegTables() == null ? -1 : e.jpegTables().length);
        if (e.jpegTables() != null) {
            out.write(e.jpegTables());
        }
        NullableFields.writeString(out, e.unsupported());
    }

    private static LevelEncoding readEncoding(DataInputView in) throws IOException {
        int ifd = in.readInt();
        int width = in.readInt();
        int height = in.readInt();
        int bands = in.readInt();
        int blockWidth = in.readInt();
        int blockHeight = in.readInt();
        boolean tiled = in.readBoolean();
        boolean planar = in.readBoolean();
        int bits = in.readInt();
        int format = in.readInt();
        int compression = in.readInt();
        int predictor = in.readInt();
        int photometric = in.readInt();
        boolean bigEndian = in.readBoolean();
        int tablesLength = in.readInt();
        byte[] tables = null;
        if (tablesLength >= 0) {
            tables = new byte[tablesLength];
            in.readFully(tables);
        }
        return new LevelEncoding(ifd, width, height, bands, blockWidth, blockHeight, tiled, planar, bits, format,
                compression, predictor, photometric, bigEndian, tables, NullableFields.readString(in));
    }

    private static void writeWindow(PixelWindow w, DataOutputView out) throws IOException {
        out.writeInt(w.col());
        out.writeInt(w.row());
        out.writeInt(w.width());
        out.writeInt(w.height());
    }

    private static PixelWindow readWindow(DataInputView in) throws IOException {
        return new PixelWindow(in.readInt(), in.readInt(), in.readInt(), in.readInt());
    }

}
