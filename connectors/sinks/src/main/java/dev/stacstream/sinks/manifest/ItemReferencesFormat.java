package dev.stacstream.sinks.manifest;

import dev.stacstream.sinks.kerchunk.item.AssetSource;
import dev.stacstream.sinks.kerchunk.item.BandValues;
import dev.stacstream.sinks.kerchunk.item.ItemInfo;
import dev.stacstream.sinks.kerchunk.tiff.LevelLayout;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of {@link ItemReferences}, shared by the job's record codec and the sink's committable
 * serializer. Version 1 (the callers write the version); a change of layout gets a new version here and both
 * callers keep reading the old one.
 *
 * <p>Layout: item (id, collection or absent, datetime as seconds + nanos), tile, then per asset its name, href,
 * geotransform (absent or 6 doubles), EPSG, values (nodata or absent, per-band scale and offset) and levels (each
 * level's header fields, JPEG tables, nodata and its block offsets and byte counts).
 */
public final class ItemReferencesFormat {

    /** The layout {@link #write} writes. */
    public static final int VERSION = 1;
    private static final int GEOTRANSFORM_LENGTH = 6;

    private ItemReferencesFormat() {}

    public static void write(ItemReferences refs, DataOutput out) throws IOException {
        ItemInfo item = refs.item();
        out.writeUTF(item.id());
        writeNullableUtf(item.collection(), out);
        out.writeLong(item.datetime().getEpochSecond());
        out.writeInt(item.datetime().getNano());
        out.writeUTF(refs.tile());
        out.writeInt(refs.assets().size());
        for (AssetSource asset : refs.assets()) {
            writeAsset(asset, out);
        }
    }

    public static ItemReferences read(int version, DataInput in) throws IOException {
        if (version != VERSION) {
            throw new IOException("item references of layout version " + version + " cannot be read: this build"
                    + " reads version " + VERSION);
        }
        String id = in.readUTF();
        String collection = readNullableUtf(in);
        Instant datetime = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String tile = in.readUTF();
        int count = in.readInt();
        List<AssetSource> assets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            assets.add(readAsset(in));
        }
        return new ItemReferences(new ItemInfo(id, datetime, collection), tile, assets);
    }

    private static void writeAsset(AssetSource asset, DataOutput out) throws IOException {
        out.writeUTF(asset.name());
        out.writeUTF(asset.href());
        double[] gt = asset.geoTransform();
        out.writeBoolean(gt != null);
        if (gt != null) {
            for (double v : gt) {
                out.writeDouble(v);
            }
        }
        out.writeInt(asset.epsg());
        BandValues values = asset.values();
        writeNullableDouble(values.nodata(), out);
        out.writeInt(values.scales().length);
        for (int b = 0; b < values.scales().length; b++) {
            out.writeDouble(values.scales()[b]);
            out.writeDouble(values.offsets()[b]);
        }
        out.writeInt(asset.levels().size());
        for (LevelLayout level : asset.levels()) {
            writeLevel(level, out);
        }
    }

    private static AssetSource readAsset(DataInput in) throws IOException {
        String name = in.readUTF();
        String href = in.readUTF();
        double[] gt = null;
        if (in.readBoolean()) {
            gt = new double[GEOTRANSFORM_LENGTH];
            for (int i = 0; i < gt.length; i++) {
                gt[i] = in.readDouble();
            }
        }
        int epsg = in.readInt();
        Double nodata = readNullableDouble(in);
        int bands = in.readInt();
        double[] scales = new double[bands];
        double[] offsets = new double[bands];
        for (int b = 0; b < bands; b++) {
            scales[b] = in.readDouble();
            offsets[b] = in.readDouble();
        }
        int levelCount = in.readInt();
        List<LevelLayout> levels = new ArrayList<>(levelCount);
        for (int i = 0; i < levelCount; i++) {
            levels.add(readLevel(in));
        }
        return new AssetSource(name, href, levels, gt, epsg, new BandValues(nodata, scales, offsets));
    }

    private static void writeLevel(LevelLayout l, DataOutput out) throws IOException {
        out.writeInt(l.ifdIndex());
        out.writeInt(l.width());
        out.writeInt(l.height());
        out.writeInt(l.samples());
        out.writeBoolean(l.planar());
        out.writeBoolean(l.tiled());
        out.writeInt(l.blockWidth());
        out.writeInt(l.blockHeight());
        out.writeInt(l.bitsPerSample());
        out.writeBoolean(l.uniformBits());
        out.writeInt(l.sampleFormat());
        out.writeInt(l.compression());
        out.writeInt(l.predictor());
        out.writeInt(l.photometric());
        out.writeInt(l.extraSamples());
        out.writeBoolean(l.bigEndian());
        byte[] tables = l.jpegTables();
        out.writeInt(tables == null ? -1 : tables.length);
        if (tables != null) {
            out.write(tables);
        }
        writeNullableDouble(l.nodata(), out);
        out.writeInt(l.offsets().length);
        for (int i = 0; i < l.offsets().length; i++) {
            out.writeLong(l.offsets()[i]);
            out.writeLong(l.byteCounts()[i]);
        }
    }

    private static LevelLayout readLevel(DataInput in) throws IOException {
        int ifd = in.readInt();
        int width = in.readInt();
        int height = in.readInt();
        int samples = in.readInt();
        boolean planar = in.readBoolean();
        boolean tiled = in.readBoolean();
        int blockWidth = in.readInt();
        int blockHeight = in.readInt();
        int bits = in.readInt();
        boolean uniformBits = in.readBoolean();
        int sampleFormat = in.readInt();
        int compression = in.readInt();
        int predictor = in.readInt();
        int photometric = in.readInt();
        int extraSamples = in.readInt();
        boolean bigEndian = in.readBoolean();
        int tablesLength = in.readInt();
        byte[] tables = null;
        if (tablesLength >= 0) {
            tables = new byte[tablesLength];
            in.readFully(tables);
        }
        Double nodata = readNullableDouble(in);
        int blocks = in.readInt();
        long[] offsets = new long[blocks];
        long[] counts = new long[blocks];
        for (int i = 0; i < blocks; i++) {
            offsets[i] = in.readLong();
            counts[i] = in.readLong();
        }
        return new LevelLayout(ifd, width, height, samples, planar, tiled, blockWidth, blockHeight, bits, uniformBits,
                sampleFormat, compression, predictor, photometric, extraSamples, bigEndian, tables, nodata, offsets,
                counts);
    }

    private static void writeNullableUtf(String s, DataOutput out) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullableUtf(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeNullableDouble(Double d, DataOutput out) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) {
            out.writeDouble(d);
        }
    }

    private static Double readNullableDouble(DataInput in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }
}
