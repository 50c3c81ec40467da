package dev.stacstream.job.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every key of a pipeline file, with its type, default and meaning: the one place where defaults are defined.
 *
 * <p><b>Precedence</b>, highest first: {@code --set key=value} on the command line (the last one wins when a key is
 * set twice), then the pipeline file, then the defaults below. A value of {@code null} (or {@code ~}) removes a key,
 * so {@code --set source.catalog=null --set source.api=https://…} switches a file's source.
 *
 * <p>Keys are dotted paths; a file may nest them ({@code aggregate: {factor: 10}}) or write them flat
 * ({@code aggregate.factor: 10}), or mix both. Durations are strings like {@code 30 s} or {@code 5 min}.
 *
 * <p>These are the package's own typed descriptors rather than Flink {@code ConfigOption}s: a pipeline file is read
 * and validated before any Flink class is involved, its values include geometries and CQL2 expressions, and its
 * errors must name the file and the key. The job maps the result onto Flink's configuration.
 */
public final class PipelineOptions {

    /** Flink's largest supported parallelism (its maximum key-group count). */
    static final int MAX_PARALLELISM = 1 << 15;
    /** Flink's shortest checkpoint interval. */
    static final Duration MIN_CHECKPOINT_INTERVAL = Duration.ofMillis(10);
    private static final int MAX_CLASS = MaskConfig.ClassMask.MAX_CLASS_VALUE;
    private static final int MAX_BIT = MaskConfig.BitMask.MAX_BIT_INDEX;
    private static final int UNLIMITED = Integer.MAX_VALUE;

    // ---------------------------------------------------------------- source

    public static final PipelineOption<String> SOURCE_CATALOG = PipelineOption.withoutDefault("source.catalog",
            ValueParsers.text(), "give exactly one of source.catalog or source.api",
            "A static STAC catalog: the path or URI (file, http(s), s3) of its root catalog.json. A relative path is"
                    + " resolved against the working directory.");

    public static final PipelineOption<String> SOURCE_API = PipelineOption.withoutDefault("source.api",
            ValueParsers.text(), "give exactly one of source.catalog or source.api",
            "A STAC API: the http(s) URL of its landing page; items are searched at <url>/search.");

    public static final PipelineOption<List<String>> SOURCE_COLLECTIONS = PipelineOption.withoutDefault(
            "source.collections", ValueParsers.textList("[sentinel-2-l2a]"), "not set: every collection",
            "Collection ids to read.");

    public static final PipelineOption<SpatialFilter> SOURCE_BBOX = PipelineOption.withoutDefault("source.bbox",
            node -> {
                double[] v = ValueParsers.numbers(node, 4, "[west, south, east, north]");
                return new SpatialFilter.Bbox(v[0], v[1], v[2], v[3]);
            }, "not set: anywhere",
            "Keep items whose footprint intersects [west, south, east, north], WGS 84 degrees. Not with"
                    + " source.intersects.");

    public static final PipelineOption<SpatialFilter> SOURCE_INTERSECTS = PipelineOption.withoutDefault(
            "source.intersects", node -> SearchJsonParsers.geometry().parse(node), "not set: anywhere",
            "Keep items whose footprint intersects this GeoJSON geometry (WGS 84). Not with source.bbox.");

    public static final PipelineOption<DatetimeRange> SOURCE_DATETIME = PipelineOption.withoutDefault(
            "source.datetime", node -> DatetimeRange.parse(ValueParsers.text().parse(node)),
            "not set: every datetime",
            "Keep items whose datetime is in this STAC interval: START/END, either end '..' (open), each an RFC 3339"
                    + " date-time or a date (a whole UTC day), e.g. 2023-06-01/2023-06-30.");

    public static final PipelineOption<String> SOURCE_QUERY = PipelineOption.withoutDefault("source.query",
            SearchJsonParsers.query(), "not set",
            "STAC API query-extension object, e.g. {eo:cloud_cover: {lt: 20}}.");

    public static final PipelineOption<String> SOURCE_FILTER = PipelineOption.withoutDefault("source.filter",
            SearchJsonParsers.cql2Filter(), "not set",
            "CQL2-JSON filter expression, e.g. {op: '<', args: [{property: eo:cloud_cover}, 20]}.");

    public static final PipelineOption<Boolean> SOURCE_BOUNDED = PipelineOption.withoutDefault("source.bounded",
            ValueParsers.bool(), "true for source.catalog, false for source.api",
            "true: process the items that exist when the job starts, then finish. false: keep polling for new items"
                    + " (a continuous job).");

    public static final PipelineOption<Duration> SOURCE_POLL_INTERVAL = PipelineOption.withDefault(
            "source.poll-interval", ValueParsers.duration(Duration.ofMillis(1)), Duration.ofMinutes(1), "1 min",
            "Time between discovery rounds of a continuous source.");

    public static final PipelineOption<Duration> SOURCE_LOOKBACK = PipelineOption.withDefault("source.lookback",
            ValueParsers.duration(Duration.ZERO), Duration.ofDays(3), "3 d",
            "How far below the newest item datetime seen each discovery round searches again, so that items"
                    + " published late are still found; set it to the feed's worst publication delay.");

    // ---------------------------------------------------------------- assets

    public static final PipelineOption<List<String>> ASSETS_BANDS = PipelineOption.withoutDefault("assets.bands",
            ValueParsers.textList("[red, nir]"), "required",
            "The bands to aggregate: asset keys (red, B04) or eo:bands common names; the asset key is tried first.");

    public static final PipelineOption<Boolean> ASSETS_SCALE_OFFSET = PipelineOption.withDefault(
            "assets.scale-offset", ValueParsers.bool(), true, "true",
            "Convert values to value * scale + offset from each item's raster:bands (Sentinel-2 DN to reflectance,"
                    + " including the -0.1 offset of processing baseline 04.00), so that items before and after a"
                    + " baseline change aggregate consistently. Nodata is tested on the stored values first.");

    public static final PipelineOption<Integer> ASSETS_LEVEL = PipelineOption.withDefault("assets.level",
            ValueParsers.integer(0, UNLIMITED), 0, "0",
            "Overview level to read: 0 is full resolution, n the n-th overview of each COG (coarser, fewer bytes).");

    // ---------------------------------------------------------------- mask

    public static final PipelineOption<String> MASK_ASSET = PipelineOption.withoutDefault("mask.asset",
            ValueParsers.text(), "not set: only nodata is masked",
            "The asset holding the mask layer: scl (Sentinel-2 scene classification) with mask.exclude, or qa_pixel"
                    + " (Landsat) with mask.qa-bits.");

    public static final PipelineOption<List<Integer>> MASK_EXCLUDE = PipelineOption.withDefault("mask.exclude",
            ValueParsers.integerList(0, MAX_CLASS, "[3, 8, 9, 10]"), List.of(0, 1, 3, 8, 9, 10),
            "[0, 1, 3, 8, 9, 10]",
            "Class values of mask.asset that make a pixel invalid. The default drops SCL no data (0), saturated"
                    + " (1), cloud shadow (3), cloud medium/high probability (8, 9) and thin cirrus (10).");

    public static final PipelineOption<List<Integer>> MASK_QA_BITS = PipelineOption.withoutDefault("mask.qa-bits",
            ValueParsers.integerList(0, MAX_BIT, "[0, 1, 2, 3, 4]"), "not set: mask.asset is a class layer",
            "Makes mask.asset a bit field: a pixel with any of these bits set is invalid. For Landsat QA_PIXEL,"
                    + " [0, 1, 2, 3, 4] drops fill, dilated cloud, cirrus, cloud and cloud shadow. Not with"
                    + " mask.exclude.");

    public static final PipelineOption<Boolean> MASK_DILATION_ENABLED = PipelineOption.withDefault(
            "mask.dilation.enabled", ValueParsers.bool(), false, "false",
            "Also apply the SCL dilation rule (openEO mask_scl_dilation, FORMATS.md section 6), which widens the"
                    + " mask around clouds. Needs a class mask.");

    public static final PipelineOption<List<Integer>> MASK_DILATION_MASK1_VALUES = PipelineOption.withDefault(
            "mask.dilation.mask1-values", ValueParsers.integerList(0, MAX_CLASS, "[2, 4, 5, 6, 7]"),
            List.of(2, 4, 5, 6, 7), "[2, 4, 5, 6, 7]",
            "Classes whose absence, smoothed by kernel 1, masks a pixel.");

    public static final PipelineOption<List<Integer>> MASK_DILATION_MASK2_VALUES = PipelineOption.withDefault(
            "mask.dilation.mask2-values", ValueParsers.integerList(0, MAX_CLASS, "[3, 8, 9, 10, 11]"),
            List.of(3, 8, 9, 10, 11), "[3, 8, 9, 10, 11]",
            "Classes whose presence, smoothed by kernel 2, masks a pixel.");

    public static final PipelineOption<Integer> MASK_DILATION_KERNEL1_SIZE = PipelineOption.withDefault(
            "mask.dilation.kernel1-size", ValueParsers.integer(0, UNLIMITED), 17, "17",
            "Width of Gaussian kernel 1 in mask-grid pixels; 0 switches it off.");

    public static final PipelineOption<Integer> MASK_DILATION_KERNEL2_SIZE = PipelineOption.withDefault(
            "mask.dilation.kernel2-size", ValueParsers.integer(0, UNLIMITED), 201, "201",
            "Width of Gaussian kernel 2 in mask-grid pixels; 0 switches it off. Blocks are read with a halo of"
                    + " half this width, so large kernels cost extra reads.");

    public static final PipelineOption<Integer> MASK_DILATION_EROSION_KERNEL_SIZE = PipelineOption.withDefault(
            "mask.dilation.erosion-kernel-size", ValueParsers.integer(0, UNLIMITED), 0, "0",
            "Width of the circular erosion applied to both class indicators before smoothing; 0 switches it off.");

    // ---------------------------------------------------------------- aggregate

    public static final PipelineOption<GridSpec> AGGREGATE_FACTOR = PipelineOption.withoutDefault(
            "aggregate.factor", node -> new GridSpec.ByFactor(ValueParsers.integer(1, UNLIMITED).parse(node)),
            "give exactly one of aggregate.factor, aggregate.resolution or aggregate.size",
            "Output cells of factor x factor band pixels (at the level read).");

    public static final PipelineOption<GridSpec> AGGREGATE_RESOLUTION = PipelineOption.withoutDefault(
            "aggregate.resolution", node -> new GridSpec.ByResolution(ValueParsers.positiveNumber().parse(node)),
            "give exactly one of aggregate.factor, aggregate.resolution or aggregate.size",
            "Output cells of this size in CRS units (metres for UTM), anchored at the band grid's origin.");

    public static final PipelineOption<GridSpec> AGGREGATE_SIZE = PipelineOption.withoutDefault("aggregate.size",
            node -> {
                double[] v = ValueParsers.numbers(node, 2, "[columns, rows]");
                ValueParser<Integer> count = ValueParsers.integer(1, UNLIMITED);
                return new GridSpec.BySize(count.parse(node.get(0)), count.parse(node.get(1)));
            }, "give exactly one of aggregate.factor, aggregate.resolution or aggregate.size",
            "Divide each item's band grid into [columns, rows] output cells.");

    public static final PipelineOption<Set<Statistic>> AGGREGATE_STATS = PipelineOption.withDefault(
            "aggregate.stats", ValueParsers.enumSet(Statistic.class, Statistic::fromYamlName, names(Statistic.values())),
            Collections.unmodifiableSet(EnumSet.of(Statistic.COUNT, Statistic.MEAN, Statistic.MIN, Statistic.MAX,
                    Statistic.STD)),
            "[count, mean, min, max, std]",
            "Statistics per output cell, band and period, from count, mean, min, max, std (population) and sum;"
                    + " count gives count_total and count_valid.");

    public static final PipelineOption<Period> AGGREGATE_PERIOD = PipelineOption.withDefault("aggregate.period",
            ValueParsers.oneOf(Period::fromYamlName, names(Period.values())), Period.DAY, "day",
            "Time bucket by item datetime (UTC): item, day or month.");

    public static final PipelineOption<Duration> AGGREGATE_ALLOWED_LATENESS = PipelineOption.withDefault(
            "aggregate.allowed-lateness", ValueParsers.duration(Duration.ZERO), Duration.ofDays(3), "3 d",
            "How long after the watermark passes a period's end its cells still accept late items (a late item"
                    + " updates them). Match it to source.lookback.");

    // ---------------------------------------------------------------- extract (points)

    public static final PipelineOption<String> EXTRACT_POINTS = PipelineOption.withoutDefault("extract.points",
            ValueParsers.text(), "not set: no point extraction",
            "Point extraction: a GeoJSON FeatureCollection of Point features (WGS 84 longitude/latitude), as a path or"
                    + " URI (file, http(s), s3). Each point's pixel is sampled in every item that covers it, and the"
                    + " points table gets one row per point, band and period. With it, the aggregate section may be"
                    + " left out for a run without grid_stats.");

    public static final PipelineOption<String> EXTRACT_POINT_ID = PipelineOption.withoutDefault("extract.point-id",
            ValueParsers.text(), "not set: each feature's own id",
            "The property that holds each point's id (a string or an integer, unique in the file).");

    public static final PipelineOption<Period> EXTRACT_PERIOD = PipelineOption.withDefault("extract.period",
            ValueParsers.oneOf(Period::fromYamlName, names(Period.values())), Period.MONTH, "month",
            "Time bucket of the point composites by item datetime (UTC): item, day or month.");

    public static final PipelineOption<PointsConfig.Composite> EXTRACT_COMPOSITE = PipelineOption.withDefault(
            "extract.composite", ValueParsers.oneOf(PointsConfig.Composite::fromYamlName,
                    names(PointsConfig.Composite.values())), PointsConfig.Composite.MEDIAN, "median",
            "How the valid observations of a point, band and period reduce to one value: median or mean.");

    public static final PipelineOption<PointsConfig.Interpolation> EXTRACT_INTERPOLATE = PipelineOption.withDefault(
            "extract.interpolate", ValueParsers.oneOf(PointsConfig.Interpolation::fromYamlName,
                    names(PointsConfig.Interpolation.values())), PointsConfig.Interpolation.LINEAR, "linear",
            "A period without a valid observation between two that have one: linear (interpolated in time, written"
                    + " once the later one closes) or none (value NULL).");

    public static final PipelineOption<Duration> EXTRACT_ALLOWED_LATENESS = PipelineOption.withDefault(
            "extract.allowed-lateness", ValueParsers.duration(Duration.ZERO), Duration.ofDays(3), "3 d",
            "How long after the watermark passes a period's end its point composites still accept late items, and"
                    + " how long after an item's datetime a polygon waits for the last of its windows.");

    public static final PipelineOption<String> EXTRACT_POLYGONS = PipelineOption.withoutDefault("extract.polygons",
            ValueParsers.text(), "not set: no pixel extraction",
            "Polygon pixel extraction: a GeoJSON FeatureCollection of Polygon and MultiPolygon features (WGS 84), as"
                    + " a path or URI. Every pixel whose centre lies in a polygon gives one pixels row per item, with"
                    + " the bands as columns and the polygon's properties as aux_ columns.");

    public static final PipelineOption<String> EXTRACT_POLYGON_ID = PipelineOption.withoutDefault(
            "extract.polygon-id", ValueParsers.text(), "not set: each feature's own id",
            "The property that holds each polygon's id (a string or an integer, unique in the file).");

    public static final PipelineOption<PolygonsConfig.PixelsBy> EXTRACT_PIXELS_BY = PipelineOption.withDefault(
            "extract.pixels-by", ValueParsers.oneOf(PolygonsConfig.PixelsBy::fromYamlName,
                    names(PolygonsConfig.PixelsBy.values())), PolygonsConfig.PixelsBy.DAY, "day",
            "What a pixels row is per: day (one row per pixel and UTC day; where tiles overlap, the day's items give"
                    + " one row, a valid observation first, then the smallest tile id) or item (a row per pixel and"
                    + " item, so a pixel in two tiles' overlap has two).");

    public static final PipelineOption<Integer> EXTRACT_PIXELS_FILE_MIB = PipelineOption.withDefault(
            "extract.pixels-file-mib", ValueParsers.integer(1, 1 << 14), 128, "128",
            "Target size of a pixels part file in MiB: a file is rolled once its written row groups (up to 32 MiB"
                    + " each) reach it, between polygons (a polygon's pixels of a day or item are never split), and at"
                    + " every checkpoint.");

    // ---------------------------------------------------------------- output

    public static final PipelineOption<String> OUTPUT_ROOT = PipelineOption.withoutDefault("output.root",
            ValueParsers.text(), "required",
            "Folder path or URI (file, s3) of the output; tables land in <root>/grid_stats/, <root>/points/,"
                    + " <root>/pixels/ and <root>/errors/. A"
                    + " relative path is resolved against the working directory.");

    public static final PipelineOption<Set<ManifestFormat>> OUTPUT_MANIFESTS = PipelineOption.withDefault(
            "output.manifests", ValueParsers.enumSetOrEmpty(ManifestFormat.class, ManifestFormat::fromYamlName,
                    names(ManifestFormat.values())),
            Collections.unmodifiableSet(EnumSet.allOf(ManifestFormat.class)), "[json, parquet]",
            "Kerchunk reference manifests under <root>/manifests/, one per item and one time stack per (collection,"
                    + " tile, asset), committed with the checkpoints: json, parquet, both, or [] for none.");

    public static final PipelineOption<Integer> OUTPUT_MANIFEST_RECORD_SIZE = PipelineOption.withDefault(
            "output.manifest-record-size", ValueParsers.integer(1, UNLIMITED), 10_000, "10000",
            "Rows per record file of new Parquet manifests (kerchunk's record_size); an existing time stack keeps"
                    + " its own.");

    // ---------------------------------------------------------------- checkpoint

    public static final PipelineOption<Duration> CHECKPOINT_INTERVAL = PipelineOption.withDefault(
            "checkpoint.interval", ValueParsers.duration(MIN_CHECKPOINT_INTERVAL), Duration.ofSeconds(30), "30 s",
            "Time between checkpoints. Output files are committed on checkpoints, so this is also how often new"
                    + " rows become visible.");

    public static final PipelineOption<String> CHECKPOINT_DIR = PipelineOption.withoutDefault("checkpoint.dir",
            ValueParsers.text(), "<output.root>/_checkpoints",
            "Folder path or URI where checkpoints are kept.");

    public static final PipelineOption<String> CHECKPOINT_RESTORE = PipelineOption.withoutDefault(
            "checkpoint.restore", ValueParsers.text(), "not set: a fresh start",
            "A retained checkpoint or savepoint (its folder or _metadata file) to resume from.");

    // ---------------------------------------------------------------- job

    public static final PipelineOption<Integer> JOB_PARALLELISM = PipelineOption.withoutDefault("job.parallelism",
            ValueParsers.integer(1, MAX_PARALLELISM), "not set: Flink's default (the number of CPU cores locally)",
            "Default parallelism of the job's operators.");

    public static final PipelineOption<String> JOB_NAME = PipelineOption.withoutDefault("job.name",
            ValueParsers.text(), "stacstream <pipeline file name without .yaml>",
            "The Flink job name, shown in the web UI and logs.");

    public static final PipelineOption<Boolean> JOB_WEB_UI = PipelineOption.withDefault("job.web-ui",
            ValueParsers.bool(), true, "true",
            "Serve Flink's web UI on localhost during an embedded local run.");

    private static final List<PipelineOption<?>> ALL = List.of(SOURCE_CATALOG, SOURCE_API, SOURCE_COLLECTIONS,
            SOURCE_BBOX, SOURCE_INTERSECTS, SOURCE_DATETIME, SOURCE_QUERY, SOURCE_FILTER, SOURCE_BOUNDED,
            SOURCE_POLL_INTERVAL, SOURCE_LOOKBACK, ASSETS_BANDS, ASSETS_SCALE_OFFSET, ASSETS_LEVEL, MASK_ASSET,
            MASK_EXCLUDE, MASK_QA_BITS, MASK_DILATION_ENABLED, MASK_DILATION_MASK1_VALUES, MASK_DILATION_MASK2_VALUES,
            MASK_DILATION_KERNEL1_SIZE, MASK_DILATION_KERNEL2_SIZE, MASK_DILATION_EROSION_KERNEL_SIZE,
            AGGREGATE_FACTOR, AGGREGATE_RESOLUTION, AGGREGATE_SIZE, AGGREGATE_STATS, AGGREGATE_PERIOD,
            AGGREGATE_ALLOWED_LATENESS, EXTRACT_POINTS, EXTRACT_POINT_ID, EXTRACT_PERIOD, EXTRACT_COMPOSITE,
            EXTRACT_INTERPOLATE, EXTRACT_ALLOWED_LATENESS, EXTRACT_POLYGONS, EXTRACT_POLYGON_ID, EXTRACT_PIXELS_BY, EXTRACT_PIXELS_FILE_MIB,
            OUTPUT_ROOT, OUTPUT_MANIFESTS, OUTPUT_MANIFEST_RECORD_SIZE, CHECKPOINT_INTERVAL, CHECKPOINT_DIR, CHECKPOINT_RESTORE,
            JOB_PARALLELISM, JOB_NAME, JOB_WEB_UI);

    private PipelineOptions() {
    }

    /** Every key, in documentation order (source, assets, mask, aggregate, extract, output, checkpoint, job). */
    public static List<PipelineOption<?>> all() {
        return ALL;
    }

    /** The option with this dotted key. */
    public static Optional<PipelineOption<?>> find(String key) {
        return ALL.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    /** Whether {@code prefix} is a section holding keys, e.g. {@code source} or {@code mask.dilation}. */
    static boolean isSection(String prefix) {
        return ALL.stream().anyMatch(o -> o.key().startsWith(prefix + "."));
    }

    /** The SCL dilation rule with every parameter at its default, switched off. */
    static SclDilation defaultDilation() {
        return new SclDilation(MASK_DILATION_ENABLED.defaultValue().orElseThrow(),
                MASK_DILATION_MASK1_VALUES.defaultValue().orElseThrow(),
                MASK_DILATION_MASK2_VALUES.defaultValue().orElseThrow(),
                MASK_DILATION_KERNEL1_SIZE.defaultValue().orElseThrow(),
                MASK_DILATION_KERNEL2_SIZE.defaultValue().orElseThrow(),
                MASK_DILATION_EROSION_KERNEL_SIZE.defaultValue().orElseThrow());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
