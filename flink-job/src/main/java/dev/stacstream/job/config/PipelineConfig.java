package dev.stacstream.job.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * A validated pipeline file: what to read, how to mask and aggregate it, where to write, and how the job runs.
 * Immutable and {@link Serializable}, so any section can be handed to a Flink operator. Loaded by
 * {@link PipelineConfigLoader}; every key and default is listed in {@link PipelineOptions}.
 */
public record PipelineConfig(SourceConfig source, AssetsConfig assets, MaskConfig mask, AggregateConfig aggregate,
        OutputConfig output, CheckpointConfig checkpoint, JobConfig job) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PipelineConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(assets, "assets");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(job, "job");
    }
}
