package dev.stacstream.job.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.sinks.row.ErrorRow;
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

/** The two keyed aggregation stages under Flink's operator test harness (event time driven by watermarks). */
class ChunkAggregationTest {

    private static final OutputPeriod DAY = OutputPeriod.day(LocalDate.of(2020, 2, 19));
    private static final OutputGrid GRID = new OutputGrid("EPSG:32629", 199980, 2800020, 1000, 1000);
    private static final long T = DAY.start().toEpochMilli() + 3_600_000;
    private static final OutputTag<ErrorRow> ERRORS = new OutputTag<>("errors", ErrorRow.typeInfo());

    /** One window's partial: one valid pixel of {@code value} in each of the given cells (chunk 0, 0). */
    private static ChunkPartial part(String item, int expected, double value, int... cells) {
        CellChunk c = new CellChunk();
        for (int cell : cells) {
            c.addPixel(cell, true, value);
        }
        return new ChunkPartial(item, "sentinel-2-l2a", "MGRS-29RKH", "red", DAY, GRID, 0, 0, expected, 1, T, c);
    }

    @Test
    void anItemsWindowsMergeIntoOneChunkOnceAllArrived() throws Exception {
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ItemChunkMerge(Duration.ZERO)), ChunkPartial::itemChunkKey, Types.STRING)) {
            harness.open();
            // Given item A touching the chunk with two windows and item B with two, of which one arrives
            harness.processElement(new StreamRecord<>(part("A", 2, 1.0, 0, 1), T));
            assertThat(harness.extractOutputValues()).isEmpty();
            harness.processElement(new StreamRecord<>(part("A", 2, 3.0, 1, 2), T));
            harness.processElement(new StreamRecord<>(part("B", 2, 5.0, 0), T));
            // Then A is emitted complete, with both windows' pixels in the straddling cell 1
            List<ChunkPartial> out = harness.extractOutputValues();
            assertThat(out).hasSize(1);
            assertThat(out.get(0).itemId()).isEqualTo("A");
            assertThat(out.get(0).parts()).isEqualTo(2);
            assertThat(out.get(0).cells().countValid(1)).isEqualTo(2);
            // When event time reaches the period's end, the incomplete B is flushed
            harness.processWatermark(DAY.end().toEpochMilli());
            assertThat(harness.extractOutputValues()).hasSize(2);
            assertThat(harness.extractOutputValues().get(1).itemId()).isEqualTo("B");
        }
    }

    @Test
    void aPeriodClosesWithOneRowPerCoveredCellAndCountsItems() throws Exception {
        var function = new PeriodChunkAggregate(Duration.ofHours(1), EnumSet.allOf(PeriodChunkAggregate.Stat.class), ERRORS);
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), ChunkPartial::chunkKey, Types.STRING)) {
            harness.open();
            ChunkPartial a = part("A", 1, 2.0, 0, 1);
            ChunkPartial b = part("B", 1, 4.0, 1);
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

            // An item for a closed period is an error row, not a silent drop
            harness.processElement(new StreamRecord<>(part("C", 1, 1.0, 0), T));
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
            harness.processElement(new StreamRecord<>(part("A", 1, 2.0, 0), T));
            harness.processWatermark(DAY.end().toEpochMilli());
            GridStatsRow row = GridStatsRow.of(harness.extractOutputValues().get(0), 0);
            assertThat(row.stats().mean()).isEqualTo(2.0);
            assertThat(row.stats().max()).isNaN();
            assertThat(row.stats().countValid()).isEqualTo(1);
        }
    }
}
