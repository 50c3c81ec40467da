package dev.stacstream.job.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.sinks.row.BandStats;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.GridCell;
import dev.stacstream.sinks.row.GridStatsBatch;
import dev.stacstream.sinks.row.GridStatsRow;
import dev.stacstream.sinks.row.OutputPeriod;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A closed chunk leaves the period stage as one batch: a row per cell with pixels, in cell order, with the cell's
 * extent on the output grid, and the job's row counter counts its rows.
 */
class PeriodChunkAggregateTest {

    private static final OutputPeriod DAY = OutputPeriod.day(LocalDate.of(2020, 2, 19));
    /** A 10 m grid of 100 x 70 cells of 100 m: chunk (1, 1) holds its last 36 columns and 6 rows. */
    private static final OutputGrid GRID = new OutputGrid("EPSG:32629", 199_980.5, 2_800_020.25, 100, 100);
    private static final int GRID_COLUMNS = 100;
    private static final int GRID_ROWS = 70;
    private static final long T = DAY.start().toEpochMilli() + 3_600_000;
    private static final OutputTag<ErrorRow> ERRORS = new OutputTag<>("errors", ErrorRow.typeInfo());

    static Stream<Arguments> chunks() {
        return Stream.of(
                Arguments.of("an inner chunk, three cells", 0, 0, new int[] {0, 65, 4095}),
                Arguments.of("the chunk at the grid's south-east corner", 1, 1, edgeCells(1, 1)),
                Arguments.of("a whole chunk", 0, 0, IntStream.range(0, CellChunk.CELLS).toArray()));
    }

    /** The cells of chunk {@code (chunkX, chunkY)} inside the grid: the only ones an item can cover. */
    private static int[] edgeCells(int chunkX, int chunkY) {
        return IntStream.range(0, CellChunk.CELLS)
                .filter(i -> chunkX * CellChunk.SIDE + i % CellChunk.SIDE < GRID_COLUMNS
                        && chunkY * CellChunk.SIDE + i / CellChunk.SIDE < GRID_ROWS)
                .toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunks")
    void aClosedChunkIsOneBatchOfItsCoveredCells(String name, long chunkX, long chunkY, int[] cells)
            throws Exception {
        var function = new PeriodChunkAggregate(Duration.ZERO, EnumSet.allOf(PeriodChunkAggregate.Stat.class), ERRORS);
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), ChunkPartial::chunkKey, Types.STRING)) {
            harness.open();
            harness.processElement(new StreamRecord<>(item("A", chunkX, chunkY, cells), T));
            harness.processElement(new StreamRecord<>(item("B", chunkX, chunkY, cells[0]), T));

            harness.processWatermark(DAY.end().toEpochMilli());

            List<GridStatsBatch> batches = harness.extractOutputValues();
            assertThat(batches).hasSize(1);
            GridStatsBatch batch = batches.get(0);
            assertThat(batch.size()).isEqualTo(cells.length);
            List<GridStatsRow> rows = GridStatsRow.all(batch);
            for (int r = 0; r < cells.length; r++) {
                long cx = chunkX * CellChunk.SIDE + cells[r] % CellChunk.SIDE;
                long cy = chunkY * CellChunk.SIDE + cells[r] / CellChunk.SIDE;
                GridStatsRow row = rows.get(r);
                // The origin and the cells' edges are exact in doubles: no rounding to argue about.
                assertThat(row.cell()).as("cell %s", cells[r]).isEqualTo(new GridCell(cx, cy, 199_980.5 + cx * 100,
                        2_800_020.25 - (cy + 1) * 100, 199_980.5 + (cx + 1) * 100, 2_800_020.25 - cy * 100));
                int value = cells[r] % 7;
                int valid = r == 0 ? 2 : 1;
                assertThat(row.stats()).as("cell %s", cells[r])
                        .isEqualTo(new BandStats(2L * valid, valid, value, value, value, 0, valid * value));
                assertThat(row.items()).isEqualTo(r == 0 ? 2 : 1);
            }
            assertThat(List.of(batch.collection(), batch.tile(), batch.band(), batch.geometry().crs()))
                    .containsExactly("sentinel-2-l2a", "MGRS-29RKH", "red", "EPSG:32629");
            assertThat(batch.period()).isEqualTo(DAY);
            assertThat(function.getRuntimeContext().getAccumulator(JobProgress.ROWS).getLocalValue())
                    .isEqualTo((long) cells.length);
        }
    }

    @Test
    void aCellWithOnlyMaskedPixelsHasCountsButNoStatistics() throws Exception {
        var function = new PeriodChunkAggregate(Duration.ZERO, EnumSet.allOf(PeriodChunkAggregate.Stat.class), ERRORS);
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), ChunkPartial::chunkKey, Types.STRING)) {
            harness.open();
            CellChunk masked = new CellChunk();
            masked.addPixel(5, false, 1234);
            masked.addPixel(5, false, 1234);
            harness.processElement(new StreamRecord<>(new ChunkPartial("A", "sentinel-2-l2a", null, "red", DAY, GRID,
                    0, 0, T, masked), T));

            harness.processWatermark(DAY.end().toEpochMilli());

            GridStatsRow row = GridStatsRow.of(harness.extractOutputValues().get(0), 0);
            assertThat(row.tile()).isNull();
            assertThat(row.stats()).isEqualTo(BandStats.noValidPixels(2));
        }
    }

    /**
     * Item {@code id}'s partial of chunk {@code (chunkX, chunkY)} from one window: in each of {@code cells}, one valid
     * pixel of value {@code cell % 7} and one masked pixel.
     */
    private static ChunkPartial item(String id, long chunkX, long chunkY, int... cells) {
        CellChunk chunk = new CellChunk();
        for (int cell : cells) {
            chunk.addPixel(cell, true, cell % 7);
            chunk.addPixel(cell, false, 0);
        }
        return new ChunkPartial(id, "sentinel-2-l2a", "MGRS-29RKH", "red", DAY, GRID, chunkX, chunkY, T, chunk);
    }
}
