package dev.stacstream.job.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * A validated pipeline file: what to read, how to mask and aggregate it, where to write, and how the job runs.
 * {@code aggregate} (grid statistics), {@code points} (point extraction) and {@code polygons} (pixel extraction) are
 * each {@code null} when the pipeline does not ask for them; at least one is set.
 * Immutable and {@link Serializable}, so any section can be handed to a Flink operator. Loaded by
 * {@link PipelineConfigLoader}; every key and default is listed in {@link PipelineOptions}.
 */
public record PipelineConfig(SourceConfig source, AssetsConfig assets, MaskConfig mask, AggregateConfig aggregate,
        PointsConfig points, PolygonsConfig polygons, OutputConfig output, CheckpointConfig checkpoint, JobConfig job)
        implements Serializable {

    private static final long serialVersionUID = 3L;

    public PipelineConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(assets, "assets");
        Objects.requireNonNull(mask, "mask");
        if (aggregate == null && points == null && polygons == null) {
            throw new IllegalArgumentException("a pipeline needs grid aggregation, point or pixel extraction");
        }
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(job, "job");
    }

    /** Whether the job aggregates the bands into {@code grid_stats} ({@link #aggregate()} is then set). */
    public boolean hasGrid() {
        return aggregate != null;
    }

    /** Whether the job extracts points into {@code points} ({@link #points()} is then set). */
    public boolean hasPoints() {
        return points != null;
    }

    /** Whether the job extracts polygon pixels into {@code pixels} ({@link #polygons()} is then set). */
    public boolean hasPolygons() {
        return polygons != null;
    }
}
