package dev.stacstream.bench;

import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.DataType;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.job.mask.BandLayer;
import dev.stacstream.job.mask.BandValues;
import dev.stacstream.job.mask.BlockInput;
import dev.stacstream.job.mask.BlockMasker;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.mask.MaskLayer;
import dev.stacstream.job.mask.MaskRule;
import dev.stacstream.job.mask.MaskedBlock;
import dev.stacstream.job.operators.OutputGrid;
import dev.stacstream.job.plan.BlockTask;
import dev.stacstream.job.plan.WindowGrid;
import dev.stacstream.sinks.row.OutputPeriod;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One Sentinel-2-like item of workload W (BASELINES.md) cut into the job's work windows: uint16 red and nir (nodata
 * 0) under a uint8 SCL at half their resolution, rule {3, 8, 9, 10}, windows of 2048² band pixels, as the planner
 * makes them for W. Every window crops the same generated 2048² tiles (the pixels differ from a real tile, the
 * geometry of windows, cells and chunks is W's).
 */
final class SyntheticItem {

    static final int WINDOW = 2048;
    static final int RATIO = 2;
    static final int EPSG = 32633;
    static final double PIXEL_SIZE = 10;
    static final double[] GEOTRANSFORM = {300000, PIXEL_SIZE, 0, 5600040, 0, -PIXEL_SIZE};
    private static final Set<Integer> W_EXCLUDED = Set.of(3, 8, 9, 10);
    private static final long RED_SEED = 0x5E27_1A2BL;
    private static final long NIR_SEED = 0x0B08_5EEDL;
    private static final Instant FIRST_DAY = Instant.parse("2024-06-01T10:00:00Z");

    private final LevelGrid level;
    private final WindowGrid windows;
    private final byte[] red;
    private final byte[] nir;
    private final Raster scl;
    private final BlockMasker masker = new BlockMasker(MaskRule.sclClasses(W_EXCLUDED));

    /** An item whose bands are {@code size x size} pixels (W: 10980). */
    SyntheticItem(int size) {
        level = new LevelGrid(size, size, GEOTRANSFORM, EPSG);
        windows = new WindowGrid(size, size, WINDOW, WINDOW);
        red = TileDecodeBenchmark.SentinelLikeTile.generate(WINDOW, RED_SEED);
        nir = TileDecodeBenchmark.SentinelLikeTile.generate(WINDOW, NIR_SEED);
        scl = MaskAggregateBenchmark.SyntheticScl.generate(WINDOW / RATIO, 0);
    }

    int windowCount() {
        return windows.count();
    }

    /** Work window {@code index}, masked, ready for the aggregator. */
    MaskedBlock window(int index) {
        PixelWindow w = windows.window(index);
        List<BandLayer> bands = List.of(BandLayer.of("red", crop(red, w), BandValues.withNodata(0)),
                BandLayer.of("nir", crop(nir, w), BandValues.withNodata(0)));
        int maskWidth = (w.width() + RATIO - 1) / RATIO;
        int maskHeight = (w.height() + RATIO - 1) / RATIO;
        byte[] classes = new byte[maskWidth * maskHeight];
        for (int r = 0; r < maskHeight; r++) {
            System.arraycopy(scl.data(), r * scl.width(), classes, r * maskWidth, maskWidth);
        }
        int maskLevel = (level.width() + RATIO - 1) / RATIO;
        MaskLayer mask = new MaskLayer(new Raster(DataType.UINT8, 1, maskWidth, maskHeight, classes), w.col() / RATIO,
                w.row() / RATIO, maskLevel, maskLevel, RATIO, OptionalDouble.of(0));
        return masker.mask(BlockInput.of(level, w, bands).withMask(mask));
    }

    /** The block task of window {@code index} of item {@code item} (0, 1, ...: one day apart). */
    BlockTask task(int item, int index) {
        return new BlockTask("S2B_33UUU_item" + item, "sentinel-2-l2a", FIRST_DAY.plusSeconds(86_400L * item), "33UUU",
                index, windows, List.of());
    }

    /** The output period of item {@code item} under {@code aggregate.period: day}. */
    OutputPeriod period(int item) {
        return OutputPeriod.day(FIRST_DAY.plusSeconds(86_400L * item).atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** The output grid at {@code factor} band pixels per cell. */
    static OutputGrid grid(int factor) {
        return new OutputGrid("EPSG:" + EPSG, GEOTRANSFORM[0], GEOTRANSFORM[3], factor * PIXEL_SIZE, factor * PIXEL_SIZE);
    }

    private static Raster crop(byte[] tile, PixelWindow w) {
        byte[] out = new byte[w.width() * w.height() * Short.BYTES];
        for (int r = 0; r < w.height(); r++) {
            System.arraycopy(tile, r * WINDOW * Short.BYTES, out, r * w.width() * Short.BYTES, w.width() * Short.BYTES);
        }
        return new Raster(DataType.UINT16, 1, w.width(), w.height(), out);
    }
}
