package dev.stacstream.job.topology;

import dev.stacstream.job.config.ManifestFormat;
import dev.stacstream.job.config.PipelineConfig;
import dev.stacstream.job.config.PointsConfig;
import dev.stacstream.job.config.PolygonsConfig;
import dev.stacstream.job.mask.MaskRule;
import dev.stacstream.job.operators.ChunkPartial;
import dev.stacstream.job.operators.ChunkPartialCodec;
import dev.stacstream.job.operators.DecodeAggregateFunction;
import dev.stacstream.job.operators.ErrorRecorder;
import dev.stacstream.job.operators.FetchedWindow;
import dev.stacstream.job.operators.FetchedWindowCodec;
import dev.stacstream.job.operators.ItemReferencesCodec;
import dev.stacstream.job.operators.JobProgress;
import dev.stacstream.job.operators.PeriodChunkAggregate;
import dev.stacstream.job.operators.PlanItemsFunction;
import dev.stacstream.job.operators.Planned;
import dev.stacstream.job.operators.PlannedCodec;
import dev.stacstream.job.operators.ReadBlocksFunction;
import dev.stacstream.job.plan.BlockTask;
import dev.stacstream.job.plan.BlockTaskCodec;
import dev.stacstream.job.plan.WindowSelection;
import dev.stacstream.job.points.PointCodecs;
import dev.stacstream.job.points.PointComposite;
import dev.stacstream.job.points.PointKey;
import dev.stacstream.job.points.PointObservation;
import dev.stacstream.job.points.PointSampler;
import dev.stacstream.job.points.PointSet;
import dev.stacstream.job.points.PointWindows;
import dev.stacstream.job.polygons.PixelCodecs;
import dev.stacstream.job.polygons.PixelPart;
import dev.stacstream.job.polygons.PolygonAssembler;
import dev.stacstream.job.polygons.PolygonSampler;
import dev.stacstream.job.polygons.PolygonSet;
import dev.stacstream.job.polygons.PolygonWindows;
import dev.stacstream.job.types.CodecTypeInfo;
import dev.stacstream.sinks.ParquetTables;
import dev.stacstream.sinks.manifest.ItemReferences;
import dev.stacstream.sinks.manifest.ManifestOptions;
import dev.stacstream.sinks.manifest.ManifestSink;
import dev.stacstream.sinks.parquet.PixelsTable;
import dev.stacstream.sinks.parquet.PointsTable;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.GridStatsBatch;
import dev.stacstream.sinks.row.PixelBatch;
import dev.stacstream.sinks.row.PointRow;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.source.StacWatermarkStrategies;
import dev.stacstream.storage.StorageOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The stacstream job graph:
 *
 * <pre>
 * StacSource ─► plan (async: headers, windows, blocks) ─► rebalance ─► read (async: coalesced ranges)
 *   ─► decode + mask + partial aggregate (chained: pixels never leave this task)
 *   ─► keyBy(chunk) merge the windows of the period's items, close periods by event time
 *   ─► grid_stats (FileSink, exactly once)          every stage's failures ─► errors (FileSink)
 * decode ─► point observations (side output) ─► keyBy(point, tile, band) composites per period, gaps interpolated
 *   ─► points (FileSink, exactly once)               (point extraction, extract.points)
 * decode ─► polygon pixels per window (side output) ─► keyBy(polygon, item or day) put back together
 *   ─► pixels (FileSink, a polygon never split)      (pixel extraction, extract.polygons)
 * plan ─► item references ─► manifests (Sink V2 committer: item manifests and time stacks per checkpoint)
 * </pre>
 *
 * Every operator has a stable {@code uid} so savepoints survive topology edits.
 */
public final class StacstreamTopology {

    /** Uids of the stateful parts; part of the savepoint compatibility contract. */
    public static final String UID_SOURCE = "stac-source";
    public static final String UID_PLAN = "plan";
    public static final String UID_READ = "read-blocks";
    public static final String UID_DECODE = "decode-mask-aggregate";
    public static final String UID_PERIOD = "aggregate-periods";
    public static final String UID_GRID_SINK = "grid-stats-sink";
    public static final String UID_ERROR_SINK = "errors-sink";
    public static final String UID_MANIFEST_SINK = "manifest-sink";
    public static final String UID_POINTS = "point-composites";
    public static final String UID_POINTS_SINK = "points-sink";
    public static final String UID_POLYGONS = "polygon-pixels";
    public static final String UID_PIXELS_SINK = "pixels-sink";

