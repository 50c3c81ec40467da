package dev.stacstream.sinks.parquet;

import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveComparator;

/**
 * A BINARY column's page (strings, WKB), PLAIN or dictionary-encoded.
 *
 * <p>PLAIN: each value is encoded as it arrives, a 4-byte little-endian length then the bytes, so a reused buffer
 * may change as soon as {@link #append} returns. Dictionary (for label columns, which repeat a few values over
 * long runs): each value becomes its index in the column chunk's {@link BinaryDictionary}, and a page is a few RLE
 * runs of indices; the dictionary page follows when the row group ends ({@link #endChunk}). If the dictionary
 * outgrows a dictionary page, the chunk's later pages are PLAIN, as parquet-java's writers fall back.
 *
 * <p>A value is looked up in the dictionary, and compared for the statistics, only when it is not the same
 * {@link Binary} instance as the previous one: the label columns get one cached instance for long runs of rows
 * ({@link RecordEmitter}).
 */
final class BinaryColumnPage extends ColumnPage {

    /** Starting capacity of the encoded values; grows to the largest page. */
    private static final int INITIAL_BYTES = 16 * 1024;

    private final PageBytes encoded = new PageBytes(INITIAL_BYTES);
    /** The chunk's dictionary; {@code null} for a PLAIN column. */
    private final BinaryDictionary dictionary;
    /** Whether this chunk's pages are dictionary-encoded (until the dictionary is full). */
    private boolean dictionaryPages;
    private int[] ids;
    private Binary previous;
    private int previousId;
    private Binary min;
    private Binary max;

    BinaryColumnPage(ColumnDescriptor column, int maxRows, boolean statistics, boolean dictionaryEncoded) {
        super(column, maxRows, statistics);
        this.dictionary = dictionaryEncoded ? new BinaryDictionary() : null;
        this.dictionaryPages = dictionaryEncoded;
        this.ids = dictionaryEncoded ? new int[initialCapacity()] : null;
    }

    void append(Binary value) {
        reserve(1);
        int slot = claim();
        if (dictionaryPages) {
            if (value != previous) {
                previousId = dictionary.idOf(value);
            }
            ids[slot] = previousId;
        } else {
            encoded.putLengthPrefixed(value.getBytesUnsafe());
        }
        if (hasStatistics() && value != previous) {
            track(value);
        }
        previous = value;
    }

    /** Appends {@code value} {@code n} times: one dictionary lookup and one statistics update at most. */
    void appendRun(Binary value, int n) {
        if (n == 0) {
            return;
        }
        reserve(n);
        int first = claim(n);
        if (dictionaryPages) {
            if (value != previous) {
                previousId = dictionary.idOf(value);
            }
            Arrays.fill(ids, first, first + n, previousId);
        } else {
            byte[] bytes = value.getBytesUnsafe();
            encoded.ensure(n * (Integer.BYTES + bytes.length));
            for (int i = 0; i < n; i++) {
                encoded.putLengthPrefixedUnchecked(bytes, 0, bytes.length);
            }
        }
        if (hasStatistics() && value != previous) {
            track(value);
        }
        previous = value;
    }

    /**
     * Appends {@code n} values of {@code width} bytes each, packed one after the other in {@code values}; the array
     * may be reused as soon as this returns.
     */
    void appendFixedWidth(byte[] values, int width, int n) {
        if (dictionaryPages || hasStatistics()) {
            // Dictionary ids and statistics compare values one by one; no table writes such a column this way.
            for (int i = 0; i < n; i++) {
                append(Binary.fromReusedByteArray(values, i * width, width));
            }
            return;
        }
        reserve(n);
        claim(n);
        encoded.ensure(n * (Integer.BYTES + width));
        for (int i = 0; i < n; i++) {
            encoded.putLengthPrefixedUnchecked(values, i * width, width);
        }
        previous = null;
    }

    /**
     * How many more rows this page takes before it must end, counting the row that fills it, if each row adds
     * {@code bytesPerRow} bytes of PLAIN values: a page ends once its values reach {@code pageBytes}. Dictionary
     * pages (whose ids are not counted) and values that add nothing (NULLs) never end a page.
     */
    int rowsUntilFull(int pageBytes, int bytesPerRow) {
        if (dictionaryPages || bytesPerRow == 0) {
            return Integer.MAX_VALUE;
        }
        long left = Math.max(1, pageBytes - (long) encoded.size());
        return (int) Math.min(Integer.MAX_VALUE, (left + bytesPerRow - 1) / bytesPerRow);
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

    /** Bytes of the page's PLAIN values so far, before compression: what ends a page of wide values early. */
    long valueBytes() {
        return encoded.size();
    }

    /** A page without values is PLAIN (and empty) even in a dictionary chunk, which may then have no dictionary. */
    @Override
    Encoding valuesEncoding() {
        return dictionaryPages && count() > 0 ? Encoding.PLAIN_DICTIONARY : Encoding.PLAIN;
    }

    /** The ids' array on dictionary pages; PLAIN values go straight into their bytes, which grow by themselves. */
    @Override
    int capacity() {
        return dictionaryPages ? ids.length : Integer.MAX_VALUE;
    }

    @Override
    void resize(int capacity) {
        ids = Arrays.copyOf(ids, capacity);
    }

    @Override
    BytesInput encodeValues(PageBytes levels) {
        if (dictionaryPages) {
            if (count() > 0) {
                dictionary.writeIds(ids, count(), levels);
            }
            return levels.view();
        }
        if (levels.size() == 0) {
            return encoded.view(); // a required column's page is its values: no copy
        }
        levels.put(encoded);
        return levels.view();
    }

    /** The extremes tracked as the values arrived, compared only when a value's instance changed. */
    @Override
    void addMinMax(Statistics<?> statistics) {
        statistics.updateStats(min);
        statistics.updateStats(max);
    }

    @Override
    void clearValues() {
        encoded.reset();
        previous = null;
        min = null;
        max = null;
        if (dictionaryPages && dictionary.full()) {
            dictionaryPages = false;
        }
    }

    /**
     * Ends the column chunk, after its last page: writes the dictionary page if any page used it, and starts the
     * next chunk with an empty dictionary.
     */
    void endChunk(PageWriter out) throws IOException {
        if (dictionary == null) {
            return;
        }
        if (dictionary.size() > 0) {
            out.writeDictionaryPage(dictionary.page());
        }
        dictionary.clear();
        dictionaryPages = true;
    }
}
