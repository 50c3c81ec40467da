package dev.stacstream.cog.read;

import dev.stacstream.cog.codec.DecompressorRegistry;
import dev.stacstream.cog.plan.BlockRef;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.testing.ZlibStreams;
import dev.stacstream.cog.tiff.LevelEncoding;
import dev.stacstream.storage.ByteRange;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A 2-band uint16 DEFLATE level of {@value #WIDTH}x{@value #HEIGHT} pixels in {@value #TILE}-pixel tiles, chunky or
 * planar, whose sample at (band, col, row) is {@link #value}: blocks built in memory, so that window decoding can be
 * checked sample by sample without a file.
 */
final class SyntheticLevel {

    static final int WIDTH = 100;
    static final int HEIGHT = 70;
    static final int TILE = 32;
    static final int BANDS = 2;
    private static final int BITS = 16;
    private static final int SAMPLE_FORMAT_UINT = 1;
    private static final int PREDICTOR_NONE = 1;
    private static final int PHOTOMETRIC_MIN_IS_BLACK = 1;
    private static final int BAND_STEP = 10_000;
    private static final int ROW_STEP = 100;
    /** Where the fake file offsets of the blocks start, for the byte ranges in error messages. */
    private static final long FIRST_OFFSET = 1_000;

    final LevelEncoding encoding;
    private final List<BlockRef> refs = new ArrayList<>();
    private final List<ByteBuffer> stored = new ArrayList<>();

    SyntheticLevel(boolean planar) {
        encoding = new LevelEncoding(0, WIDTH, HEIGHT, BANDS, TILE, TILE, true, planar, BITS, SAMPLE_FORMAT_UINT,
                DecompressorRegistry.DEFLATE, PREDICTOR_NONE, PHOTOMETRIC_MIN_IS_BLACK, false, null, null);
        int across = (WIDTH + TILE - 1) / TILE;
        int down = (HEIGHT + TILE - 1) / TILE;
        long offset = FIRST_OFFSET;
        for (int plane = 0; plane < encoding.planes(); plane++) {
            for (int row = 0; row < down; row++) {
                for (int col = 0; col < across; col++) {
                    byte[] block = ZlibStreams.deflate(tile(plane, col, row));
                    refs.add(new BlockRef(refs.size(), plane, col, row, new ByteRange(offset, block.length)));
                    stored.add(ByteBuffer.wrap(block));
                    offset += block.length;
                }
            }
        }
    }

    /** The sample every decode must give: distinct per band, column and row, and below 2^16. */
    static int value(int band, int col, int row) {
        return band * BAND_STEP + row * ROW_STEP + col;
    }

    /** The blocks {@code window} needs, in planning order. */
    List<BlockRef> refs(PixelWindow window) {
        return refs.stream().filter(ref -> overlaps(encoding.blockWindow(ref), window)).toList();
    }

    /** The stored bytes of {@code refs}, index-aligned. */
    List<ByteBuffer> stored(List<BlockRef> refs) {
        return refs.stream().map(ref -> stored.get(ref.index()).duplicate()).toList();
    }

    /** One full tile of little-endian samples (padding past the image edge included), chunky or of one plane. */
    private byte[] tile(int plane, int blockCol, int blockRow) {
        int samples = encoding.samplesPerBlockPixel();
        ByteBuffer out = ByteBuffer.allocate(TILE * TILE * samples * Short.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < TILE; y++) {
            for (int x = 0; x < TILE; x++) {
                for (int s = 0; s < samples; s++) {
                    int band = encoding.isPlanar() ? plane : s;
                    out.putShort((short) value(band, blockCol * TILE + x, blockRow * TILE + y));
                }
            }
        }
        return out.array();
    }

    private static boolean overlaps(PixelWindow a, PixelWindow b) {
        return a.col() < b.colEnd() && b.col() < a.colEnd() && a.row() < b.rowEnd() && b.row() < a.rowEnd();
    }
}
