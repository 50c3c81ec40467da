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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link PipelineConfig} back as a pipeline file with every key explicit (defaults filled in, paths
 * absolute): the effective configuration, for logs and for re-running a job exactly. Loading the output gives an
 * equal configuration.
 */
public final class PipelineConfigWriter {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private PipelineConfigWriter() {
    }

    /** The configuration as a YAML pipeline file. */
    public static String toYaml(PipelineConfig config) {
        Map<String, Object> root = new LinkedHashMap<>();
        source(root, config.source());
        assets(root, config.assets());
        mask(root, config.mask());
        if (config.hasGrid()) {
            aggregate(root, config.aggregate());
        }
        if (config.hasPoints()) {
            points(root, config.points());
        }
        if (config.hasPolygons()) {
            put(root, EXTRACT_POLYGONS, config.polygons().polygons().toString());
            if (config.polygons().idProperty() != null) {
                put(root, EXTRACT_POLYGON_ID, config.polygons().idProperty());
            }
            put(root, EXTRACT_PIXELS_BY, config.polygons().by().yamlName());
            put(root, EXTRACT_PIXELS_FILE_MIB, config.polygons().fileMebibytes());
            put(root, EXTRACT_ALLOWED_LATENESS, DurationFormat.format(config.polygons().allowedLateness()));
        }
        put(root, OUTPUT_ROOT, config.output().root().toString());
        put(root, OUTPUT_MANIFESTS, config.output().manifests().stream().map(ManifestFormat::yamlName).toList());
        put(root, OUTPUT_MANIFEST_RECORD_SIZE, config.output().manifestRecordSize());
        put(root, CHECKPOINT_INTERVAL, DurationFormat.format(config.checkpoint().interval()));
        put(root, CHECKPOINT_DIR, config.checkpoint().directory().toString());
        config.checkpoint().restoreFrom().ifPresent(uri -> put(root, CHECKPOINT_RESTORE, uri.toString()));
        config.job().parallelism().ifPresent(p -> put(root, JOB_PARALLELISM, p));
        put(root, JOB_NAME, config.job().name());
        put(root, JOB_WEB_UI, config.job().webUi());
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the pipeline configuration as YAML", e);
        }
    }

    private static void source(Map<String, Object> root, SourceConfig source) {
        put(root, source.endpoint() instanceof StacEndpoint.Catalog ? SOURCE_CATALOG : SOURCE_API,
                source.endpoint().uri().toString());
        if (!source.collections().isEmpty()) {
            put(root, SOURCE_COLLECTIONS, source.collections());
        }
        if (source.spatialFilter() instanceof SpatialFilter.Bbox bbox) {
            put(root, SOURCE_BBOX, bbox.toList());
        } else if (source.spatialFilter() instanceof SpatialFilter.Intersects geometry) {
            put(root, SOURCE_INTERSECTS, json(geometry.geometryJson()));
        }
        if (!source.datetime().isUnbounded()) {
            put(root, SOURCE_DATETIME, source.datetime().toStacInterval());
        }
        source.queryJson().ifPresent(q -> put(root, SOURCE_QUERY, json(q)));
        source.filterJson().ifPresent(f -> put(root, SOURCE_FILTER, json(f)));
        put(root, SOURCE_BOUNDED, source.bounded());
        put(root, SOURCE_POLL_INTERVAL, DurationFormat.format(source.pollInterval()));
        put(root, SOURCE_LOOKBACK, DurationFormat.format(source.lookback()));
    }

    private static void assets(Map<String, Object> root, AssetsConfig assets) {
        put(root, ASSETS_BANDS, assets.bands());
        put(root, ASSETS_SCALE_OFFSET, assets.scaleOffset());
        put(root, ASSETS_LEVEL, assets.level());
    }

    private static void mask(Map<String, Object> root, MaskConfig mask) {
        if (mask instanceof MaskConfig.BitMask bits) {
            put(root, MASK_ASSET, bits.asset());
            put(root, MASK_QA_BITS, bits.excludedBits());
        } else if (mask instanceof MaskConfig.ClassMask classes) {
            put(root, MASK_ASSET, classes.asset());
            put(root, MASK_EXCLUDE, classes.excludedClasses());
            SclDilation d = classes.dilation();
            put(root, MASK_DILATION_ENABLED, d.enabled());
            put(root, MASK_DILATION_MASK1_VALUES, d.mask1Values());
            put(root, MASK_DILATION_MASK2_VALUES, d.mask2Values());
            put(root, MASK_DILATION_KERNEL1_SIZE, d.kernel1Size());
            put(root, MASK_DILATION_KERNEL2_SIZE, d.kernel2Size());
            put(root, MASK_DILATION_EROSION_KERNEL_SIZE, d.erosionKernelSize());
        }
    }

    private static void aggregate(Map<String, Object> root, AggregateConfig aggregate) {
        GridSpec grid = aggregate.grid();
        if (grid instanceof GridSpec.ByFactor f) {
            put(root, AGGREGATE_FACTOR, f.factor());
        } else if (grid instanceof GridSpec.ByResolution r) {
            put(root, AGGREGATE_RESOLUTION, r.cellSize());
        } else if (grid instanceof GridSpec.BySize s) {
            put(root, AGGREGATE_SIZE, List.of(s.columns(), s.rows()));
        }
        put(root, AGGREGATE_STATS, aggregate.statistics().stream().map(Statistic::yamlName).toList());
        put(root, AGGREGATE_PERIOD, aggregate.period().yamlName());
        put(root, AGGREGATE_ALLOWED_LATENESS, DurationFormat.format(aggregate.allowedLateness()));
    }

    private static void points(Map<String, Object> root, PointsConfig points) {
        put(root, EXTRACT_POINTS, points.points().toString());
        if (points.idProperty() != null) {
            put(root, EXTRACT_POINT_ID, points.idProperty());
        }
        put(root, EXTRACT_PERIOD, points.period().yamlName());
        put(root, EXTRACT_COMPOSITE, points.composite().yamlName());
        put(root, EXTRACT_INTERPOLATE, points.interpolation().yamlName());
        put(root, EXTRACT_ALLOWED_LATENESS, DurationFormat.format(points.allowedLateness()));
    }

    /** Puts {@code value} at the option's dotted key, creating the nested sections on the way. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, PipelineOption<?> option, Object value) {
        String[] path = option.key().split("\\.");
        Map<String, Object> section = root;
        for (int i = 0; i < path.length - 1; i++) {
            section = (Map<String, Object>) section.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
        }
        section.put(path[path.length - 1], value);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validated JSON value no longer parses: " + text, e);
        }
    }
}
