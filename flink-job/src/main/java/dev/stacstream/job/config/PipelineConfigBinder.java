package dev.stacstream.job.config;

import static dev.stacstream.job.config.PipelineOptions.AGGREGATE_ALLOWED_LATENESS;
import static dev.stacstream.job.config.PipelineOptions.AGGREGATE_FACTOR;
import static dev.stacstream.job.config.PipelineOptions.AGGREGATE_PERIOD;
import static dev.stacstream.job.config.PipelineOptions.AGGREGATE_RESOLUTION;
import static dev.stacstream.job.config.PipelineOptions.AGGREGATE_SIZE;
import static dev.stacstream.job.config.PipelineOptions.AGGREGATE_STATS;
import static dev.stacstream.job.config.PipelineOptions.ASSETS_BANDS;
import static dev.stacstream.job.config.PipelineOptions.ASSETS_LEVEL;
import static dev.stacstream.job.config.PipelineOptions.ASSETS_SCALE_OFFSET;
import static dev.stacstream.job.config.PipelineOptions.CHECKPOINT_DIR;
import static dev.stacstream.job.config.PipelineOptions.CHECKPOINT_INTERVAL;
import static dev.stacstream.job.config.PipelineOptions.CHECKPOINT_RESTORE;
import static dev.stacstream.job.config.PipelineOptions.EXTRACT_ALLOWED_LATENESS;
import static dev.stacstream.job.config.PipelineOptions.EXTRACT_COMPOSITE;
import static dev.stacstream.job.config.PipelineOptions.EXTRACT_INTERPOLATE;
import static dev.stacstream.job.config.PipelineOptions.EXTRACT_PERIOD;
import static dev.stacstream.job.config.PipelineOptions.EXTRACT_POINTS;
import static dev.stacstream.job.config.PipelineOptions.EXTRACT_PIXELS_BY;
import static dev.stacstream.job.config.PipelineOptions.EXTRACT_PIXELS_FILE_MIB;
import static dev.stacstream.job.config.PipelineOptions.EXTRACT_POINT_ID;
import static dev.stacstream.job.config.PipelineOptions.EXTRACT_POLYGONS;
import static dev.stacstream.job.config.PipelineOptions.EXTRACT_POLYGON_ID;
import static dev.stacstream.job.config.PipelineOptions.JOB_NAME;
import static dev.stacstream.job.config.PipelineOptions.JOB_PARALLELISM;
import static dev.stacstream.job.config.PipelineOptions.JOB_WEB_UI;
import static dev.stacstream.job.config.PipelineOptions.MASK_ASSET;
import static dev.stacstream.job.config.PipelineOptions.MASK_DILATION_ENABLED;
import static dev.stacstream.job.config.PipelineOptions.MASK_DILATION_EROSION_KERNEL_SIZE;
import static dev.stacstream.job.config.PipelineOptions.MASK_DILATION_KERNEL1_SIZE;
import static dev.stacstream.job.config.PipelineOptions.MASK_DILATION_KERNEL2_SIZE;
import static dev.stacstream.job.config.PipelineOptions.MASK_DILATION_MASK1_VALUES;
import static dev.stacstream.job.config.PipelineOptions.MASK_DILATION_MASK2_VALUES;
import static dev.stacstream.job.config.PipelineOptions.MASK_EXCLUDE;
import static dev.stacstream.job.config.PipelineOptions.MASK_QA_BITS;
import static dev.stacstream.job.config.PipelineOptions.OUTPUT_MANIFESTS;
import static dev.stacstream.job.config.PipelineOptions.OUTPUT_MANIFEST_RECORD_SIZE;
import static dev.stacstream.job.config.PipelineOptions.OUTPUT_ROOT;
import static dev.stacstream.job.config.PipelineOptions.SOURCE_API;
import static dev.stacstream.job.config.PipelineOptions.SOURCE_BBOX;
import static dev.stacstream.job.config.PipelineOptions.SOURCE_BOUNDED;
import static dev.stacstream.job.config.PipelineOptions.SOURCE_CATALOG;
import static dev.stacstream.job.config.PipelineOptions.SOURCE_COLLECTIONS;
import static dev.stacstream.job.config.PipelineOptions.SOURCE_DATETIME;
import static dev.stacstream.job.config.PipelineOptions.SOURCE_FILTER;
import static dev.stacstream.job.config.PipelineOptions.SOURCE_INTERSECTS;
import static dev.stacstream.job.config.PipelineOptions.SOURCE_LOOKBACK;
import static dev.stacstream.job.config.PipelineOptions.SOURCE_POLL_INTERVAL;
import static dev.stacstream.job.config.PipelineOptions.SOURCE_QUERY;

