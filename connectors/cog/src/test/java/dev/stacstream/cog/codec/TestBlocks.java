package dev.stacstream.cog.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Block encodings and sample patterns shared by the codec tests. */
final class TestBlocks {

    static final int PHOTOMETRIC_MIN_IS_BLACK = 1;
    static final int PHOTOMETRIC_RGB = 2;
    static final int PHOTOMETRIC_YCBCR = 6;

    private TestBlocks() {
    }

    static BlockEncoding encoding(int compression, int width, int rows, int samples, int bits, ByteOrder order) {
        return new BlockEncoding(compression, width, rows, samples, bits, PHOTOMETRIC_MIN_IS_BLACK, null, order);
    }

    /** Sample content kinds: each stresses a codec differently (literals, long runs, table growth). */
    enum Pattern {
        RANDOM, CONSTANT, GRADIENT, SPARSE, SMOOTH_WITH_NOISE;

        byte[] fill(int size, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] data = new byte[size];
            switch (this) {
                case RANDOM -> random.nextBytes(data);
                case CONSTANT -> Arrays.fill(data, (byte) 0x5A);
                case GRADIENT -> {
                    for (int i = 0; i < size; i++) {
                        data[i] = (byte) (i / 7);
                    }
                }
                case SPARSE -> {
                    for (int i = 0; i < size; i += 1 + random.nextInt(40)) {
                        data[i] = (byte) random.nextInt(256);
                    }
                }
                case SMOOTH_WITH_NOISE -> {
                    ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
                    for (int i = 0; i + 1 < size; i += 2) {
                        int value = 1000 + (int) (800 * Math.sin(i / 300.0)) + random.nextInt(16);
                        buf.putShort(i, (short) value);
                    }
                }
                default -> throw new IllegalStateException(name());
            }
            return data;
        }
    }
}
