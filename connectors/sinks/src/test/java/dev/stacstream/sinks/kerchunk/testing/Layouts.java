package dev.stacstream.sinks.kerchunk.testing;

import dev.stacstream.sinks.kerchunk.item.AssetSource;
import dev.stacstream.sinks.kerchunk.item.BandValues;
import dev.stacstream.sinks.kerchunk.item.ItemInfo;
import dev.stacstream.sinks.kerchunk.stack.StackItem;
import dev.stacstream.sinks.kerchunk.tiff.LevelLayout;
import java.time.Instant;
import java.util.List;

/**
 * Synthetic TIFF levels and items for tests that need exact, self-describing block tables rather than real files:
 * a 20 x 20 uint16 DEFLATE image in 10 x 10 tiles (2 x 2 blocks), item {@code k}'s block {@code b} stored at
 * {@code [1000 (k + 1) + 100 b, ... + 50 + b)} (never 0, which TIFF reserves for sparse blocks) of {@code s3://bucket/<id>.tif}.
 */
public final class Layouts {

    public static final int SIZE = 20;
    public static final int TILE = 10;
    public static final int BLOCKS = 4;
    public static final int DEFLATE = 8;
    public static final int UINT = 1;
    public static final int UINT16_BITS = 16;
    private static final long ITEM_STRIDE = 1000;
    private static final long BLOCK_STRIDE = 100;
    private static final long BASE_LENGTH = 50;
    /** Per-item scales, as literals so that expected and stored values are the same doubles. */
    private static final double[] SCALES = {1e-4, 2e-4, 3e-4, 4e-4, 5e-4};
    public static final double OFFSET = -0.1;

    private Layouts() {}

    /** A tiled single-band layout with these block tables. */
    public static LevelLayout tiled(int width, int height, int tile, int compression, int predictor, long[] offsets,
            long[] counts) {
        return new LevelLayout(0, width, height, 1, false, true, tile, tile, UINT16_BITS, true, UINT, compression,
                predictor, 1, 0, false, null, 0.0, offsets, counts);
    }

    /** The block offset of item {@code k}'s block {@code b}. */
    public static long offset(int k, int b) {
        return ITEM_STRIDE * (k + 1) + BLOCK_STRIDE * b;
    }

    /** The block length of block {@code b}. */
    public static long length(int b) {
        return BASE_LENGTH + b;
    }

    /** The scale of item {@code k}. */
    public static double scale(int k) {
        return SCALES[k];
    }

    /** Item {@code k} of a stack: id {@code item-k}, at {@code time}, {@link #scale(int)}; blocks in {@code sparse} are absent. */
    public static StackItem stackItem(int k, Instant time, int... sparse) {
        long[] offsets = new long[BLOCKS];
        long[] counts = new long[BLOCKS];
        for (int b = 0; b < BLOCKS; b++) {
            offsets[b] = offset(k, b);
            counts[b] = length(b);
        }
        for (int b : sparse) {
            offsets[b] = 0;
            counts[b] = 0;
        }
        return stackItem("item-" + k, time, tiled(SIZE, SIZE, TILE, DEFLATE, 1, offsets, counts),
                new BandValues(0.0, new double[] {scale(k)}, new double[] {OFFSET}));
    }

    /** An item of a stack with an arbitrary level. */
    public static StackItem stackItem(String id, Instant time, LevelLayout level, BandValues values) {
        AssetSource asset = new AssetSource("red", "s3://bucket/" + id + ".tif", List.of(level),
                new double[] {500000, 10, 0, 6000000, 0, -10}, 32633, values);
        return new StackItem(new ItemInfo(id, time, "sentinel-2-l2a"), asset);
    }
}
