package dev.stacstream.cog.codec;

import java.nio.ByteBuffer;

/**
 * Test-side forward predictors, written independently of the decoders: predictor 2 through a
 * {@link ByteBuffer} view in the file's byte order, predictor 3 as libtiff's {@code fpDiff} describes it
 * (byte planes most significant first, then byte differences with a stride of one pixel).
 */
final class PredictorEncoder {

    private PredictorEncoder() {
    }

    /** Applies predictor 2 to a copy of {@code data}. */
    static byte[] horizontal(byte[] data, BlockEncoding enc) {
        byte[] out = data.clone();
        ByteBuffer buf = ByteBuffer.wrap(out).order(enc.byteOrder());
        int bytes = enc.bytesPerSample();
        int stride = enc.samples() * bytes;
        for (int row = 0; row < enc.rows(); row++) {
            int base = row * enc.rowBytes();
            // from the end, so every difference uses the original left neighbour
            for (int i = base + enc.rowBytes() - bytes; i >= base + stride; i -= bytes) {
                put(buf, i, bytes, get(buf, i, bytes) - get(buf, i - stride, bytes));
            }
        }
        return out;
    }

    /** Applies predictor 3 to a copy of {@code data} (samples in the file's byte order). */
    static byte[] floatingPoint(byte[] data, BlockEncoding enc) {
        byte[] out = data.clone();
        ByteBuffer buf = ByteBuffer.wrap(data).order(enc.byteOrder());
        int bytes = enc.bytesPerSample();
        int rowBytes = enc.rowBytes();
        int perRow = rowBytes / bytes;
        for (int row = 0; row < enc.rows(); row++) {
            int base = row * rowBytes;
            byte[] planes = new byte[rowBytes];
            for (int k = 0; k < perRow; k++) {
                long value = get(buf, base + k * bytes, bytes);
                for (int plane = 0; plane < bytes; plane++) {
                    planes[plane * perRow + k] = (byte) (value >>> (8 * (bytes - 1 - plane)));
                }
            }
            for (int i = rowBytes - 1; i >= enc.samples(); i--) {
                planes[i] -= planes[i - enc.samples()];
            }
            System.arraycopy(planes, 0, out, base, rowBytes);
        }
        return out;
    }

    private static long get(ByteBuffer buf, int index, int bytes) {
        return switch (bytes) {
            case 1 -> buf.get(index);
            case 2 -> buf.getShort(index);
            case 4 -> buf.getInt(index);
            case 8 -> buf.getLong(index);
            default -> throw new IllegalArgumentException(bytes + "-byte samples");
        };
    }

    private static void put(ByteBuffer buf, int index, int bytes, long value) {
        switch (bytes) {
            case 1 -> buf.put(index, (byte) value);
            case 2 -> buf.putShort(index, (short) value);
            case 4 -> buf.putInt(index, (int) value);
            case 8 -> buf.putLong(index, value);
            default -> throw new IllegalArgumentException(bytes + "-byte samples");
        }
    }
}