import dev.stacstream.job.config.PipelineSettings.Setting;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the flattened settings into a {@link PipelineConfig}, section by section (source, assets, mask, extract,
 * aggregate, output, checkpoint, job), applying the rules that span keys (exactly one source, exactly one grid
 * unless only points are extracted, a mask rule needs its asset) and the derived defaults. The first problem found
 * is thrown.
 */
final class PipelineConfigBinder {

    /** Schemes a static catalog can be read from (the storage layer's backends). */
    private static final Set<String> CATALOG_SCHEMES = Set.of("file", "http", "https", "s3");
    /** Default checkpoint folder, under the output root so that one folder holds a run. */
    private static final String CHECKPOINTS_FOLDER = "_checkpoints";
    private static final String JOB_NAME_PREFIX = "stacstream ";
    private static final String UNSET_HINT = " (--set KEY=null removes a key that the file sets)";

    private final String file;
    private final PipelineSettings settings;
    private final Path workingDirectory;

    PipelineConfigBinder(String file, PipelineSettings settings, Path workingDirectory) {
        this.file = file;
        this.settings = settings;
        this.workingDirectory = workingDirectory;
    }

    PipelineConfig bind() {
        SourceConfig source = source();
        AssetsConfig assets = assets();
        MaskConfig mask = mask();
        PointsConfig points = points();
        PolygonsConfig polygons = polygons();
        AggregateConfig aggregate = aggregate(points != null || polygons != null);
        OutputConfig output = output();
        CheckpointConfig checkpoint = checkpoint(output);
        JobConfig job = job();
        return new PipelineConfig(source, assets, mask, aggregate, points, polygons, output, checkpoint, job);
    }

    private SourceConfig source() {
        PipelineOption<String> endpointKey = exactlyOne("source", SOURCE_CATALOG, SOURCE_API);
        StacEndpoint endpoint = endpointKey == SOURCE_CATALOG ? catalog() : api();
        atMostOne("source", SOURCE_BBOX, SOURCE_INTERSECTS);
        SourceConfig.Builder builder = SourceConfig.builder(endpoint)
                .pollInterval(value(SOURCE_POLL_INTERVAL))
                .lookback(value(SOURCE_LOOKBACK));
        optional(SOURCE_COLLECTIONS).ifPresent(builder::collections);
        optional(SOURCE_BBOX).or(() -> optional(SOURCE_INTERSECTS)).ifPresent(builder::spatialFilter);
        optional(SOURCE_DATETIME).ifPresent(builder::datetime);
        optional(SOURCE_QUERY).ifPresent(builder::queryJson);
        optional(SOURCE_FILTER).ifPresent(builder::filterJson);
        optional(SOURCE_BOUNDED).ifPresent(builder::bounded);
        return builder.build();
    }

