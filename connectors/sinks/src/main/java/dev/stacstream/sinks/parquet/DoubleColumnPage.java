package dev.stacstream.sinks.parquet;

import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.schema.PrimitiveComparator;

/**
 * A DOUBLE column's page: PLAIN (8 little-endian IEEE 754 bytes per value) or BYTE_STREAM_SPLIT (the same bytes
 * regrouped into 8 streams, byte 0 of every value, then byte 1, ...). The split puts the slowly varying sign,
 * exponent and high mantissa bytes of neighbouring values side by side, which zstd compresses better and faster
 * for values such as integer pixel extremes; it does worse on values with short decimal expansions, such as means.
 */
final class DoubleColumnPage extends ColumnPage {

    private final int maxRows;
    private double[] values;
    private final boolean split;
    private int count;

    DoubleColumnPage(ColumnDescriptor column, int maxRows, boolean statistics, boolean split) {
        super(column, maxRows, statistics);
        this.maxRows = maxRows;
        this.values = new double[Math.min(INITIAL_VALUES, maxRows)];
        this.split = split;
    }

    @Override
    Encoding valuesEncoding() {
        return split ? Encoding.BYTE_STREAM_SPLIT : Encoding.PLAIN;
    }

    void append(double value) {
        if (count == values.length) {
            values = Arrays.copyOf(values, grown(count, maxRows));
        }
        markDefined(count);
        values[count++] = value;
    }

    /** Appends {@code source[from, to)}, all defined, {@code NaN} included. */
    void append(double[] source, int from, int to) {
        int n = to - from;
        makeRoom(n);
        markDefined(count, n);
        System.arraycopy(source, from, values, count, n);
        count += n;
    }

    /** Appends {@code source[from, to)} with each {@code NaN} as a {@code NULL}; the column is optional. */
    void appendOrNull(double[] source, int from, int to) {
        makeRoom(to - from);
        for (int i = from; i < to; i++) {
            double v = source[i];
            if (Double.isNaN(v)) {
                appendNull();
            } else {
                markDefined(count);
                values[count++] = v;
            }
        }
    }

    private void makeRoom(int more) {
        if (count + more > values.length) {
            values = Arrays.copyOf(values, grown(values.length, count + more, maxRows));
        }
    }

    @Override
    BytesInput encodeValues(PageBytes out, Statistics<?> statistics) {
        out.ensure(count * Double.BYTES);
        if (split) {
            out.putByteStreamSplit(values, count);
        } else {
            for (int i = 0; i < count; i++) {
                out.putDoubleLEUnchecked(values[i]);
            }
        }
        if (count > 0 && hasStatistics()) {
            // Parquet's order for doubles is Double.compare's: -0.0 before 0.0, NaN after everything, the same
            // result as parquet-java's per-value statistics.
            PrimitiveComparator<Double> order = type().comparator();
            double min = values[0];
            double max = values[0];
            for (int i = 1; i < count; i++) {
                double v = values[i];
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
