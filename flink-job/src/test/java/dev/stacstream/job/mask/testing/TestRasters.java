package dev.stacstream.job.mask.testing;

import dev.stacstream.cog.raster.DataType;
import dev.stacstream.cog.raster.Float16;
import dev.stacstream.cog.raster.Raster;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds and cuts little-endian band-sequential {@link Raster}s for tests. */
public final class TestRasters {

    private TestRasters() {}

    /** A single-band raster of {@code type} holding {@code values} row-major (converted as a cast would). */
    public static Raster of(DataType type, int width, int height, double... values) {
        if (values.length != width * height) {
            throw new IllegalArgumentException(values.length + " values for a " + width + "x" + height + " raster");
        }
        ByteBuffer b = ByteBuffer.allocate(values.length * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            switch (type) {
                case UINT8, INT8 -> b.put((byte) (long) v);
                case UINT16, INT16 -> b.putShort((short) (long) v);
                case UINT32, INT32 -> b.putInt((int) (long) v);
                case UINT64, INT64 -> b.putLong((long) v);
                case FLOAT16 -> b.putShort(Float16.fromFloat((float) v));
                case FLOAT32 -> b.putFloat((float) v);
                case FLOAT64 -> b.putDouble(v);
                default -> throw new IllegalStateException("unhandled " + type);
            }
        }
        return new Raster(type, 1, width, height, b.array());
    }

    /** A copy of the pixels {@code [col, col + width) x [row, row + height)} of every band. */
    public static Raster crop(Raster source, int col, int row, int width, int height) {
        int bytes = source.dataType().bytes();
        byte[] out = new byte[source.bands() * width * height * bytes];
        int at = 0;
        for (int band = 0; band < source.bands(); band++) {
            for (int r = 0; r < height; r++) {
                int from = source.offsetOf(band, row + r, col);
                System.arraycopy(source.data(), from, out, at, width * bytes);
                at += width * bytes;
            }
        }
        return new Raster(source.dataType(), source.bands(), width, height, out);
    }
}
