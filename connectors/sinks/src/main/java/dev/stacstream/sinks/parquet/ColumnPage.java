package dev.stacstream.sinks.parquet;

import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;

/**
 * The values of one top-level column for the page being filled, encoded as one Parquet V1 data page when the page
 * ends: definition levels for an optional column ({@link DefinitionLevels}), then the non-null values, PLAIN or as
 * the table asks ({@link TableFormat#valuesEncoding}), and min/max/null-count statistics unless the column has none.
 *
 * <p>Values are kept in primitive arrays and encoded column by column in tight loops, rather than pushed value by
 * value through parquet-java's column writers, whose per-value bookkeeping (dictionary lookups, statistics, level
 * encoders) cost more than a microsecond per {@code grid_stats} row. They arrive one at a time (a record) or as
 * runs: a slice of an array copied in one call, or one value repeated.
 *
 * <p>This base keeps what every type shares: the page's row limit, its value and {@code NULL} counts, the
 * definition levels, the growth of the values' array and the statistics' bookkeeping. A subclass keeps the values
 * in an array of its primitive and has only the loops that touch them: appending, encoding and the min/max scan.
 *
 * <p>One instance per column per part file, reused page after page; not thread-safe.
 */
abstract class ColumnPage {

    /**
     * Values a page's arrays hold at first. They double up to the page's row limit, so that a part file of a few
     * rows (most {@code errors} files) does not hold a full page of every column.
     */
    private static final int INITIAL_VALUES = 1024;

    private final ColumnDescriptor column;
    private final int maxRows;
    private final boolean optional;
    private final boolean statistics;
    /** Bit {@code r} set when row {@code r} has a value; {@code null} for a required column. */
    private final long[] defined;
    /** Non-null values in the page: the next value's index in the subclass's array. */
    private int count;
    private int nulls;

    ColumnPage(ColumnDescriptor column, int maxRows, boolean statistics) {
        this.column = column;
        this.maxRows = maxRows;
        this.optional = column.getPrimitiveType().getRepetition() == Repetition.OPTIONAL;
        this.statistics = statistics;
        this.defined = optional ? new long[DefinitionLevels.words(maxRows)] : null;
    }

    /**
     * The page buffer of {@code column} for pages of at most {@code maxRows} rows, its values encoded as
     * {@code encoding}: PLAIN for any type, BYTE_STREAM_SPLIT for DOUBLE, DELTA_BINARY_PACKED for INT64,
     * RLE_DICTIONARY (a dictionary per column chunk) for BINARY. BOOLEAN is PLAIN only, bit-packed, as
     * parquet-java's V1 writers write it (they keep the RLE alternative for V2 data pages, which this writer does not
     * write).
     *
     * @throws IllegalArgumentException naming the column and the encodings its type can have, for another
     *     encoding
     */
    static ColumnPage of(ColumnDescriptor column, int maxRows, boolean statistics, Encoding encoding) {
        PrimitiveType type = column.getPrimitiveType();
        PrimitiveTypeName physical = type.getPrimitiveTypeName();
        boolean supported = encoding == Encoding.PLAIN
                || encoding == Encoding.BYTE_STREAM_SPLIT && physical == PrimitiveTypeName.DOUBLE
                || encoding == Encoding.DELTA_BINARY_PACKED && physical == PrimitiveTypeName.INT64
                || encoding == Encoding.RLE_DICTIONARY && physical == PrimitiveTypeName.BINARY;
        if (!supported) {
            throw new IllegalArgumentException("column " + type.getName() + " is " + physical + ", which the table"
                    + " writer does not encode as " + encoding + " (" + physical + " columns: " + encodingsOf(physical)
                    + ")");
        }
        return switch (physical) {
            case BOOLEAN -> new BooleanColumnPage(column, maxRows, statistics);
            case INT32 -> new IntColumnPage(column, maxRows, statistics);
            case INT64 -> new LongColumnPage(column, maxRows, statistics, encoding == Encoding.DELTA_BINARY_PACKED);
            case DOUBLE -> new DoubleColumnPage(column, maxRows, statistics, encoding == Encoding.BYTE_STREAM_SPLIT);
            case BINARY -> new BinaryColumnPage(column, maxRows, statistics, encoding == Encoding.RLE_DICTIONARY);
            default -> throw new UnsupportedOperationException("column " + type.getName() + " is " + physical
                    + ", which the table writer does not encode");
        };
    }

