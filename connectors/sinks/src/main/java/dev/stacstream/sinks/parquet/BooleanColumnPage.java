package dev.stacstream.sinks.parquet;

import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;

/**
 * A BOOLEAN column's page, PLAIN: one bit per non-null value, value {@code 8g + i} in bit {@code i} of byte
 * {@code g} (least significant bit first), the last byte padded with zeros, {@code ceil(count / 8)} bytes in all.
 * That is the byte order of a little-endian bit set, as for the definition levels ({@link DefinitionLevels}), so
 * the values are kept as one: appending a value sets a bit, and encoding the page copies the bit set's bytes
 * rather than packing value by value. Bits past the page's values stay zero, which is the padding.
 *
 * <p>The base's capacity is counted in values, as for the other pages, and never passes the row limit: a bit set
 * rounded up to whole words would otherwise take a value past the limit without the base noticing.
 */
final class BooleanColumnPage extends ColumnPage {

    /** Bit {@code i} is value {@code i}; zero past the page's values. */
    private long[] bits;
    /** Values {@link #bits} may hold: what the base asked for, at most the page's row limit. */
    private int capacity;

    BooleanColumnPage(ColumnDescriptor column, int maxRows, boolean statistics) {
        super(column, maxRows, statistics);
        this.capacity = initialCapacity();
        this.bits = new long[DefinitionLevels.words(capacity)];
    }

    void append(boolean value) {
        reserve(1);
        int slot = claim();
        if (value) {
            bits[slot >>> 6] |= 1L << slot;
        }
    }

    /** Appends {@code source[from, to)}, all defined. */
    void append(boolean[] source, int from, int to) {
        int n = to - from;
        reserve(n);
        int slot = claim(n);
        for (int i = from; i < to; i++, slot++) {
            if (source[i]) {
                bits[slot >>> 6] |= 1L << slot;
            }
        }
    }

    @Override
    int capacity() {
        return capacity;
    }

    @Override
    void resize(int capacity) {
        this.capacity = capacity;
        bits = Arrays.copyOf(bits, DefinitionLevels.words(capacity));
    }

    @Override
    BytesInput encodeValues(PageBytes out) {
        out.putWordsLE(bits, (count() + Byte.SIZE - 1) / Byte.SIZE);
        return out.view();
    }

    /** {@code false < true}, Parquet's order for BOOLEAN: the minimum is true only if every value is. */
    @Override
    void addMinMax(Statistics<?> statistics) {
        int count = count();
        int words = DefinitionLevels.words(count);
        int trues = 0;
        for (int w = 0; w < words; w++) {
            trues += Long.bitCount(bits[w]);
        }
        statistics.updateStats(trues == count);
        statistics.updateStats(trues > 0);
    }

    /**
     * Zeroes the bit set, which {@link #append} only ever sets bits in: at most a page's row limit over 64 words
     * (313 for the job's 20,000 rows), as the page's count is already reset when this runs.
     */
    @Override
    void clearValues() {
        Arrays.fill(bits, 0);
    }
}
