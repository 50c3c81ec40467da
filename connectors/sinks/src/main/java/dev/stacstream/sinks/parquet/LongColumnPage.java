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

    private final int maxRows;
    private long[] values;
    /** {@code null} for PLAIN. */
    private final DeltaBinaryPackingValuesWriterForLong delta;
    private int count;

    LongColumnPage(ColumnDescriptor column, int maxRows, boolean statistics, boolean deltaEncoded) {
        super(column, maxRows, statistics);
        this.maxRows = maxRows;
        this.values = new long[Math.min(INITIAL_VALUES, maxRows)];
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
        if (count == values.length) {
            values = Arrays.copyOf(values, grown(count, maxRows));
        }
        markDefined(count);
        values[count++] = value;
    }

    /** Appends {@code source[from, to)}, all defined. */
    void append(long[] source, int from, int to) {
        int n = to - from;
        makeRoom(n);
        markDefined(count, n);
        System.arraycopy(source, from, values, count, n);
        count += n;
    }

    /** Appends {@code value} {@code n} times. */
    void appendRun(long value, int n) {
        makeRoom(n);
        markDefined(count, n);
        Arrays.fill(values, count, count + n, value);
        count += n;
    }

    private void makeRoom(int more) {
        if (count + more > values.length) {
            values = Arrays.copyOf(values, grown(values.length, count + more, maxRows));
        }
    }

    @Override
    BytesInput encodeValues(PageBytes out, Statistics<?> statistics) {
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
        if (count > 0 && hasStatistics()) {
            // The type's comparator: signed for INT64 and timestamps, unsigned for an UINT_64 annotation.
            PrimitiveComparator<Long> order = type().comparator();
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
        return out.view();
    }

    @Override
    void clearValues() {
        count = 0;
    }
}
