package dev.stacstream.sinks.parquet;

import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.apache.parquet.schema.PrimitiveComparator;

/**
 * An INT64 column's page (plain integers and timestamps): PLAIN, 8 little-endian bytes per value, or
 * DELTA_BINARY_PACKED, the differences between neighbours bit-packed in blocks, for indices that step by small
 * amounts. The delta encoding is parquet-java's own writer, fed from the page's array.
 */
final class LongColumnPage extends ColumnPage {

    /** The delta writer's initial buffer; it grows in slabs as needed. */
    private static final int DELTA_INITIAL_BYTES = 4 * 1024;

    private long[] values;
    /** {@code null} for PLAIN. */
    private final DeltaBinaryPackingValuesWriterForLong delta;

    LongColumnPage(ColumnDescriptor column, int maxRows, boolean statistics, boolean deltaEncoded) {
        super(column, maxRows, statistics);
        this.values = new long[initialCapacity()];
        // A size hint, not a limit: the slabs it allocates grow towards about a PLAIN page.
        int pageBytes = Math.max(DELTA_INITIAL_BYTES, maxRows * Long.BYTES);
        this.delta = deltaEncoded ? new DeltaBinaryPackingValuesWriterForLong(DELTA_INITIAL_BYTES, pageBytes,
                HeapByteBufferAllocator.getInstance()) : null;
    }

    @Override
    Encoding valuesEncoding() {
        return delta == null ? Encoding.PLAIN : Encoding.DELTA_BINARY_PACKED;
    }

    void append(long value) {
        reserve(1);
        values[claim()] = value;
    }

    /** Appends {@code source[from, to)}, all defined. */
    void append(long[] source, int from, int to) {
        int n = to - from;
        reserve(n);
        System.arraycopy(source, from, values, claim(n), n);
    }

    /** Appends {@code value} {@code n} times. */
    void appendRun(long value, int n) {
        reserve(n);
        int first = claim(n);
        Arrays.fill(values, first, first + n, value);
    }

    @Override
    int capacity() {
        return values.length;
    }

    @Override
    void resize(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    BytesInput encodeValues(PageBytes out) {
        int count = count();
        if (delta == null) {
            out.ensure(count * Long.BYTES);
            for (int i = 0; i < count; i++) {
                out.putLongLEUnchecked(values[i]);
            }
        } else {
            delta.reset();
            for (int i = 0; i < count; i++) {
                delta.writeLong(values[i]);
            }
            out.put(delta.getBytes());
        }
        return out.view();
    }

    @Override
    void addMinMax(Statistics<?> statistics) {
        // The type's comparator: signed for INT64 and timestamps, unsigned for an UINT_64 annotation.
        PrimitiveComparator<Long> order = type().comparator();
        int count = count();
        long min = values[0];
        long max = values[0];
        for (int i = 1; i < count; i++) {
            long v = values[i];
            if (order.compare(v, min) < 0) {
                min = v;
            }
            if (order.compare(v, max) > 0) {
                max = v;
            }
        }
        statistics.updateStats(min);
        statistics.updateStats(max);
    }
}
