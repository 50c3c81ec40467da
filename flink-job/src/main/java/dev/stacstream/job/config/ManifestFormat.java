package dev.stacstream.job.config;

import java.util.Optional;

/** A form of the kerchunk reference manifests ({@code output.manifests}). */
public enum ManifestFormat {
    /** Kerchunk JSON version 1: one file per item and per time stack. */
    JSON,
    /** Kerchunk's Parquet reference layout: a folder per item and per time stack. */
    PARQUET;

    /** The name in a pipeline file: {@code json} or {@code parquet}. */
    public String yamlName() {
        return YamlNames.of(this);
    }

    public static Optional<ManifestFormat> fromYamlName(String name) {
        return YamlNames.lookup(ManifestFormat.class, name);
    }
}