    private StacEndpoint catalog() {
        URI uri = location(SOURCE_CATALOG, optional(SOURCE_CATALOG).orElseThrow());
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!CATALOG_SCHEMES.contains(scheme)) {
            throw problem(SOURCE_CATALOG, "unsupported scheme '" + scheme + "' in " + uri
                    + " (expected a path, file://, http(s):// or s3://)");
        }
        if (Locations.isFile(uri)) {
            Path path = Path.of(uri);
            if (Files.isDirectory(path)) {
                throw problem(SOURCE_CATALOG, path + " is a folder; name the catalog.json inside it");
            }
            if (!Files.isRegularFile(path)) {
                throw problem(SOURCE_CATALOG, path + " does not exist");
            }
        }
        return build(SOURCE_CATALOG, () -> new StacEndpoint.Catalog(uri));
    }

    private StacEndpoint api() {
        String text = optional(SOURCE_API).orElseThrow();
        return build(SOURCE_API, () -> new StacEndpoint.Api(Locations.withoutTrailingSlash(URI.create(text))));
    }

    private AssetsConfig assets() {
        List<String> bands = required(ASSETS_BANDS);
        return build(ASSETS_BANDS, () -> new AssetsConfig(bands, value(ASSETS_SCALE_OFFSET), value(ASSETS_LEVEL)));
    }

    private MaskConfig mask() {
        Optional<String> asset = optional(MASK_ASSET);
        List<Setting> dilation = settings.under("mask.dilation");
        if (asset.isEmpty()) {
            Optional<String> orphan = settings.get(MASK_EXCLUDE.key()).or(() -> settings.get(MASK_QA_BITS.key()))
                    .or(() -> dilation.stream().findFirst()).map(Setting::key);
            if (orphan.isPresent()) {
                throw new PipelineConfigException(file, orphan.get(), "needs mask.asset, the layer it applies to"
                        + " (e.g. scl or qa_pixel)" + origin(orphan.get()));
            }
            return new MaskConfig.NoMask();
        }
        atMostOne("mask", MASK_EXCLUDE, MASK_QA_BITS);
        if (settings.get(MASK_QA_BITS.key()).isPresent()) {
            if (!dilation.isEmpty()) {
                throw new PipelineConfigException(file, dilation.get(0).key(), "applies to a class mask"
                        + " (mask.exclude), not to a bit mask (mask.qa-bits)" + dilation.get(0).origin());
            }
            List<Integer> bits = value(MASK_QA_BITS);
            return build(MASK_QA_BITS, () -> new MaskConfig.BitMask(asset.get(), bits));
        }
        SclDilation rule = new SclDilation(value(MASK_DILATION_ENABLED), value(MASK_DILATION_MASK1_VALUES),
                value(MASK_DILATION_MASK2_VALUES), value(MASK_DILATION_KERNEL1_SIZE),
                value(MASK_DILATION_KERNEL2_SIZE), value(MASK_DILATION_EROSION_KERNEL_SIZE));
        List<Integer> classes = value(MASK_EXCLUDE);
        return build(MASK_EXCLUDE, () -> new MaskConfig.ClassMask(asset.get(), classes, rule));
    }

    /** The grid aggregation; {@code null} for an extraction-only pipeline (extract.* and no aggregate keys). */
    private AggregateConfig aggregate(boolean points) {
        List<Setting> aggregateKeys = settings.under("aggregate");
        if (points && aggregateKeys.isEmpty()) {
            return null;
        }
        if (Arrays.stream(new PipelineOption<?>[] {AGGREGATE_FACTOR, AGGREGATE_RESOLUTION, AGGREGATE_SIZE})
                .noneMatch(o -> settings.get(o.key()).isPresent())) {
            String hint = points ? "; or leave the aggregate section out for extraction only"
                    : "; or set extract.points or extract.polygons for extraction only";
            throw new PipelineConfigException(file, "aggregate", "give exactly one of " + AGGREGATE_FACTOR.key() + ", "
                    + AGGREGATE_RESOLUTION.key() + " or " + AGGREGATE_SIZE.key() + hint
                    + (aggregateKeys.isEmpty() ? "" : " (" + aggregateKeys.get(0).key() + " is set)"));
        }
        PipelineOption<GridSpec> gridKey = exactlyOne("aggregate", AGGREGATE_FACTOR, AGGREGATE_RESOLUTION,
                AGGREGATE_SIZE);
        GridSpec grid = optional(gridKey).orElseThrow();
        return build(AGGREGATE_STATS, () -> new AggregateConfig(grid, value(AGGREGATE_STATS), value(AGGREGATE_PERIOD),
                value(AGGREGATE_ALLOWED_LATENESS)));
    }

    /** Point extraction; {@code null} without extract.points (then none of its keys may be set). */
    private PointsConfig points() {
        Optional<String> file = optional(EXTRACT_POINTS);
        if (file.isEmpty()) {
            requireAbsent(EXTRACT_POINTS, EXTRACT_POINT_ID, EXTRACT_PERIOD, EXTRACT_COMPOSITE, EXTRACT_INTERPOLATE);
            if (settings.get(EXTRACT_POLYGONS.key()).isEmpty()) {
                requireAbsent(EXTRACT_POINTS, EXTRACT_ALLOWED_LATENESS);
            }
            return null;
        }
        URI uri = existingInput(EXTRACT_POINTS, file.get());
        String idProperty = optional(EXTRACT_POINT_ID).orElse(null);
        return build(EXTRACT_POINTS, () -> new PointsConfig(uri, idProperty, value(EXTRACT_PERIOD),
                value(EXTRACT_COMPOSITE), value(EXTRACT_INTERPOLATE), value(EXTRACT_ALLOWED_LATENESS)));
    }

    /** Pixel extraction; {@code null} without extract.polygons (then none of its keys may be set). */
    private PolygonsConfig polygons() {
        Optional<String> file = optional(EXTRACT_POLYGONS);
        if (file.isEmpty()) {
            requireAbsent(EXTRACT_POLYGONS, EXTRACT_POLYGON_ID, EXTRACT_PIXELS_BY, EXTRACT_PIXELS_FILE_MIB);
            return null;
        }
        URI uri = existingInput(EXTRACT_POLYGONS, file.get());
        String idProperty = optional(EXTRACT_POLYGON_ID).orElse(null);
        return build(EXTRACT_POLYGONS, () -> new PolygonsConfig(uri, idProperty, value(EXTRACT_PIXELS_BY),
                value(EXTRACT_PIXELS_FILE_MIB),
                value(EXTRACT_ALLOWED_LATENESS)));
    }

    /** The location of an input file, which must exist when it is local. */
    private URI existingInput(PipelineOption<String> option, String text) {
        URI uri = location(option, text);
        if (Locations.isFile(uri) && !Files.isRegularFile(Path.of(uri))) {
            throw problem(option, Path.of(uri) + " does not exist");
        }
        return uri;
    }

    /** None of {@code options} may be set without {@code needed}. */
    private void requireAbsent(PipelineOption<?> needed, PipelineOption<?>... options) {
        for (PipelineOption<?> o : options) {
            Optional<Setting> orphan = settings.get(o.key());
            if (orphan.isPresent()) {
                throw new PipelineConfigException(file, o.key(), "needs " + needed.key() + ", the "
                        + needed.key().substring(needed.key().indexOf('.') + 1) + " to extract" + orphan.get().origin());
            }
        }
    }

    private OutputConfig output() {
        URI root = location(OUTPUT_ROOT, required(OUTPUT_ROOT));
        requireWritable(OUTPUT_ROOT, root);
        Set<ManifestFormat> manifests = value(OUTPUT_MANIFESTS);
        int recordSize = value(OUTPUT_MANIFEST_RECORD_SIZE);
        return build(OUTPUT_ROOT, () -> new OutputConfig(root, manifests, recordSize));
    }

    private CheckpointConfig checkpoint(OutputConfig output) {
        URI directory = optional(CHECKPOINT_DIR).map(text -> location(CHECKPOINT_DIR, text))
                .orElseGet(() -> output.table(CHECKPOINTS_FOLDER));
        requireWritable(CHECKPOINT_DIR, directory);
        URI restore = optional(CHECKPOINT_RESTORE).map(text -> location(CHECKPOINT_RESTORE, text)).orElse(null);
        if (restore != null && Locations.isFile(restore) && !Files.exists(Path.of(restore))) {
            throw problem(CHECKPOINT_RESTORE, Path.of(restore) + " does not exist");
        }
        return build(CHECKPOINT_INTERVAL, () -> new CheckpointConfig(value(CHECKPOINT_INTERVAL), directory, restore));
    }

    private JobConfig job() {
        Integer parallelism = optional(JOB_PARALLELISM).orElse(null);
        String name = optional(JOB_NAME).orElseGet(this::defaultJobName);
        return build(JOB_NAME, () -> new JobConfig(parallelism, name, value(JOB_WEB_UI)));
    }

    private String defaultJobName() {
        Path fileName = Path.of(file).getFileName();
        String stem = fileName == null ? file : fileName.toString().replaceFirst("\\.ya?ml$", "");
        return JOB_NAME_PREFIX + stem;
    }

    // ---------------------------------------------------------------- rules spanning keys

    /** The one option of {@code options} that is set; otherwise a problem naming the section. */
    @SafeVarargs
    private <T> PipelineOption<T> exactlyOne(String section, PipelineOption<T>... options) {
        List<PipelineOption<T>> set = Arrays.stream(options).filter(o -> settings.get(o.key()).isPresent()).toList();
        if (set.size() == 1) {
            return set.get(0);
        }
        String problem = "give exactly one of " + joinOr(List.of(options));
        if (set.isEmpty()) {
            throw new PipelineConfigException(file, section, problem);
        }
        throw new PipelineConfigException(file, section, problem + ", not " + joinAnd(set) + overrideHint(set));
    }

    private void atMostOne(String section, PipelineOption<?>... options) {
        List<PipelineOption<?>> set = Arrays.stream(options).filter(o -> settings.get(o.key()).isPresent()).toList();
        if (set.size() > 1) {
            throw new PipelineConfigException(file, section, "give at most one of " + joinOr(List.of(options))
                    + ", not " + joinAnd(set) + overrideHint(set));
        }
    }

    private String overrideHint(List<? extends PipelineOption<?>> set) {
        boolean fromCommandLine = set.stream().anyMatch(o -> settings.get(o.key()).orElseThrow().override() != null);
        return fromCommandLine ? UNSET_HINT : "";
    }

    private static String joinOr(List<? extends PipelineOption<?>> options) {
        List<String> keys = options.stream().map(PipelineOption::key).toList();
        return String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.get(keys.size() - 1);
    }

    private static String joinAnd(List<? extends PipelineOption<?>> options) {
        List<String> keys = options.stream().map(PipelineOption::key).toList();
        return String.join(", ", keys.subList(0, keys.size() - 1)) + " and " + keys.get(keys.size() - 1);
    }

    // ---------------------------------------------------------------- reading one key

    private <T> Optional<T> optional(PipelineOption<T> option) {
        return settings.get(option.key()).map(setting -> {
            try {
                return option.parser().parse(setting.value());
            } catch (IllegalArgumentException e) {
                throw new PipelineConfigException(file, option.key(), e.getMessage() + setting.origin(), e);
            }
        });
    }

    private <T> T value(PipelineOption<T> option) {
        return optional(option).orElseGet(() -> option.defaultValue()
                .orElseThrow(() -> new IllegalStateException(option.key() + " has no fixed default")));
    }

    private <T> T required(PipelineOption<T> option) {
        return optional(option).orElseThrow(() -> new PipelineConfigException(file, option.key(), "is required"));
    }

    private URI location(PipelineOption<String> option, String text) {
        return build(option, () -> Locations.resolve(text, workingDirectory));
    }

    private void requireWritable(PipelineOption<String> option, URI uri) {
        if (Locations.isHttp(uri)) {
            throw problem(option, "cannot write to " + uri + "; use a path, file:// or s3://");
        }
    }

    /** Runs a model constructor, reporting its {@link IllegalArgumentException} against {@code option}. */
    private <T> T build(PipelineOption<?> option, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new PipelineConfigException(file, option.key(), e.getMessage() + origin(option.key()), e);
        }
    }

    private PipelineConfigException problem(PipelineOption<?> option, String problem) {
        return new PipelineConfigException(file, option.key(), problem + origin(option.key()));
    }

    private String origin(String key) {
        return settings.get(key).map(Setting::origin).orElse("");
    }
}
