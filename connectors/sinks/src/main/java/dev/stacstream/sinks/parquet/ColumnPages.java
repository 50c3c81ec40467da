package dev.stacstream.sinks.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageWriteStore;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * The page being filled in every column of a flat schema: takes each record's values from the
 * {@link RecordEmitter}, or runs of rows from a {@link ColumnSink}, and, when told, writes every column's page to a
 * row group's page store. All columns' pages hold the same rows, so a page boundary is a row boundary in every
 * column.
 *
 * <p>A page is full after {@link FileLayout#pageRows()} rows, or once a variable-width (binary) column's values
 * reach {@link FileLayout#pageBytes()}: the row that crosses the limit is the page's last. Rows written in runs end
 * their pages on the same row as rows written one by one ({@link #rowsThatFit}), so both give the same file.
 * Not thread-safe.
 */
final class ColumnPages implements RecordSink {

    /** The encoding buffer's first size; it grows to the largest page encoded in it. */
    private static final int SCRATCH_INITIAL_BYTES = 64 * 1024;

    private final List<ColumnDescriptor> descriptors;
    private final ColumnPage[] pages;
    // The same pages by type, indexed by column (null where the column has another type): no cast per value.
    private final BooleanColumnPage[] booleans;
    private final IntColumnPage[] ints;
    private final LongColumnPage[] longs;
    private final DoubleColumnPage[] doubles;
    private final BinaryColumnPage[] binaries;
    /** The binary pages alone: the only ones whose size is not bounded by their row count. */
    private final List<BinaryColumnPage> variableWidth = new ArrayList<>();
    private final PageBytes scratch;
    private final int maxRows;
    private final int pageBytes;
    private int rows;

    /**
     * Pages for every column of {@code format}'s schema, with min/max statistics and the encodings the format asks
     * for, full as {@code layout} says.
     */
    ColumnPages(TableFormat<?> format, FileLayout layout) {
        this.maxRows = layout.pageRows();
        this.pageBytes = layout.pageBytes();
        MessageType schema = format.schema();
        Set<String> withoutStatistics = format.columnsWithoutStatistics();
        this.descriptors = schema.getColumns();
        int columns = descriptors.size();
        pages = new ColumnPage[columns];
        booleans = new BooleanColumnPage[columns];
        ints = new IntColumnPage[columns];
        longs = new LongColumnPage[columns];
        doubles = new DoubleColumnPage[columns];
        binaries = new BinaryColumnPage[columns];
        for (int i = 0; i < columns; i++) {
            ColumnDescriptor column = descriptors.get(i);
            String name = column.getPath()[0];
            ColumnPage page;
            try {
                page = ColumnPage.of(column, maxRows, !withoutStatistics.contains(name), format.valuesEncoding(name));
            } catch (IllegalArgumentException e) {
                // The page knows its column, not its table; a format asking for the wrong encoding fails here.
                throw new IllegalArgumentException(schema.getName() + ": " + e.getMessage(), e);
            }
            pages[i] = page;
            if (page instanceof BooleanColumnPage p) {
                booleans[i] = p;
            } else if (page instanceof IntColumnPage p) {
                ints[i] = p;
            } else if (page instanceof LongColumnPage p) {
                longs[i] = p;
            } else if (page instanceof DoubleColumnPage p) {
                doubles[i] = p;
            } else {
                binaries[i] = (BinaryColumnPage) page;
                variableWidth.add(binaries[i]);
            }
        }
        scratch = new PageBytes(SCRATCH_INITIAL_BYTES);
    }

    @Override
    public void bool(int column, boolean value) {
        booleans[column].append(value);
    }

    @Override
    public void int32(int column, int value) {
        ints[column].append(value);
    }

    @Override
    public void int64(int column, long value) {
        longs[column].append(value);
    }

    @Override
    public void float64(int column, double value) {
        doubles[column].append(value);
    }

    @Override
    public void binary(int column, Binary value) {
        binaries[column].append(value);
    }

    @Override
    public void nullValue(int column) {
        pages[column].appendNull();
    }

    @Override
    public void endRecord() {
        rows++;
    }

    /** Adds {@code count} rows whose values every column has been given. */
    void endRows(int count) {
        rows += count;
    }

    /** Rows in the current pages. */
    int rows() {
        return rows;
    }

    /** Whether the pages must be written before another row is added. */
    boolean full() {
        return rows >= maxRows || largestVariablePageBytes() >= pageBytes;
    }

    /**
     * How many of the next {@code count} rows the pages take, at least one, when each row adds
     * {@code bytesPerRow[c]} bytes of PLAIN values to binary column {@code c}: up to the row limit, or up to and
     * including the row at which a binary column's page reaches its byte limit, as if the rows came one by one.
     * The pages must not be {@link #full()}.
     */
    int rowsThatFit(int count, int[] bytesPerRow) {
        int fit = Math.min(count, maxRows - rows);
        for (int i = 0; i < binaries.length; i++) {
            if (binaries[i] != null) {
                fit = Math.min(fit, binaries[i].rowsUntilFull(pageBytes, bytesPerRow[i]));
            }
        }
        return fit;
    }

    /**
     * The encoded size of the largest variable-width (binary) page so far, before compression; a fixed-width page
     * is at most its row limit times 8 bytes.
     */
    private long largestVariablePageBytes() {
        long largest = 0;
        for (int i = 0; i < variableWidth.size(); i++) {
            largest = Math.max(largest, variableWidth.get(i).valueBytes());
        }
        return largest;
    }

    /** Column {@code column}'s page, which holds BOOLEAN values. */
    BooleanColumnPage booleanPage(int column) {
        return booleans[column];
    }

    /** Column {@code column}'s page, which holds INT32 values. */
    IntColumnPage int32Page(int column) {
        return ints[column];
    }

    /** Column {@code column}'s page, which holds INT64 values. */
    LongColumnPage int64Page(int column) {
        return longs[column];
    }

    /** Column {@code column}'s page, which holds DOUBLE values. */
    DoubleColumnPage float64Page(int column) {
        return doubles[column];
    }

    /** Column {@code column}'s page, which holds BINARY values. */
    BinaryColumnPage binaryPage(int column) {
        return binaries[column];
    }

    /** Column {@code column}'s page. */
    ColumnPage page(int column) {
        return pages[column];
    }

    /** Ends the row group's column chunks in {@code store}, after their last pages: their dictionary pages. */
    void endRowGroup(PageWriteStore store) throws IOException {
        for (int i = 0; i < binaries.length; i++) {
            if (binaries[i] != null) {
                binaries[i].endChunk(store.getPageWriter(descriptors.get(i)));
            }
        }
    }

    /** Writes the current page of every column to {@code store} and starts new ones. */
    void writeTo(PageWriteStore store) throws IOException {
        for (int i = 0; i < pages.length; i++) {
            pages[i].writeTo(store.getPageWriter(descriptors.get(i)), rows, scratch);
        }
        rows = 0;
    }
}
