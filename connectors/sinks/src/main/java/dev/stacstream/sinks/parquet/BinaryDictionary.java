package dev.stacstream.sinks.parquet;

import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.io.api.Binary;

/**
 * The dictionary of one BINARY column chunk (one row group of one column): distinct values in order of first
 * appearance, whose index a dictionary-encoded data page stores instead of the value. Written as the chunk's
 * dictionary page, the values PLAIN encoded, once the row group ends. Not thread-safe.
 */
final class BinaryDictionary {

    /** parquet-java's default dictionary page size: past it, a column's next pages are PLAIN. */
    static final int MAX_BYTES = 1024 * 1024;

    private static final int INITIAL_BYTES = 256;
    /** Largest value of an RLE run header's count, shifted left by one: a run of at most 2^30 - 1 ids. */
    private static final int MAX_RUN = (1 << 30) - 1;

    private final Map<Binary, Integer> ids = new HashMap<>();
    private final PageBytes values = new PageBytes(INITIAL_BYTES);

    /** The index of {@code value}, added if new; a new value is copied, so a reused buffer may change after. */
    int idOf(Binary value) {
        Integer id = ids.get(value);
        if (id == null) {
            id = ids.size();
            ids.put(value.copy(), id);
            values.putLengthPrefixed(value.getBytesUnsafe());
        }
        return id;
    }

    int size() {
        return ids.size();
    }

    /** Whether the dictionary has outgrown a dictionary page, so that the column should fall back to PLAIN. */
    boolean full() {
        return values.size() > MAX_BYTES;
    }

    /** The chunk's dictionary page; its bytes are valid until the dictionary is next changed. */
    DictionaryPage page() {
        return new DictionaryPage(values.view(), size(), Encoding.PLAIN_DICTIONARY);
    }

    void clear() {
        ids.clear();
        values.reset();
    }

    /**
     * Appends ids {@code [0, count)} as a dictionary-encoded page's values: a byte with the bit width of the
     * largest id, then the ids in the RLE/bit-packing hybrid encoding, one RLE run per run of equal ids (a label
     * column's page is mostly one or a few runs).
     */
    void writeIds(int[] pageIds, int count, PageBytes out) {
        int bitWidth = Integer.SIZE - Integer.numberOfLeadingZeros(size() - 1);
        int valueBytes = (bitWidth + Byte.SIZE - 1) / Byte.SIZE;
        out.putByte((byte) bitWidth);
        int start = 0;
        while (start < count) {
            int id = pageIds[start];
            int end = start + 1;
            while (end < count && pageIds[end] == id && end - start < MAX_RUN) {
                end++;
            }
            out.putUnsignedVarInt((end - start) << 1);
            out.putLittleEndian(id, valueBytes);
            start = end;
        }
    }
}
