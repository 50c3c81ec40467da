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
    /**
     * Target size of a binary column's page, parquet-java's default: the WKB geometry (97 bytes a row) ends a page
     * every 10,810 rows. Measured on one W tile with the batch writer (2.41 M rows, writing thread's CPU, two
     * interleaved rounds on the shared 2-core machine): 2 MiB pages (the 20,000-row limit then binds) make the file
     * 1.3 % smaller (33.11 MB) for no measurable CPU difference, 512 KiB pages 5 % larger (35.22 MB) and no faster;
     * not worth halving the page index's granularity for 1 %.
     */
    static final int PAGE_SIZE_BYTES = 1024 * 1024;
    /** Rows per page, parquet-java's default page row-count limit. */
    static final int PAGE_ROWS = 20_000;
    /**
     * zstd level, 3 (zstd's default): both the smallest and, within noise, the fastest. Measured on one W tile with
     * the batch writer (2.41 M rows, writing thread's CPU per row, batches built beforehand, three rounds on the
     * shared 2-core machine): level 3 317-360 ns and 33.5 MB, level 1 342-366 ns (one round 597) and 42.2 MB,
     * level -1 324-381 ns and 53.9 MB (level 4 was no smaller, 33.4 MB, and slower with the row writer). zstd is most
     * of that time, and most of zstd is the WKB geometry (234 MB of PLAIN values per tile, 11.4 MB compressed): on its
     * own 178 ns per row at level 3 and 150 at level 1, a saving that level 1 loses again on the numeric columns (a
     * page of cell-centre x: 2.3 GB/s and 425 bytes at level 3, 0.7 GB/s and 6.6 kB at level 1).
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