    /** The encodings {@link #of} accepts for a column of type {@code physical}, for an error message. */
    private static String encodingsOf(PrimitiveTypeName physical) {
        return switch (physical) {
            case DOUBLE -> "PLAIN or BYTE_STREAM_SPLIT";
            case INT64 -> "PLAIN or DELTA_BINARY_PACKED";
            case BINARY -> "PLAIN or RLE_DICTIONARY";
            case BOOLEAN, INT32 -> "PLAIN only";
            default -> "none, the type is not written";
        };
    }

    /** The first capacity of a page's array of values: small, as most part files of some tables are. */
    final int initialCapacity() {
        return Math.min(INITIAL_VALUES, maxRows);
    }

    /**
     * Makes room for {@code more} values after the page's current ones, growing the subclass's array (doubled as
     * often as needed, up to the row limit) when it is too small.
     *
     * @throws IllegalStateException if the page would hold more than its row limit
     */
    final void reserve(int more) {
        int needed = count + more;
        int capacity = capacity();
        if (needed > capacity) {
            if (needed > maxRows) {
                throw new IllegalStateException(String.format("column %s: a page holds at most %s rows, not %s",
                        column.getPrimitiveType().getName(), maxRows, needed));
            }
            int grown = capacity;
            while (grown < needed) {
                grown = (int) Math.min((long) grown * 2, maxRows);
            }
            resize(grown);
        }
    }

    /**
     * Takes the next value's slot, whose room the caller has {@link #reserve}d, and marks its row defined: returns
     * the slot's index in the values' array. A row is either a value or a {@code NULL}, so its index is the two
     * counts' sum.
     */
    final int claim() {
        if (defined != null) {
            DefinitionLevels.setDefined(defined, count + nulls);
        }
        return count++;
    }

    /** Takes the slots of {@code n} values appended in a run, as {@link #claim()} does one; returns the first. */
    final int claim(int n) {
        if (defined != null) {
            DefinitionLevels.setDefined(defined, count + nulls, n);
        }
        int first = count;
        count += n;
        return first;
    }

    /** Non-null values in the page. */
    final int count() {
        return count;
    }

    /** Adds a {@code NULL}; the caller has checked that the column is optional. */
    final void appendNull() {
        nulls++;
    }

    /** Adds {@code count} {@code NULL}s; the caller has checked that the column is optional. */
    final void appendNulls(int count) {
        nulls += count;
    }

    /** How the values are encoded: PLAIN unless a subclass says otherwise. */
    Encoding valuesEncoding() {
        return Encoding.PLAIN;
    }

    /**
     * Encodes the page's {@code rows} rows, using {@code scratch} (which it overwrites), hands the page to
     * {@code out}, which compresses and buffers it for the row group, and empties this buffer for the next page.
     */
    final void writeTo(PageWriter out, int rows, PageBytes scratch) throws IOException {
        PrimitiveType type = column.getPrimitiveType();
        Statistics<?> pageStatistics = statistics ? Statistics.createStats(type) : Statistics.noopStats(type);
        scratch.reset();
        if (optional) {
            DefinitionLevels.write(defined, rows, scratch);
        }
        Encoding encoding = valuesEncoding();
        BytesInput page = encodeValues(scratch);
        if (statistics && count > 0) {
            addMinMax(pageStatistics);
        }
        pageStatistics.incrementNumNulls(nulls);
        out.writePage(page, rows, rows, pageStatistics, null, Encoding.BIT_PACKED,
                optional ? Encoding.RLE : Encoding.BIT_PACKED, encoding);
        if (optional) {
            Arrays.fill(defined, 0, DefinitionLevels.words(rows), 0);
        }
        nulls = 0;
        count = 0;
        clearValues();
    }

    /** The length of the subclass's array of values. */
    abstract int capacity();

    /** Replaces the subclass's array of values by one of {@code capacity} entries holding the same values. */
    abstract void resize(int capacity);

    /**
     * Appends the page's {@link #count()} values, encoded as {@link #valuesEncoding()} says, to the definition
     * levels in {@code levels} (empty for a required column), and returns the whole page.
     */
    abstract BytesInput encodeValues(PageBytes levels);

    /**
     * Records the minimum and maximum of the page's values, of which there is at least one, in {@code statistics},
     * in the order of the column type's comparator (signed or unsigned integers, {@code Double.compare}'s order,
     * {@code false < true}).
     */
    abstract void addMinMax(Statistics<?> statistics);

    /** Forgets what a subclass keeps about the page's values besides the array; nothing by default. */
    void clearValues() {
    }

    /** Whether min/max statistics are kept (the null count always is). */
    final boolean hasStatistics() {
        return statistics;
    }

    /** The column's type, whose comparator orders values for the statistics. */
    final PrimitiveType type() {
        return column.getPrimitiveType();
    }
}
