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

    private double[] values;
    private final boolean split;

    DoubleColumnPage(ColumnDescriptor column, int maxRows, boolean statistics, boolean split) {
        super(column, maxRows, statistics);
        this.values = new double[initialCapacity()];
        this.split = split;
    }

    @Override
    Encoding valuesEncoding() {
        return split ? Encoding.BYTE_STREAM_SPLIT : Encoding.PLAIN;
    }

    void append(double value) {
        reserve(1);
        values[claim()] = value;
    }

    /** Appends {@code source[from, to)}, all defined, {@code NaN} included. */
    void append(double[] source, int from, int to) {
        int n = to - from;
        reserve(n);
        System.arraycopy(source, from, values, claim(n), n);
    }

    /** Appends {@code source[from, to)} with each {@code NaN} as a {@code NULL}; the column is optional. */
    void appendOrNull(double[] source, int from, int to) {
        reserve(to - from);
        for (int i = from; i < to; i++) {
            double v = source[i];
            if (Double.isNaN(v)) {
                appendNull();
            } else {
                values[claim()] = v;
            }
        }
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
        if (split) {
            out.putByteStreamSplit(values, count);
        } else {
            out.ensure(count * Double.BYTES);
            for (int i = 0; i < count; i++) {
                out.putDoubleLEUnchecked(values[i]);
            }
        }
        return out.view();
    }

    @Override
    void addMinMax(Statistics<?> statistics) {
        // Parquet's order for doubles is Double.compare's: -0.0 before 0.0, NaN after everything, the same result
        // as parquet-java's per-value statistics.
        PrimitiveComparator<Double> order = type().comparator();
        int count = count();
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
}
