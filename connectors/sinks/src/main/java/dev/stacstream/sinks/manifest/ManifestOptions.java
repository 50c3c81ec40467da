package dev.stacstream.sinks.manifest;

import dev.stacstream.sinks.kerchunk.parquet.ParquetLayout;
import java.io.Serializable;

/**
 * Which manifest forms the job writes: kerchunk JSON, kerchunk Parquet references, or both, and the Parquet
 * record size of new manifests.
 *
 * @param json write {@code <id>.json} per item and {@code <asset>.json} per time stack
 * @param parquet write {@code <id>.parq/} per item and {@code <asset>.parq/} per time stack
 * @param recordSize rows per Parquet record file of a new manifest (an existing time stack keeps its own)
 */
public record ManifestOptions(boolean json, boolean parquet, int recordSize) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ManifestOptions {
        if (!json && !parquet) {
            throw new IllegalArgumentException("manifest options with neither JSON nor Parquet write nothing;"
                    + " leave the manifest sink out instead");
        }
        ParquetLayout.checkRecordSize(recordSize);
    }

    /** Both forms, with fsspec's default record size. */
    public static ManifestOptions defaults() {
        return new ManifestOptions(true, true, ParquetLayout.DEFAULT_RECORD_SIZE);
    }
}
