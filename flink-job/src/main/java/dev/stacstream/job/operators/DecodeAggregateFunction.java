package dev.stacstream.job.operators;

import dev.stacstream.cog.error.CogException;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.cog.raster.RasterPool;
import dev.stacstream.cog.read.BlockDecoder;
import dev.stacstream.cog.read.WindowDecoder;
import dev.stacstream.cog.tiff.LevelEncoding;
import dev.stacstream.job.aggregate.BlockAggregate;
import dev.stacstream.job.aggregate.BlockAggregator;
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
import dev.stacstream.job.points.PointObservation;
import dev.stacstream.job.points.PointSampler;
import dev.stacstream.job.polygons.PixelPart;
import dev.stacstream.job.polygons.PolygonSampler;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.ErrorStage;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The CPU stage, chained right after the async read: decodes the fetched blocks of each asset, applies the
 * mask and nodata rules, and reduces the window to partial statistics per band and output cell, emitted as
 * {@link ChunkPartial}s, and/or samples the input points inside the window ({@link PointObservation}s, to a side
 * output). Decoded pixels live only inside this function, in rasters reused from window to window;
 * failures become error rows.
 *
 * <p>The partials' cells are views of the aggregator's storage ({@link WindowChunks}), overwritten by the next
 * window: the keyBy after this operator serializes each partial as it is collected.
 */
public final class DecodeAggregateFunction extends ProcessFunction<FetchedWindow, ChunkPartial> {

    private static final long serialVersionUID = 1L;
    /**
     * Raster shapes kept per asset of a task: a tile's windows are mostly full ones, with narrower ones along the
     * right and bottom edges, so two shapes per asset let nearly every window decode into a kept raster.
     */
    private static final int RASTER_SHAPES_PER_ASSET = 2;

    private final MaskRule maskRule;
    /** The output grid, or {@code null} when the job only extracts points. */
    private final GridSpec gridSpec;
    private final PeriodAssigner periods;
    private final OutputTag<ErrorRow> errors;
    /** The point sampler and where its observations go, or {@code null} without point extraction. */
    private final PointSampler points;
    private final OutputTag<PointObservation> pointObservations;
    /** The polygon sampler and where its pixels go, or {@code null} without pixel extraction. */
    private final PolygonSampler polygons;
    private final OutputTag<PixelPart> pixelParts;
    private transient WindowDecoder decoder;
    /** The decoded windows' pixels, reused window after window: they are dead once the window is aggregated. */
    private transient RasterPool rasters;
    private transient BlockMasker masker;
    private transient BlockAggregator aggregator;
    private transient Counter windows;
    private transient Counter pixels;
    private transient Counter validPixels;

    /**
     * @param gridSpec the output grid, or {@code null} to aggregate nothing (point extraction only)
     * @param periods the grid's periods ({@code null} without a grid)
     * @param points samples the input points of each window, or {@code null} for no point extraction
     * @param pointObservations the side output of the points' observations (with {@code points})
     * @param polygons samples the input polygons' pixels of each window, or {@code null} for no pixel extraction
     * @param pixelParts the side output of the polygons' pixels (with {@code polygons})
     */
    public DecodeAggregateFunction(MaskRule maskRule, GridSpec gridSpec, PeriodAssigner periods, OutputTag<ErrorRow> errors,
            PointSampler points, OutputTag<PointObservation> pointObservations, PolygonSampler polygons,
            OutputTag<PixelPart> pixelParts) {
        if (gridSpec == null && points == null && polygons == null) {
            throw new IllegalArgumentException("the decode stage needs an output grid, points or polygons to sample");
        }
        if ((points == null) != (pointObservations == null) || (polygons == null) != (pixelParts == null)) {
            throw new IllegalArgumentException("points and polygons to sample need their side outputs, and only they");
        }
        this.maskRule = maskRule;
        this.gridSpec = gridSpec;
        this.periods = periods;
        this.errors = errors;
        this.points = points;
        this.pointObservations = pointObservations;
        this.polygons = polygons;
        this.pixelParts = pixelParts;
    }

