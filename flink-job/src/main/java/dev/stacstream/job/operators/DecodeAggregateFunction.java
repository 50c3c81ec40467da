package dev.stacstream.job.operators;

import dev.stacstream.cog.error.CogException;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.cog.read.BlockDecoder;
import dev.stacstream.cog.read.WindowDecoder;
import dev.stacstream.job.aggregate.BlockAggregate;
import dev.stacstream.job.aggregate.BlockAggregator;
import dev.stacstream.job.aggregate.CellGrid;
import dev.stacstream.job.aggregate.CellStats;
import dev.stacstream.job.aggregate.GridSpec;
import dev.stacstream.job.mask.BandLayer;
import dev.stacstream.job.mask.BandValues;
import dev.stacstream.job.mask.BlockInput;
import dev.stacstream.job.mask.BlockMasker;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.mask.MaskLayer;
import dev.stacstream.job.mask.MaskRule;
import dev.stacstream.job.mask.MaskedBlock;
import dev.stacstream.job.plan.AssetRole;
import dev.stacstream.job.plan.AssetWindow;
import dev.stacstream.job.plan.BlockTask;
import dev.stacstream.job.plan.WindowGrid;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.ErrorStage;
import dev.stacstream.sinks.row.OutputPeriod;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The CPU stage, chained right after the async read: decodes the fetched blocks of each asset, applies the
 * mask and nodata rules, and reduces the window to partial statistics per band and output cell, emitted as
 * {@link ChunkPartial}s. Decoded pixels live only inside this function; failures become error rows.
 */
public final class DecodeAggregateFunction extends ProcessFunction<FetchedWindow, ChunkPartial> {

    private static final long serialVersionUID = 1L;

    private final MaskRule maskRule;
    private final GridSpec gridSpec;
    private final PeriodAssigner periods;
    private final OutputTag<ErrorRow> errors;
    private transient WindowDecoder decoder;
    private transient BlockMasker masker;
    private transient BlockAggregator aggregator;
    private transient Counter windows;
    private transient Counter pixels;
    private transient Counter validPixels;

    public DecodeAggregateFunction(MaskRule maskRule, GridSpec gridSpec, PeriodAssigner periods, OutputTag<ErrorRow> errors) {
        this.maskRule = maskRule;
        this.gridSpec = gridSpec;
        this.periods = periods;
        this.errors = errors;
    }

    @Override
    public void open(OpenContext context) {
        decoder = new WindowDecoder(BlockDecoder.defaults(), false);
        masker = new BlockMasker(maskRule);
        aggregator = new BlockAggregator(gridSpec);
        var metrics = getRuntimeContext().getMetricGroup().addGroup("decode");
        windows = metrics.counter("windows");
        pixels = metrics.counter("pixels");
        validPixels = metrics.counter("validPixels");
    }

    @Override
    public void processElement(FetchedWindow fetched, Context ctx, Collector<ChunkPartial> out) {
        if (fetched.isFailed()) {
            ErrorRecorder.record(getRuntimeContext(), fetched.failure(), r -> ctx.output(errors, r));
            return;
        }
        BlockTask task = fetched.task();
        List<BandLayer> bands = new ArrayList<>();
        AssetWindow firstBand = null;
        MaskLayer mask = null;
        for (int i = 0; i < task.assets().size(); i++) {
            AssetWindow asset = task.assets().get(i);
            Raster raster;
            try {
                raster = decode(asset, fetched.blocks().get(i));
            } catch (CogException e) {
                ErrorRow row = ErrorRow.of(task.itemId(), ErrorStage.DECODE, e.kind(), task.describe() + ": " + e.getMessage(),
                        Instant.now()).withAsset(asset.key(), asset.href());
                ErrorRow failed = e.context().block() >= 0 ? row.withBlock(e.context().block()) : row;
                ErrorRecorder.record(getRuntimeContext(), failed, r -> ctx.output(errors, r));
                return;
            }
            if (asset.role() == AssetRole.MASK) {
                mask = maskLayer(asset, raster, firstBand);
            } else {
                firstBand = firstBand == null ? asset : firstBand;
                bands.add(BandLayer.of(asset.band(), raster, values(asset)));
            }
        }
        MaskedBlock masked;
        try {
            BlockInput block = BlockInput.of(levelGrid(firstBand), firstBand.window(), bands);
            masked = masker.mask(mask == null ? block : block.withMask(mask));
        } catch (IllegalArgumentException e) {
            ErrorRecorder.record(getRuntimeContext(), ErrorRow.of(task.itemId(), ErrorStage.MASK, "misaligned",
                    task.describe() + ": " + e.getMessage(), Instant.now()), r -> ctx.output(errors, r));
            return;
        }
        BlockAggregate aggregate = aggregator.aggregate(masked);
        long valid = 0;
        for (int b = 0; b < bands.size(); b++) {
            valid += aggregate.validPixels(b);
        }
        long stored = 0;
        for (List<ByteBuffer> asset : fetched.blocks()) {
            for (ByteBuffer b : asset) {
                stored += b == null ? 0 : b.remaining();
            }
        }
        windows.inc();
        pixels.inc(aggregate.totalPixels() * bands.size());
        validPixels.inc(valid);
        getRuntimeContext().getLongCounter(JobProgress.WINDOWS_DONE).add(1);
        getRuntimeContext().getLongCounter(JobProgress.PIXELS).add(aggregate.totalPixels() * bands.size());
        getRuntimeContext().getLongCounter(JobProgress.PIXELS_VALID).add(valid);
        getRuntimeContext().getLongCounter(JobProgress.BYTES_READ).add(stored);
        emit(task, firstBand, aggregate, out);
    }

