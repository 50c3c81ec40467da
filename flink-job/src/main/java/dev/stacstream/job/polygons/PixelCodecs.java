package dev.stacstream.job.polygons;

import dev.stacstream.job.types.NullableFields;
import dev.stacstream.job.types.RecordCodec;
import dev.stacstream.sinks.row.PixelBatch;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Binary forms of the pixel-extraction records that cross operators or sit in keyed state (version 1 each). */
public final class PixelCodecs {

    private static final int V1 = 1;

    private PixelCodecs() {}

    static void writeBatch(PixelBatch b, DataOutputView out) throws IOException {
        out.writeUTF(b.polygonId());
        out.writeUTF(b.itemId());
        out.writeUTF(b.collection());
        NullableFields.writeString(out, b.tile());
        out.writeLong(b.datetime().getEpochSecond());
        out.writeInt(b.datetime().getNano());
        out.writeUTF(b.crs());
        int n = b.size();
        out.writeInt(n);
        out.writeInt(b.bands().length);
        for (int i = 0; i < n; i++) {
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
        String item = in.readUTF();
        String collection = in.readUTF();
        String tile = NullableFields.readString(in);
        Instant datetime = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String crs = in.readUTF();
        int n = in.readInt();
        double[][] bands = new double[in.readInt()][n];
        long[] ids = new long[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = in.readLong();
            xs[i] = in.readDouble();
            ys[i] = in.readDouble();
        }
        for (double[] band : bands) {
            for (int i = 0; i < n; i++) {
                band[i] = in.readDouble();
            }
        }
        return new PixelBatch(polygon, item, collection, tile, datetime, crs, ids, xs, ys, bands);
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