    @Override
    public void open(OpenContext context) {
        decoder = new WindowDecoder(BlockDecoder.defaults(), false);
        rasters = new RasterPool(RASTER_SHAPES_PER_ASSET);
        masker = new BlockMasker(maskRule);
        aggregator = gridSpec == null ? null : new BlockAggregator(gridSpec);
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
        AssetWindow maskAsset = null;
        Raster maskRaster = null;
        for (int i = 0; i < task.assets().size(); i++) {
            AssetWindow asset = task.assets().get(i);
            Raster raster;
            try {
                raster = decode(i, asset, fetched.blocks().get(i));
            } catch (CogException e) {
                ErrorRow row = ErrorRow.of(task.itemId(), ErrorStage.DECODE, e.kind(), task.describe() + ": " + e.getMessage(),
                        Instant.now()).withAsset(asset.key(), asset.href());
                ErrorRow failed = e.context().block() >= 0 ? row.withBlock(e.context().block()) : row;
                ErrorRecorder.record(getRuntimeContext(), failed, r -> ctx.output(errors, r));
                return;
            }
            if (asset.role() == AssetRole.MASK) {
                maskAsset = asset;
                maskRaster = raster;
            } else {
                firstBand = firstBand == null ? asset : firstBand;
                bands.add(BandLayer.of(asset.band(), raster, values(asset)));
            }
        }
        MaskedBlock masked;
        LevelGrid level = levelGrid(firstBand);
        try {
            BlockInput block = BlockInput.of(level, firstBand.window(), bands);
            masked = masker.mask(maskAsset == null ? block : block.withMask(maskLayer(maskAsset, maskRaster, firstBand)));
        } catch (IllegalArgumentException e) {
            ErrorRecorder.record(getRuntimeContext(), ErrorRow.of(task.itemId(), ErrorStage.MASK, "misaligned",
                    task.describe() + ": " + e.getMessage(), Instant.now()), r -> ctx.output(errors, r));
            return;
        }
        long stored = 0;
        for (List<ByteBuffer> asset : fetched.blocks()) {
            for (ByteBuffer b : asset) {
                stored += b == null ? 0 : b.remaining();
            }
        }
        windows.inc();
        getRuntimeContext().getLongCounter(JobProgress.WINDOWS_DONE).add(1);
        getRuntimeContext().getLongCounter(JobProgress.BYTES_READ).add(stored);
        if (points != null) {
            sample(task, level, masked, ctx);
        }
        if (polygons != null) {
            samplePolygons(task, level, masked, ctx);
        }
        if (aggregator == null) {
            return;
        }
        BlockAggregate aggregate = aggregator.aggregate(masked);
        long valid = 0;
        for (int b = 0; b < bands.size(); b++) {
            valid += aggregate.validPixels(b);
        }
        pixels.inc(aggregate.totalPixels() * bands.size());
        validPixels.inc(valid);
        getRuntimeContext().getLongCounter(JobProgress.PIXELS).add(aggregate.totalPixels() * bands.size());
        getRuntimeContext().getLongCounter(JobProgress.PIXELS_VALID).add(valid);
        emit(task, firstBand, aggregate, out);
    }

    /** The polygons' pixels of the window, to their side output. */
    private void samplePolygons(BlockTask task, LevelGrid level, MaskedBlock masked, Context ctx) {
        try {
            polygons.sample(task, level, masked, p -> ctx.output(pixelParts, p));
        } catch (IllegalArgumentException e) {
            ErrorRecorder.record(getRuntimeContext(), ErrorRow.of(task.itemId(), ErrorStage.AGGREGATE, "unsupported",
                    task.describe() + ": the polygons cannot be placed on its grid: " + e.getMessage(), Instant.now()),
                    r -> ctx.output(errors, r));
        }
    }

    /** The points' observations of the window, to their side output. */
    private void sample(BlockTask task, LevelGrid level, MaskedBlock masked, Context ctx) {
        int[] emitted = new int[1];
        int valid;
        try {
            valid = points.sample(task, level, masked, o -> {
                ctx.output(pointObservations, o);
                emitted[0]++;
            });
        } catch (IllegalArgumentException e) {
            ErrorRecorder.record(getRuntimeContext(), ErrorRow.of(task.itemId(), ErrorStage.AGGREGATE, "unsupported",
                    task.describe() + ": the points cannot be placed on its grid: " + e.getMessage(), Instant.now()),
                    r -> ctx.output(errors, r));
            return;
        }
        if (emitted[0] > 0) {
            getRuntimeContext().getLongCounter(JobProgress.POINT_OBSERVATIONS).add(emitted[0]);
            getRuntimeContext().getLongCounter(JobProgress.POINT_OBSERVATIONS_VALID).add(valid);
        }
    }

    /** Decodes asset {@code slot} of the task into the pool's raster of its shape. */
    private Raster decode(int slot, AssetWindow asset, List<ByteBuffer> blocks) {
        LevelEncoding encoding = asset.encoding();
        PixelWindow window = asset.window();
        Raster reuse = rasters.raster(slot, encoding.dataType(), encoding.bands(), window.width(), window.height());
        return decoder.decode(encoding, window, asset.blocks(), blocks, asset.nodata(), asset.href(), reuse);
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

    /**
     * The mask's pixels on its own grid; the bands see them through the integer pixel-size ratio (checked when the
     * item was planned).
     */
    private static MaskLayer maskLayer(AssetWindow mask, Raster raster, AssetWindow band) {
        int r = MaskLayer.ratio(mask.geoTransform()[1], band.geoTransform()[1]);
        OptionalDouble nodata = mask.nodata() == null ? OptionalDouble.empty() : OptionalDouble.of(mask.nodata());
        return new MaskLayer(raster, mask.window().col(), mask.window().row(), mask.encoding().width(),
                mask.encoding().height(), r, nodata);
    }

    /** The window's cells, cut into one partial per (band, chunk). */
    private void emit(BlockTask task, AssetWindow band, BlockAggregate aggregate, Collector<ChunkPartial> out) {
        double[] gt = band.geoTransform();
        OutputGrid grid = new OutputGrid(crs(band), gt[0], gt[3], aggregate.grid().factorX() * Math.abs(gt[1]),
                aggregate.grid().factorY() * Math.abs(gt[5]));
        WindowChunks.emit(task, periods.periodOf(task.itemId(), task.datetime()), grid, aggregate, out);
    }

    private static String crs(AssetWindow band) {
        return band.epsg() > 0 ? "EPSG:" + band.epsg() : "unknown";
    }
}
