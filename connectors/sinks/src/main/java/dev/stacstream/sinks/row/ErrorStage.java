package dev.stacstream.sinks.row;

import java.util.Locale;

/** The pipeline stage at which an item, asset or block failed: the {@code stage} column of {@code errors}. */
public enum ErrorStage {
    /** Finding items: a catalog page or item document could not be read or parsed. */
    DISCOVER,
    /** Reading an asset's header, choosing the level and planning blocks. */
    PLAN,
    /** Fetching a block's bytes. */
    READ,
    /** Decompressing and un-predicting a block. */
    DECODE,
    /** Applying the mask, nodata and scale/offset rules. */
    MASK,
    /** Computing or merging statistics. */
    AGGREGATE,
    /** Expressing an asset as kerchunk references, or adding it to a time stack. */
    MANIFEST;

    /** The value written to the table: the lower-case name, e.g. {@code read}. */
    public String columnValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
