package dev.stacstream.sinks.kerchunk.parquet;

import dev.stacstream.sinks.kerchunk.ReferenceSet;

/** File names and record arithmetic of kerchunk's Parquet reference layout (spec §1.2). */
public final class ParquetLayout {

    /** The metadata file at the root. */
    public static final String ZMETADATA = ".zmetadata";
    /** fsspec {@code LazyReferenceMapper.create}'s default rows per record file. */
    public static final int DEFAULT_RECORD_SIZE = 10_000;

    private ParquetLayout() {}

    /** {@code <array path>/refs.<record>.parq}. */
    public static String recordPath(String arrayPath, long record) {
        return ReferenceSet.key(arrayPath, "refs." + record + ".parq");
    }

    /** Number of record files of an array of {@code chunks} chunks. */
    public static long records(long chunks, int recordSize) {
        return (chunks + recordSize - 1) / recordSize;
    }

    /** Checks a record size given by a user or read from a manifest. */
    public static int checkRecordSize(long recordSize) {
        if (recordSize <= 0 || recordSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("record size " + recordSize + " is not a positive int");
        }
        return (int) recordSize;
    }
}
