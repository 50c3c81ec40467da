package dev.stacstream.sinks.parquet;

import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.schema.PrimitiveComparator;

/** An INT32 column's page: 4 little-endian bytes per value. */
final class IntColumnPage extends ColumnPage {

    private int[] values;

    IntColumnPage(ColumnDescriptor column, int maxRows, boolean statistics) {
        super(column, maxRows, statistics);
        this.values = new int[initialCapacity()];
    }

    void append(int value) {
        reserve(1);
        values[claim()] = value;
    }

    /** Appends {@code source[from, to)}, all defined. */
    void append(int[] source, int from, int to) {
        int n = to - from;
        reserve(n);
        System.arraycopy(source, from, values, claim(n), n);
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
        out.ensure(count * Integer.BYTES);
        for (int i = 0; i < count; i++) {
            out.putIntLEUnchecked(values[i]);
        }
        return out.view();
    }

    @Override
    void addMinMax(Statistics<?> statistics) {
        PrimitiveComparator<Integer> order = type().comparator();
        int count = count();
        int min = values[0];
        int max = values[0];
        for (int i = 1; i < count; i++) {
            int v = values[i];
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
