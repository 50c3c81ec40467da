package dev.stacstream.job.polygons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.PixelBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

/**
 * The assembling stage on Flink's operator harness: a polygon's parts leave as one batch in window order once the
 * last arrives, a one-window polygon passes straight through, and a part that never arrives is reported when event
 * time passes the item's datetime plus the allowed lateness, the other parts' pixels still written.
 */
class PolygonAssemblerTest {

    private static final OutputTag<ErrorRow> ERRORS = new OutputTag<>("errors", ErrorRow.typeInfo());
    private static final Instant T = Instant.parse("2023-06-12T10:00:00Z");

    private static KeyedOneInputStreamOperatorTestHarness<String, PixelPart, PixelBatch> harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new PolygonAssembler(Duration.ofHours(1), ERRORS)), PixelPart::key, Types.STRING);
    }

    /** Part {@code window} of {@code windows} of polygon P in item I: pixels with ids {@code ids}. */
    private static StreamRecord<PixelPart> part(String polygon, int windows, int window, long... ids) {
        double[] xs = new double[ids.length];
        double[] ys = new double[ids.length];
        double[] red = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            xs[i] = ids[i] * 10;
            ys[i] = -ids[i];
            red[i] = ids[i] / 100.0;
        }
        PixelBatch b = new PixelBatch(polygon, "I", "sentinel-2-l2a", "MGRS-33UVU", T, "EPSG:32633", ids, xs, ys,
                new double[][] {red});
        return new StreamRecord<>(new PixelPart(b, windows, window), T.toEpochMilli());
    }

    @Test
    void partsLeaveAsOneBatchInWindowOrderAndOneWindowPolygonsPassStraight() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(part("P", 3, 7, 70, 71));
            h.processElement(part("Q", 1, 4, 40));
            h.processElement(part("P", 3, 2, 20));
            assertThat(h.extractOutputValues()).extracting(PixelBatch::polygonId).containsExactly("Q");
            h.processElement(part("P", 3, 5, 50, 51, 52));

            List<PixelBatch> out = h.extractOutputValues();
            assertThat(out).hasSize(2);
            PixelBatch p = out.get(1);
            assertThat(p.polygonId()).isEqualTo("P");
            assertThat(p.pixelIds()).containsExactly(20, 50, 51, 52, 70, 71);
            assertThat(p.xs()).containsExactly(200, 500, 510, 520, 700, 710);
            assertThat(p.bands()[0]).containsExactly(0.2, 0.5, 0.51, 0.52, 0.7, 0.71);
            // The timer of the completed polygon was removed: the end of time writes nothing more.
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.extractOutputValues()).hasSize(2);
            assertThat(h.getSideOutput(ERRORS)).isNull();
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void aMissingWindowIsReportedAndThePixelsThatArrivedAreWritten() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(part("P", 3, 2, 20));
            h.processElement(part("P", 3, 7, 70));
            h.processWatermark(T.toEpochMilli() + Duration.ofHours(1).toMillis() - 1);
            assertThat(h.extractOutputValues()).isEmpty();

            h.processWatermark(T.toEpochMilli() + Duration.ofHours(1).toMillis());
            assertThat(h.extractOutputValues()).singleElement()
                    .satisfies(b -> assertThat(b.pixelIds()).containsExactly(20, 70));
            assertThat(h.getSideOutput(ERRORS)).singleElement().satisfies(e -> {
                assertThat(e.getValue().kind()).isEqualTo("incomplete");
                assertThat(e.getValue().message()).isEqualTo("polygon P of item I: 1 of its 3 windows did not arrive (see"
                        + " their errors); its pixels from the other windows are written");
            });
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }
}