    static final Duration PLAN_TIMEOUT = Duration.ofMinutes(2);
    static final Duration READ_TIMEOUT = Duration.ofMinutes(5);
    static final int PLAN_CAPACITY = 16;
    static final int READ_CAPACITY = 32;
    /** Items may arrive out of datetime order by this much before they count as late for watermarks. */
    static final Duration OUT_OF_ORDERNESS = Duration.ofDays(1);
    static final Duration SOURCE_IDLENESS = Duration.ofMinutes(1);

    private static final OutputTag<ErrorRow> ERRORS = new OutputTag<>("errors", ErrorRow.typeInfo());
    private static final OutputTag<PointObservation> POINT_OBSERVATIONS = new OutputTag<>("point-observations",
            CodecTypeInfo.of(PointObservation.class, new PointCodecs.ObservationCodec()));
    private static final OutputTag<PixelPart> PIXEL_PARTS = new OutputTag<>("pixel-parts",
            CodecTypeInfo.of(PixelPart.class, new PixelCodecs.PartCodec()));
    private static final OutputTag<ItemReferences> REFERENCES = new OutputTag<>("references",
            CodecTypeInfo.of(ItemReferences.class, new ItemReferencesCodec()));

    private StacstreamTopology() {}

    /** Adds the job to {@code env}. */
    public static void build(StreamExecutionEnvironment env, PipelineConfig config, StorageOptions storage) {
        build(env, config, storage, TopologyHooks.NONE);
    }

    /** Adds the job to {@code env}, with {@code hooks} inserted where they apply. */
    public static void build(StreamExecutionEnvironment env, PipelineConfig config, StorageOptions storage,
            TopologyHooks hooks) {
        MaskRule rule = KernelSettings.maskRule(config.mask());
        PointSet points = config.hasPoints() ? PointSet.load(config.points(), storage) : null;
        PolygonSet polygons = config.hasPolygons()
                ? PolygonSet.load(config.polygons().polygons(), config.polygons().idProperty(), storage) : null;
        DataStream<StacItem> items = env.fromSource(SourceFactory.source(config.source(), storage),
                        StacWatermarkStrategies.forItemDatetime(OUT_OF_ORDERNESS, SOURCE_IDLENESS), "STAC items")
                .uid(UID_SOURCE);

        // Grid statistics need every window; extraction alone reads only the windows holding a point or polygon pixel.
        WindowSelection windows = config.hasGrid() ? WindowSelection.ALL : extractionWindows(points, polygons);
        SingleOutputStreamOperator<Planned> planned = AsyncDataStream.unorderedWait(items,
                        new PlanItemsFunction(KernelSettings.planOptions(config, rule, windows), storage),
                        PLAN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS, PLAN_CAPACITY)
                .returns(CodecTypeInfo.of(Planned.class, new PlannedCodec()))
                .uid(UID_PLAN).name("plan: headers, windows, blocks");
        SingleOutputStreamOperator<BlockTask> tasks = planned.process(new RoutePlanned())
                .returns(CodecTypeInfo.of(BlockTask.class, new BlockTaskCodec()))
                .uid("route-planned").name("route plan errors");

        SingleOutputStreamOperator<FetchedWindow> fetched = AsyncDataStream.unorderedWait(hooks.afterPlan(tasks).rebalance(),
                        new ReadBlocksFunction(storage), READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS, READ_CAPACITY)
                .returns(CodecTypeInfo.of(FetchedWindow.class, new FetchedWindowCodec()))
                .uid(UID_READ).name("read blocks");
        SingleOutputStreamOperator<ChunkPartial> partials = fetched
                .process(new DecodeAggregateFunction(rule,
                        config.hasGrid() ? KernelSettings.gridSpec(config.aggregate()) : null,
                        config.hasGrid() ? KernelSettings.periods(config.aggregate().period()) : null, ERRORS,
                        points == null ? null : new PointSampler(points), points == null ? null : POINT_OBSERVATIONS,
                        polygons == null ? null : new PolygonSampler(polygons), polygons == null ? null : PIXEL_PARTS))
                .returns(CodecTypeInfo.of(ChunkPartial.class, new ChunkPartialCodec()))
                .uid(UID_DECODE).name(config.hasGrid() ? "decode, mask, partial aggregate" : "decode, mask, sample");

        String root = config.output().root().toString();
        DataStream<ErrorRow> errors = tasks.getSideOutput(ERRORS).union(partials.getSideOutput(ERRORS));
        if (config.hasGrid()) {
            Duration lateness = config.aggregate().allowedLateness();
            SingleOutputStreamOperator<GridStatsBatch> rows = partials
                    .keyBy(ChunkPartial::chunkKey, Types.STRING)
                    .process(new PeriodChunkAggregate(lateness, KernelSettings.stats(config.aggregate().statistics()),
                            ERRORS))
                    .returns(GridStatsBatch.typeInfo())
                    .uid(UID_PERIOD).name("aggregate periods");
            rows.sinkTo(ParquetTables.gridStatsSink(root)).uid(UID_GRID_SINK).name("grid_stats");
            errors = errors.union(rows.getSideOutput(ERRORS));
        }
        if (points != null) {
            PointsConfig p = config.points();
            SingleOutputStreamOperator<PointRow> pointRows = partials.getSideOutput(POINT_OBSERVATIONS)
                    .keyBy(PointObservation::key, CodecTypeInfo.of(PointKey.class, new PointCodecs.KeyCodec()))
                    .process(new PointComposite(KernelSettings.periods(p.period()), p.composite(), p.interpolation(),
                            p.allowedLateness(), ERRORS))
                    .returns(CodecTypeInfo.of(PointRow.class, new PointCodecs.RowCodec()))
                    .uid(UID_POINTS).name("point composites");
            pointRows.sinkTo(ParquetTables.pointsSink(root, new PointsTable(points.attributes(), points.valuesById())))
                    .uid(UID_POINTS_SINK).name("points");
            errors = errors.union(pointRows.getSideOutput(ERRORS));
        }
        if (polygons != null) {
            PolygonsConfig p = config.polygons();
            SingleOutputStreamOperator<PixelBatch> pixels = partials.getSideOutput(PIXEL_PARTS)
                    .keyBy(PolygonAssembler.keys(p.by()), Types.STRING)
                    .process(new PolygonAssembler(p.by(), p.allowedLateness(), ERRORS))
                    .returns(CodecTypeInfo.of(PixelBatch.class, new PixelCodecs.BatchCodec()))
                    .uid(UID_POLYGONS).name("polygon pixels");
            pixels.sinkTo(ParquetTables.pixelsSink(root, new PixelsTable(config.assets().bands(), polygons.attributes(),
                    polygons.valuesById()), p.fileBytes())).uid(UID_PIXELS_SINK).name("pixels");
            errors = errors.union(pixels.getSideOutput(ERRORS));
        }
        errors.sinkTo(ParquetTables.errorsSink(root)).uid(UID_ERROR_SINK).name("errors");
        manifestOptions(config).ifPresent(options -> hooks.beforeManifests(tasks.getSideOutput(REFERENCES))
                .sinkTo(new ManifestSink(config.output().manifestsRoot(), options))
                // One committer owns every time stack (read-modify-write files); it writes only metadata.
                .setParallelism(1).uid(UID_MANIFEST_SINK).name("manifests"));
    }

