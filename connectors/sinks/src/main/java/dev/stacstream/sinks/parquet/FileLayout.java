package dev.stacstream.sinks.parquet;

import java.io.Serializable;

/**
 * How a part file is cut into row groups and pages, and how hard pages are compressed.
 *
 * @param rowGroupBytes a row group is closed once its compressed pages reach this size; it bounds a writer's
 *     memory, since a row group is buffered until it is closed
 * @param pageBytes a page ends once a variable-width (binary) column's page reaches this size before compression
 * @param pageRows a page ends after this many rows: the granularity of the page index that readers use to skip
 *     pages by their statistics
 * @param zstdLevel the zstd compression level of every page
 */
record FileLayout(long rowGroupBytes, int pageBytes, int pageRows, int zstdLevel) implements Serializable {

    /** Upper bound of a row group's buffered (compressed) size before it is written. */
    static final long ROW_GROUP_SIZE_BYTES = 32L * 1024 * 1024;
    /** Target size of a binary column's page. */
    static final int PAGE_SIZE_BYTES = 1024 * 1024;
    /** Rows per page, parquet-java's default page row-count limit. */
    static final int PAGE_ROWS = 20_000;
    /**
     * zstd level, 3 (zstd's default). Measured on one W tile (GridStatsWriteBenchmark, 2.41 M rows, thread CPU per
     * row and file size): level 1 is 507 ns and 42.2 MB, level 2 514 ns and 42.3 MB, level 3 638 ns and 33.5 MB,
     * level 4 no smaller (33.4 MB) but slower. A fifth of the time is not worth a quarter more bytes to store and
     * read; most of the difference is the WKB geometry, which level 3's larger match tables compress far better.
     */
    static final int ZSTD_LEVEL = 3;

    /** The layout of the job's part files. */
    static final FileLayout DEFAULT = new FileLayout(ROW_GROUP_SIZE_BYTES, PAGE_SIZE_BYTES, PAGE_ROWS, ZSTD_LEVEL);

    FileLayout {
        if (rowGroupBytes <= 0 || pageBytes <= 0 || pageRows <= 0) {
            throw new IllegalArgumentException(String.format(
                    "row group bytes %s, page bytes %s and page rows %s must be positive", rowGroupBytes, pageBytes,
                    pageRows));
        }
    }
}
