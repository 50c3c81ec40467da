package dev.stacstream.job.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.GridStatsBatch;
import dev.stacstream.sinks.row.GridStatsRow;
import dev.stacstream.sinks.row.OutputPeriod;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

/** The keyed aggregation stage under Flink's operator test harness (event time driven by watermarks). */
class ChunkAggregationTest {

    private static final OutputPeriod DAY = OutputPeriod.day(LocalDate.of(2020, 2, 19));
    private static final OutputGrid GRID = new OutputGrid("EPSG:32629", 199980, 2800020, 1000, 1000);
    private static final long T = DAY.start().toEpochMilli() + 3_600_000;
    private static final OutputTag<ErrorRow> ERRORS = new OutputTag<>("errors", ErrorRow.typeInfo());

    /** One window's partial: one valid pixel of {@code value} in each of the given cells (chunk 0, 0). */
    private static ChunkPartial part(String item, double value, int... cells) {
        CellChunk c = new CellChunk();
        for (int cell : cells) {
            c.addPixel(cell, true, value);
        }
        return new ChunkPartial(item, "sentinel-2-l2a", "MGRS-29RKH", "red", DAY, GRID, 0, 0, T, c);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ChunkPartial, GridStatsBatch> harness(
            Duration lateness) throws Exception {
        var function = new PeriodChunkAggregate(lateness, EnumSet.allOf(PeriodChunkAggregate.Stat.class), ERRORS);
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                ChunkPartial::chunkKey, Types.STRING);
    }

    /**
     * Two windows of item A share cell 1 (a window edge cuts it): A counts once there, with both windows' pixels;
     * item B's window adds a second item to cell 0, whatever the order the three windows arrive in.
     */
    @Test
    void aCellCutByAWindowEdgeCountsItsItemOnce() throws Exception {
        ChunkPartial a1 = part("A", 1.0, 0, 1);
        ChunkPartial a2 = part("A", 3.0, 1, 2);
        ChunkPartial b = part("B", 5.0, 0);
        for (List<ChunkPartial> order : List.of(List.of(a1, a2, b), List.of(b, a2, a1), List.of(a2, b, a1))) {
            try (var harness = harness(Duration.ZERO)) {
                harness.open();
                for (ChunkPartial p : order) {
                    // The harness hands the operator the record itself; a keyBy would hand it a deserialized copy.
                    harness.processElement(new StreamRecord<>(p.withCells(p.cells().copy()), T));
                }
                harness.processWatermark(DAY.end().toEpochMilli());
                List<GridStatsRow> rows = GridStatsRow.all(harness.extractOutputValues().get(0));
                assertThat(rows).as("order %s", order.stream().map(ChunkPartial::itemId).toList())
                        .extracting(r -> r.cell().cellX(), GridStatsRow::items, r -> r.stats().countValid())
                        .containsExactly(tuple(0L, 2, 2L), tuple(1L, 1, 2L), tuple(2L, 1, 1L));
                assertThat(rows.get(1).stats().mean()).isEqualTo(2.0);
            }
        }
    }

    /** State is bounded by the open periods: closing one drops its statistics and its items' masks. */
    @Test
    void aClosedPeriodLeavesNoState() throws Exception {
        try (var harness = harness(Duration.ZERO)) {
            harness.open();
            harness.processElement(new StreamRecord<>(part("A", 1.0, 0), T));
            harness.processElement(new StreamRecord<>(part("B", 1.0, 0), T));
            assertThat(harness.numKeyedStateEntries()).as("the accumulator and the map of masks").isEqualTo(2);
            harness.processWatermark(DAY.end().toEpochMilli());
            assertThat(harness.extractOutputValues()).hasSize(1);
            assertThat(harness.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void aPeriodClosesWithOneRowPerCoveredCellAndCountsItems() throws Exception {
        try (var harness = harness(Duration.ofHours(1))) {
            harness.open();
            ChunkPartial a = part("A", 2.0, 0, 1);
            ChunkPartial b = part("B", 4.0, 1);
            harness.processElement(new StreamRecord<>(a, T));
            harness.processElement(new StreamRecord<>(b, T));
            harness.processWatermark(DAY.end().toEpochMilli()); // within the allowed lateness: still open
            assertThat(harness.extractOutputValues()).isEmpty();
            harness.processWatermark(DAY.end().toEpochMilli() + Duration.ofHours(1).toMillis());

            List<GridStatsRow> rows = harness.extractOutputValues().stream()
                    .flatMap(batch -> GridStatsRow.all(batch).stream()).toList();
            assertThat(rows).hasSize(2);
            GridStatsRow cell1 = rows.stream().filter(r -> r.cell().cellX() == 1).findFirst().orElseThrow();
            assertThat(cell1.items()).isEqualTo(2);
            assertThat(cell1.stats().mean()).isEqualTo(3.0);
            assertThat(cell1.stats().std()).isEqualTo(1.0);
            assertThat(cell1.cell().minX()).isEqualTo(200980.0);
            assertThat(cell1.cell().maxY()).isEqualTo(2800020.0);
            assertThat(cell1.crs()).isEqualTo("EPSG:32629");

            // An item for a closed period is an error row, not a silent drop; one row for the item, not one per
            // window partial
            harness.processElement(new StreamRecord<>(part("C", 1.0, 0), T));
            harness.processElement(new StreamRecord<>(part("C", 1.0, 1), T));
            ConcurrentLinkedQueue<StreamRecord<ErrorRow>> late = harness.getSideOutput(ERRORS);
            assertThat(late).hasSize(1);
            assertThat(late.peek().getValue().kind()).isEqualTo("late");
            assertThat(late.peek().getValue().itemId()).isEqualTo("C");
        }
    }

    @Test
    void statisticsNotAskedForAreNull() throws Exception {
        var function = new PeriodChunkAggregate(Duration.ZERO, EnumSet.of(PeriodChunkAggregate.Stat.MEAN), ERRORS);
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), ChunkPartial::chunkKey, Types.STRING)) {
            harness.open();
            harness.processElement(new StreamRecord<>(part("A", 2.0, 0), T));
            harness.processWatermark(DAY.end().toEpochMilli());
            GridStatsRow row = GridStatsRow.of(harness.extractOutputValues().get(0), 0);
            assertThat(row.stats().mean()).isEqualTo(2.0);
            assertThat(row.stats().max()).isNaN();
            assertThat(row.stats().countValid()).isEqualTo(1);
        }
    }
}
