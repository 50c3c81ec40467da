package dev.stacstream.sinks.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveComparator;

/**
 * A BINARY column's page (strings, WKB): each value PLAIN encoded as it arrives, a 4-byte little-endian length
 * then the bytes, so a reused buffer may change as soon as {@link #append} returns.
 *
 * <p>Statistics compare a value only when it is not the same {@link Binary} instance as the previous one: the
 * label columns get the same cached instance for long runs of rows ({@link RecordEmitter}).
 */
final class BinaryColumnPage extends ColumnPage {

    /** Starting capacity of the encoded values; grows to the largest page. */
    private static final int INITIAL_BYTES = 16 * 1024;

    private final PageBytes encoded = new PageBytes(INITIAL_BYTES);
    private int count;
    private Binary previous;
    private Binary min;
    private Binary max;

    BinaryColumnPage(ColumnDescriptor column, int maxRows, boolean statistics) {
        super(column, maxRows, statistics);
    }

    void append(Binary value) {
        markDefined(count);
        count++;
        encoded.putLengthPrefixed(value.getBytesUnsafe());
        if (hasStatistics() && value != previous) {
            track(value);
        }
        previous = value;
    }

    private void track(Binary value) {
        PrimitiveComparator<Binary> order = type().comparator();
        // copy(): a reused buffer's value must not change under the statistics; a constant one is not copied.
        if (min == null || order.compare(value, min) < 0) {
            min = value.copy();
        }
        if (max == null || order.compare(value, max) > 0) {
            max = value.copy();
        }
    }

    /** Bytes of the page's values so far, before compression: what ends a page of wide values early. */
    long valueBytes() {
        return encoded.size();
    }

    @Override
    BytesInput encodeValues(PageBytes levels, Statistics<?> statistics) {
        if (min != null) {
            statistics.updateStats(min);
            statistics.updateStats(max);
        }
        if (levels.size() == 0) {
            return encoded.view(); // a required column's page is its values: no copy
        }
        levels.put(encoded);
        return levels.view();
    }

    @Override
    void clearValues() {
        count = 0;
        encoded.reset();
        previous = null;
        min = null;
        max = null;
    }
}
