package dev.stacstream.job.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.job.aggregate.CellColumns;
import dev.stacstream.sinks.row.OutputPeriod;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ChunkPartialCodecTest {

    private static final OutputPeriod DAY = OutputPeriod.day(LocalDate.of(2020, 2, 19));
    private static final OutputGrid GRID = new OutputGrid("EPSG:32629", 199980, 2800020, 1000, 1000);
    /** The extent (4 bytes) and the item-counts flag. */
    private static final int EXTENT_BYTES = 5;
    /** Each row of the extent starts with its byte length and a byte of flags (the widths of its fields). */
    private static final int ROW_LENGTH_BYTES = 2;
    private static final int ROW_FLAGS_BYTES = 1;
    private static final int CURRENT = new ChunkPartialCodec().version();

    private static ChunkPartial partial(CellChunk cells) {
        return new ChunkPartial("item-1", "c", "t", "red", DAY, GRID, 3, 4, 1234L, cells);
    }

    /** A window-like rectangle of W cells: 100 pixels each, some partly and some fully masked, values eighths. */
    private static CellColumns windowCells(int width, int height) {
        CellColumns cells = CellColumns.allocate(width, height);
        for (int k = 0; k < width * height; k++) {
            for (int p = 0; p < 100; p++) {
                cells.addPixel(k, k % 7 != 3 && (k % 5 != 0 || p < 40), 1200 + (k * 13 + p * 7) % 900 / 8.0);
            }
        }
        return cells;
    }

    static Stream<Arguments> chunks() {
        return Stream.of(
                Arguments.of("empty", (Supplier<CellChunk>) CellChunk::new),
                Arguments.of("a 13 x 52 window part at (51, 12)", (Supplier<CellChunk>) () -> CellChunk.of(51, 12,
                        windowCells(13, 52))),
                Arguments.of("a region of a window's cells (a view with a stride)", (Supplier<CellChunk>) () ->
                        CellChunk.of(0, 0, windowCells(100, 70).region(36, 6, 64, 64))),
                Arguments.of("a period accumulator with item counts, clipped at the grid edge", (Supplier<CellChunk>) () -> {
                    CellChunk period = new CellChunk();
                    period.mergeWindow(CellChunk.of(0, 0, windowCells(10, 64)), new long[CellChunk.ITEM_MASK_WORDS]);
                    period.mergeWindow(CellChunk.of(0, 0, windowCells(10, 20)), new long[CellChunk.ITEM_MASK_WORDS]);
                    return period;
                }),
                Arguments.of("cells with pixels but none valid, and gaps", (Supplier<CellChunk>) () -> {
                    CellChunk c = new CellChunk();
                    c.addPixel(5, false, 0);
                    c.addPixel(CellChunk.CELLS - 1, true, -2.5);
                    return c;
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunks")
    void theCurrentVersionRoundTripsEveryCell(String name, Supplier<CellChunk> chunk) throws IOException {
        CellChunk cells = chunk.get();
        ChunkPartial back = CodecRoundTripTest.roundTrip(new ChunkPartialCodec(), partial(cells));
        assertThat(back.withCells(null)).isEqualTo(partial(cells).withCells(null));
        assertSameCells(back.cells(), cells);
        assertThat(back.cells().width()).isEqualTo(cells.width());
        assertThat(back.cells().x0()).isEqualTo(cells.x0());
    }

    /** One cell: the valid pixels' values, {@code invalid} more pixels; and the cell's expected bytes. */
    record CellBytes(String name, double[] valid, int invalid, int bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A cell's bytes, in a one-cell row after the row's length and flags: counts as bytes when they fit, sum, min
     * and max as ints when whole and in int range (as integer samples give) else as doubles, m2 as a double.
     */
    static Stream<CellBytes> cellBytes() {
        double[] dns = new double[100];
        double[] eighths = new double[100];
        for (int p = 0; p < dns.length; p++) {
            dns[p] = 1200 + p;
            eighths[p] = (p + 1) / 8.0;
        }
        double[] manyDns = new double[300];
        java.util.Arrays.fill(manyDns, 4000);
        return Stream.of(
                new CellBytes("no valid pixel: the two counts", new double[0], 100, 1 + 1),
                new CellBytes("W: 100 DNs 1200..1299: byte counts, int values, m2", dns, 0,
                        1 + 1 + 3 * Integer.BYTES + Double.BYTES),
                new CellBytes("eighths: values as doubles", eighths, 0, 1 + 1 + 4 * Double.BYTES),
                new CellBytes("-0.0 and 5: values as doubles (the sign of the minimum kept)", new double[] {-0.0, 5}, 98,
                        1 + 1 + 4 * Double.BYTES),
                new CellBytes("300 pixels: counts as longs", manyDns, 0, 2 * Long.BYTES + 3 * Integer.BYTES + Double.BYTES),
                new CellBytes("a sum beyond int range: values as doubles", new double[] {2e9, 2e9}, 0,
                        1 + 1 + 4 * Double.BYTES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cellBytes")
    void aCellsBytesFollowItsValues(CellBytes c) throws IOException {
        CellColumns cells = CellColumns.allocate(1, 1);
        for (double v : c.valid()) {
            cells.addPixel(0, true, v);
        }
        for (int p = 0; p < c.invalid(); p++) {
            cells.addPixel(0, false, p);
        }
        ChunkPartial p = partial(CellChunk.of(62, 0, cells));
        DataOutputSerializer empty = new DataOutputSerializer(256);
        new ChunkPartialCodec().write(partial(new CellChunk()), empty);
        DataOutputSerializer out = new DataOutputSerializer(256);
        new ChunkPartialCodec().write(p, out);
        assertThat(out.length() - empty.length()).isEqualTo(ROW_LENGTH_BYTES + ROW_FLAGS_BYTES + c.bytes());

        CellChunk back = CodecRoundTripTest.roundTrip(new ChunkPartialCodec(), p).cells();
        assertSameCells(back, p.cells());
        assertThat(Double.doubleToRawLongBits(back.min(62))).isEqualTo(Double.doubleToRawLongBits(p.cells().min(62)));
    }

    /** Cells of version 1 records, as ChunkPartialCodec wrote them before the extent form: the fixture table. */
    record V1Cell(int index, long total, long valid, double sum, double min, double max, double mean, double m2, int items) {}

    static Stream<Arguments> version1Records() {
        return Stream.of(
                Arguments.of("no used cell", List.of()),
                Arguments.of("one W cell and one fully masked cell", List.of(
                        new V1Cell(0, 100, 60, 90_000, 1200, 1800, 1500, 2.5e6, 0),
                        new V1Cell(65, 100, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0, 0))),
                Arguments.of("a period accumulator's last cell with items", List.of(
                        new V1Cell(CellChunk.CELLS - 1, 300, 290, 290 * 0.125, -1, 1, 0.125, 17.5, 3))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("version1Records")
    void version1RecordsAreStillRead(String name, List<V1Cell> used) throws IOException {
        ChunkPartial header = partial(new CellChunk());
        DataOutputSerializer out = new DataOutputSerializer(256);
        writeVersion1(header, used, out);

        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        ChunkPartial back = new ChunkPartialCodec().read(1, in);
        assertThat(in.available()).isZero();
        assertThat(back.withCells(null)).isEqualTo(header.withCells(null));
        CellChunk c = back.cells();
        long usedCells = 0;
        for (int i = 0; i < CellChunk.CELLS; i++) {
            usedCells += c.countTotal(i) > 0 ? 1 : 0;
        }
        assertThat(usedCells).isEqualTo(used.size());
        for (V1Cell cell : used) {
            int i = cell.index();
            assertThat(c.countTotal(i)).isEqualTo(cell.total());
            assertThat(c.countValid(i)).isEqualTo(cell.valid());
            assertThat(c.items(i)).isEqualTo(cell.items());
            if (cell.valid() > 0) {
                assertThat(c.sum(i)).isEqualTo(cell.sum());
                assertThat(c.min(i)).isEqualTo(cell.min());
                assertThat(c.max(i)).isEqualTo(cell.max());
                assertThat(c.mean(i)).isEqualTo(cell.mean());
                assertThat(c.std(i)).isEqualTo(Math.sqrt(cell.m2() / cell.valid()));
            } else {
                assertThat(c.mean(i)).isNaN();
                assertThat(c.min(i)).isNaN();
            }
        }
        // and a chunk read from version 1 merges on like any other
        int itemsBefore = c.items(0);
        c.mergeWindow(CellChunk.of(0, 0, windowCells(1, 1)), new long[CellChunk.ITEM_MASK_WORDS]);
        assertThat(c.items(0)).isEqualTo(itemsBefore + 1);
    }

    /** Version 2 records (window counts in the header, then the extent as now) are still read. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("chunks")
    void version2RecordsAreStillRead(String name, Supplier<CellChunk> chunk) throws IOException {
        CellChunk cells = chunk.get();
        DataOutputSerializer out = new DataOutputSerializer(256);
        writeVersion1Or2Header(partial(cells), out);
        CellChunkCodec.write(cells, out);

        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        ChunkPartial back = new ChunkPartialCodec().read(2, in);
        assertThat(in.available()).isZero();
        assertThat(back.withCells(null)).isEqualTo(partial(cells).withCells(null));
        assertSameCells(back.cells(), cells);
    }

    @Test
    void aCorruptExtentIsRejected() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        new ChunkPartialCodec().write(partial(new CellChunk()), out);
        byte[] bytes = out.getCopyOfBuffer();
        bytes[bytes.length - EXTENT_BYTES] = 60; // x0 of a 0-wide extent: fine
        bytes[bytes.length - EXTENT_BYTES + 2] = 5; // width 5 from column 60: past the chunk
        assertThatThrownBy(() -> new ChunkPartialCodec().read(CURRENT, new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class).hasMessageContaining("5x0 cells at (60, 0)");
    }

    @Test
    void aRowWhoseLengthDisagreesWithItsCellsIsRejected() throws IOException {
        CellColumns cells = CellColumns.allocate(2, 1);
        cells.addPixel(0, true, 7);
        DataOutputSerializer empty = new DataOutputSerializer(256);
        new ChunkPartialCodec().write(partial(new CellChunk()), empty);
        DataOutputSerializer out = new DataOutputSerializer(256);
        new ChunkPartialCodec().write(partial(CellChunk.of(0, 0, cells)), out);
        byte[] bytes = out.getCopyOfBuffer();
        int rowStart = empty.length(); // the same header and extent bytes, then the one row
        int rowLength = bytes.length - rowStart - ROW_LENGTH_BYTES;
        assertThat(rowLength).as("flags, a 7 in 22 bytes, an empty cell in 1").isEqualTo(24);

        DataOutputSerializer longer = new DataOutputSerializer(256);
        longer.write(bytes, 0, rowStart);
        longer.writeShort(rowLength + 1);
        longer.write(bytes, rowStart + ROW_LENGTH_BYTES, rowLength);
        longer.writeByte(0);
        assertThatThrownBy(() -> new ChunkPartialCodec().read(CURRENT, new DataInputDeserializer(longer.getCopyOfBuffer())))
                .isInstanceOf(IOException.class).hasMessageContaining("chunk row 0 has 25 bytes but its 2 cells took 24");

        DataOutputSerializer shorter = new DataOutputSerializer(256);
        shorter.write(bytes, 0, rowStart);
        shorter.writeShort(rowLength - 1);
        shorter.write(bytes, rowStart + ROW_LENGTH_BYTES, rowLength - 1);
        assertThatThrownBy(() -> new ChunkPartialCodec().read(CURRENT, new DataInputDeserializer(shorter.getCopyOfBuffer())))
                .isInstanceOf(IOException.class).hasMessageContaining("corrupt chunk row 0 (23 bytes)");
    }

    private static void assertSameCells(CellChunk got, CellChunk want) {
        for (int i = 0; i < CellChunk.CELLS; i++) {
            String cell = "cell " + i;
            assertThat(got.countTotal(i)).as(cell).isEqualTo(want.countTotal(i));
            assertThat(got.countValid(i)).as(cell).isEqualTo(want.countValid(i));
            assertSame(got.sum(i), want.sum(i), cell);
            assertSame(got.min(i), want.min(i), cell);
            assertSame(got.max(i), want.max(i), cell);
            assertSame(got.mean(i), want.mean(i), cell);
            assertSame(got.std(i), want.std(i), cell);
            assertThat(got.items(i)).as(cell).isEqualTo(want.items(i));
        }
    }

    /**
     * The header as versions 1 and 2 wrote it: the current fields with two window counts of the per-item merge
     * stage (expected and merged) between the chunk position and the event time.
     */
    private static void writeVersion1Or2Header(ChunkPartial p, DataOutputSerializer out) throws IOException {
        DataOutputSerializer current = new DataOutputSerializer(256);
        new ChunkPartialCodec().write(p.withCells(new CellChunk()), current);
        int eventTimeAt = current.length() - EXTENT_BYTES - Long.BYTES;
        out.write(current.getCopyOfBuffer(), 0, eventTimeAt);
        out.writeInt(2);
        out.writeInt(1);
        out.writeLong(p.eventTime());
    }

    /** The version 1 layout: the version 1 and 2 header, then the used cells by index. */
    private static void writeVersion1(ChunkPartial header, List<V1Cell> used, DataOutputSerializer out) throws IOException {
        writeVersion1Or2Header(header, out);
        out.writeInt(used.size());
        for (V1Cell c : used) {
            out.writeShort(c.index());
            out.writeLong(c.total());
            out.writeLong(c.valid());
            out.writeDouble(c.sum());
            out.writeDouble(c.min());
            out.writeDouble(c.max());
            out.writeDouble(c.mean());
            out.writeDouble(c.m2());
            out.writeInt(c.items());
        }
    }

    /** Bit-for-bit equality that holds for NaN too (AssertJ's isEqualTo on a primitive double fails on NaN). */
    private static void assertSame(double got, double want, String where) {
        assertThat(Double.valueOf(got)).as(where).isEqualTo(Double.valueOf(want));
    }
}
