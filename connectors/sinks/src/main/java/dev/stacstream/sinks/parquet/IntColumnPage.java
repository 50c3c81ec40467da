package dev.stacstream.sinks.parquet;

import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.schema.PrimitiveComparator;

/** An INT32 column's page: 4 little-endian bytes per value. */
final class IntColumnPage extends ColumnPage {

    private final int maxRows;
    private int[] values;
    private int count;

    IntColumnPage(ColumnDescriptor column, int maxRows, boolean statistics) {
        super(column, maxRows, statistics);
        this.maxRows = maxRows;
        this.values = new int[Math.min(INITIAL_VALUES, maxRows)];
    }

    void append(int value) {
        if (count == values.length) {
            values = Arrays.copyOf(values, grown(count, maxRows));
        }
        markDefined(count);
        values[count++] = value;
    }

    /** Appends {@code source[from, to)}, all defined. */
    void append(int[] source, int from, int to) {
        int n = to - from;
        makeRoom(n);
        markDefined(count, n);
        System.arraycopy(source, from, values, count, n);
        count += n;
    }

    private void makeRoom(int more) {
        if (count + more > values.length) {
            values = Arrays.copyOf(values, grown(values.length, count + more, maxRows));
        }
    }

    @Override
    BytesInput encodeValues(PageBytes out, Statistics<?> statistics) {
        out.ensure(count * Integer.BYTES);
        for (int i = 0; i < count; i++) {
            out.putIntLEUnchecked(values[i]);
        }
        if (count > 0 && hasStatistics()) {
            PrimitiveComparator<Integer> order = type().comparator();
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
        return out.view();
    }

    @Override
    void clearValues() {
        count = 0;
    }
}