    private Raster decode(AssetWindow asset, List<ByteBuffer> blocks) {
        return decoder.decode(asset.encoding(), asset.window(), asset.blocks(), blocks, asset.nodata(), asset.href());
    }

    private static BandValues values(AssetWindow asset) {
        OptionalDouble nodata = asset.nodata() == null ? OptionalDouble.empty() : OptionalDouble.of(asset.nodata());
        BandValues v = new BandValues(nodata, 1.0, 0.0);
        return asset.scale() == null && asset.offset() == null ? v
                : v.withScaleOffset(asset.scale() == null ? 1.0 : asset.scale(), asset.offset() == null ? 0.0 : asset.offset());
    }

    private static LevelGrid levelGrid(AssetWindow band) {
        return new LevelGrid(band.encoding().width(), band.encoding().height(), band.geoTransform(), band.epsg());
    }

    /** The mask's pixels on its own grid; the bands see them through the integer pixel-size ratio. */
    private static MaskLayer maskLayer(AssetWindow mask, Raster raster, AssetWindow band) {
        double ratio = Math.abs(mask.geoTransform()[1] / band.geoTransform()[1]);
        int r = (int) Math.round(ratio);
        if (r < 1 || Math.abs(ratio - r) > 1e-9) {
            throw new IllegalArgumentException("mask pixel size " + mask.geoTransform()[1] + " is not a whole multiple of"
                    + " the band pixel size " + band.geoTransform()[1]);
        }
        OptionalDouble nodata = mask.nodata() == null ? OptionalDouble.empty() : OptionalDouble.of(mask.nodata());
        return new MaskLayer(raster, mask.window().col(), mask.window().row(), mask.encoding().width(),
                mask.encoding().height(), r, nodata);
    }

    /** Groups the window's cells into chunks, one partial per (band, chunk). */
    private void emit(BlockTask task, AssetWindow band, BlockAggregate aggregate, Collector<ChunkPartial> out) {
        CellGrid cells = aggregate.grid();
        double[] gt = band.geoTransform();
        OutputGrid grid = new OutputGrid(crs(band), gt[0], gt[3], cells.factorX() * Math.abs(gt[1]),
                cells.factorY() * Math.abs(gt[5]));
        OutputPeriod period = periods.periodOf(task.itemId(), task.datetime());
        Map<Long, CellChunk> chunks = new HashMap<>();
        List<String> names = aggregate.bandNames();
        aggregate.forEachCell((b, cx, cy, stats) -> {
            long key = ((long) b << 48) | ((long) (cy / CellChunk.SIDE) << 24) | (cx / CellChunk.SIDE);
            CellChunk chunk = chunks.computeIfAbsent(key, k -> new CellChunk());
            add(chunk, CellChunk.index(cx, cy), stats);
        });
        for (Map.Entry<Long, CellChunk> e : chunks.entrySet()) {
            int b = (int) (e.getKey() >>> 48);
            long chunkY = (e.getKey() >>> 24) & 0xffffff;
            long chunkX = e.getKey() & 0xffffff;
            int parts = expectedParts(task.windows(), cells, chunkX, chunkY);
            out.collect(new ChunkPartial(task.itemId(), task.collection() == null ? "none" : task.collection(),
                    task.tile(), names.get(b), period, grid, chunkX, chunkY, parts, 1, task.datetime().toEpochMilli(),
                    e.getValue()));
        }
    }

    private static void add(CellChunk chunk, int index, CellStats s) {
        chunk.addCell(index, s.countTotal(), s.countValid(), s.sum(), s.min(), s.max(), s.mean(), s.m2());
    }

    /** How many of the item's work windows touch the chunk's pixels: the partials that make the chunk whole. */
    static int expectedParts(WindowGrid windows, CellGrid cells, long chunkX, long chunkY) {
        long px0 = chunkX * CellChunk.SIDE * cells.factorX();
        long py0 = chunkY * CellChunk.SIDE * cells.factorY();
        return windows.windowsTouching(px0, py0, px0 + (long) CellChunk.SIDE * cells.factorX(),
                py0 + (long) CellChunk.SIDE * cells.factorY());
    }

    private static String crs(AssetWindow band) {
        return band.epsg() > 0 ? "EPSG:" + band.epsg() : "unknown";
    }
}