    /** The windows holding an input point or polygon pixel. */
    private static WindowSelection extractionWindows(PointSet points, PolygonSet polygons) {
        if (points == null) {
            return new PolygonWindows(polygons);
        }
        return polygons == null ? new PointWindows(points)
                : WindowSelection.union(new PointWindows(points), new PolygonWindows(polygons));
    }

    /** The manifest forms to write, or empty when {@code output.manifests} is {@code []}. */
    static Optional<ManifestOptions> manifestOptions(PipelineConfig config) {
        var formats = config.output().manifests();
        if (formats.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ManifestOptions(formats.contains(ManifestFormat.JSON),
                formats.contains(ManifestFormat.PARQUET), config.output().manifestRecordSize()));
    }

    /** Sends block tasks on, item references to the manifests and plan errors to the errors side output. */
    static final class RoutePlanned extends ProcessFunction<Planned, BlockTask> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Planned planned, Context ctx, Collector<BlockTask> out) {
            if (planned.references() != null) {
                // One per planned item, also when point extraction plans none of its windows.
                getRuntimeContext().getLongCounter(JobProgress.ITEMS).add(1);
                ctx.output(REFERENCES, planned.references());
            } else if (planned.task() != null) {
                getRuntimeContext().getLongCounter(JobProgress.WINDOWS_PLANNED).add(1);
                out.collect(planned.task());
            } else {
                ErrorRecorder.record(getRuntimeContext(), planned.error(), r -> ctx.output(ERRORS, r));
            }
        }
    }
}
