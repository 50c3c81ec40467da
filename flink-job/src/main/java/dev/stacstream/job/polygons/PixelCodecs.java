package dev.stacstream.job.polygons;

import dev.stacstream.job.types.NullableFields;
import dev.stacstream.job.types.RecordCodec;
import dev.stacstream.sinks.row.PixelBatch;
import dev.stacstream.sinks.row.PixelSource;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Binary forms of the pixel-extraction records that cross operators or sit in keyed state (version 1 each). */
public final class PixelCodecs {

    private static final int V1 = 1;

    private PixelCodecs() {}

    static void writeBatch(PixelBatch b, DataOutputView out) throws IOException {
        out.writeUTF(b.polygonId());
        out.writeUTF(b.collection());
        out.writeUTF(b.crs());
        out.writeInt(b.sources().size());
        for (PixelSource s : b.sources()) {
            out.writeUTF(s.itemId());
            NullableFields.writeString(out, s.tile());
            out.writeLong(s.datetime().getEpochSecond());
            out.writeInt(s.datetime().getNano());
        }
        int n = b.size();
        out.writeInt(n);
        out.writeInt(b.bands().length);
        for (int i = 0; i < n; i++) {
            out.writeInt(b.source()[i]);
            out.writeLong(b.pixelIds()[i]);
            out.writeDouble(b.xs()[i]);
            out.writeDouble(b.ys()[i]);
        }
        for (double[] band : b.bands()) {
            for (double v : band) {
                out.writeDouble(v);
            }
        }
    }

    static PixelBatch readBatch(DataInputView in) throws IOException {
        String polygon = in.readUTF();
        String collection = in.readUTF();
        String crs = in.readUTF();
        List<PixelSource> sources = new ArrayList<>();
        for (int s = in.readInt(); s > 0; s--) {
            sources.add(new PixelSource(in.readUTF(), NullableFields.readString(in),
                    Instant.ofEpochSecond(in.readLong(), in.readInt())));
        }
        int n = in.readInt();
        double[][] bands = new double[in.readInt()][n];
        int[] source = new int[n];
        long[] ids = new long[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            source[i] = in.readInt();
            ids[i] = in.readLong();
            xs[i] = in.readDouble();
            ys[i] = in.readDouble();
        }
        for (double[] band : bands) {
            for (int i = 0; i < n; i++) {
                band[i] = in.readDouble();
            }
        }
        return new PixelBatch(polygon, collection, crs, sources, source, ids, xs, ys, bands);
    }

    /** {@link PixelBatch}: a polygon's whole pixels of an item, to the {@code pixels} sink. */
    public static final class BatchCodec implements RecordCodec<PixelBatch> {
        private static final long serialVersionUID = 1L;

        @Override
        public int version() {
            return V1;
        }

        @Override
        public void write(PixelBatch b, DataOutputView out) throws IOException {
            writeBatch(b, out);
        }

        @Override
        public PixelBatch read(int version, DataInputView in) throws IOException {
            return readBatch(in);
        }
    }

    /** {@link PixelPart}: decode stage to the assembling stage, and the parts waiting there in keyed state. */
    public static final class PartCodec implements RecordCodec<PixelPart> {
        private static final long serialVersionUID = 1L;

        @Override
        public int version() {
            return V1;
        }

        @Override
        public void write(PixelPart p, DataOutputView out) throws IOException {
            out.writeInt(p.windows());
            out.writeInt(p.window());
            writeBatch(p.pixels(), out);
        }

        @Override
        public PixelPart read(int version, DataInputView in) throws IOException {
            int windows = in.readInt();
            int window = in.readInt();
            return new PixelPart(readBatch(in), windows, window);
        }
    }
}
