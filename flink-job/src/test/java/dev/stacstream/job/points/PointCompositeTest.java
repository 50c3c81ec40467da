package dev.stacstream.job.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stacstream.job.config.PointsConfig.Composite;
import dev.stacstream.job.config.PointsConfig.Interpolation;
import dev.stacstream.job.operators.PeriodAssigner;
import dev.stacstream.job.types.CodecTypeInfo;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.PointRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

/**
 * The composite stage on Flink's operator harness: periods close on the watermark, gaps wait for the next composite
 * in keyed state (also across a snapshot and restore), the end of input writes what still waits, and an
 * observation of a closed period is one {@code late} error row per item.
 */
class PointCompositeTest {

    private static final OutputTag<ErrorRow> ERRORS = new OutputTag<>("errors", ErrorRow.typeInfo());
    private static final PointKey KEY = new PointKey("p1", "sentinel-2-l2a", "MGRS-33UVU", "red", 15.1, 53.2);
    private static final long DAY = Duration.ofDays(1).toMillis();

    private static KeyedOneInputStreamOperatorTestHarness<PointKey, PointObservation, PointRow> harness()
            throws Exception {
        PointComposite function = new PointComposite(PeriodAssigner.DAY, Composite.MEDIAN, Interpolation.LINEAR,
                Duration.ZERO, ERRORS);
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function), PointObservation::key,
                CodecTypeInfo.of(PointKey.class, new PointCodecs.KeyCodec()));
    }

    private static StreamRecord<PointObservation> observation(String item, String datetime, double value) {
        Instant t = Instant.parse(datetime);
        return new StreamRecord<>(new PointObservation(KEY, item, t, value), t.toEpochMilli());
    }

    private static long endOf(String day) {
        return Instant.parse(day + "T00:00:00Z").toEpochMilli() + DAY;
    }

    @Test
    void aGapWaitsInStateAcrossARestoreAndIsInterpolatedWhenTheNextCompositeCloses() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            h.processElement(observation("A", "2023-06-02T10:00:00Z", 0.2));
            h.processElement(observation("A2", "2023-06-02T10:00:05Z", 0.4));
            h.processWatermark(endOf("2023-06-02"));
            assertThat(h.extractOutputValues()).extracting(PointRow::period).extracting(p -> p.label())
                    .containsExactly("2023-06-02");
            assertThat(h.extractOutputValues().get(0).value()).isEqualTo(0.30000000000000004);
            assertThat(h.extractOutputValues().get(0).countValid()).isEqualTo(2);

            h.processElement(observation("B", "2023-06-04T10:00:00Z", Double.NaN));
            h.processWatermark(endOf("2023-06-04"));
            assertThat(h.extractOutputValues()).as("the masked day waits for the next composite").hasSize(1);
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness()) {
            h.initializeState(snapshot);
            h.open();
            h.processElement(observation("C", "2023-06-06T10:00:00Z", 0.7));
            h.processWatermark(endOf("2023-06-06"));
            List<PointRow> rows = h.extractOutputValues();
            assertThat(rows).extracting(r -> r.period().label()).containsExactly("2023-06-03", "2023-06-04", "2023-06-05",
                    "2023-06-06");
            assertThat(rows).extracting(PointRow::interpolated).containsExactly(true, true, true, false);
            // 0.3 on June 2, 0.7 on June 6: 0.1 per day.
            assertThat(rows.get(0).value()).isCloseTo(0.4, within(1e-12));
            assertThat(rows.get(2).value()).isCloseTo(0.6, within(1e-12));
            assertThat(rows.get(3).value()).isEqualTo(0.7);
            assertThat(rows).allMatch(r -> r.pointId().equals("p1") && r.band().equals("red")
                    && r.tile().equals("MGRS-33UVU") && r.lon() == 15.1 && r.lat() == 53.2);
            // No gap waits any more: the end-of-input timer went with it.
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void theEndOfInputWritesTrailingGapsWithoutAValueAndLateItemsAreReportedOnce() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(observation("A", "2023-06-02T10:00:00Z", 0.2));
            h.processElement(observation("B", "2023-06-04T10:00:00Z", Double.NaN));
            h.processWatermark(endOf("2023-06-04"));
            h.processElement(observation("LATE", "2023-06-03T10:00:00Z", 0.5));
            h.processElement(observation("LATE", "2023-06-03T10:00:00Z", 0.6));
            assertThat(h.extractOutputValues()).hasSize(1);

            h.processWatermark(Long.MAX_VALUE);
            List<PointRow> rows = h.extractOutputValues();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).period().label()).isEqualTo("2023-06-04");
            assertThat(rows.get(1).value()).isNaN();
            assertThat(rows.get(1).interpolated()).isFalse();
            assertThat(h.getSideOutput(ERRORS)).hasSize(1).allSatisfy(e -> {
                assertThat(e.getValue().kind()).isEqualTo("late");
                assertThat(e.getValue().itemId()).isEqualTo("LATE");
                assertThat(e.getValue().message()).contains("period 2023-06-03", "sentinel-2-l2a/MGRS-33UVU");
            });
        }
    }
}
