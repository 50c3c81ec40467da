package dev.stacstream.job.polygons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.job.config.PolygonsConfig.PixelsBy;
import dev.stacstream.sinks.row.PixelBatch;
import dev.stacstream.sinks.row.PixelSource;
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
        return harness(PixelsBy.ITEM);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, PixelPart, PixelBatch> harness(PixelsBy by)
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new PolygonAssembler(by, Duration.ofHours(1), ERRORS)), PolygonAssembler.keys(by), Types.STRING);
    }

    /** Part {@code window} of {@code windows} of polygon P in item I: pixels with ids {@code ids}. */
    private static StreamRecord<PixelPart> part(String polygon, int windows, int window, long... ids) {
        return part(polygon, new PixelSource("I", "MGRS-33UVU", T), windows, window, ids);
    }

    private static StreamRecord<PixelPart> part(String polygon, PixelSource item, int windows, int window,
            long... ids) {
        double[] xs = new double[ids.length];
        double[] ys = new double[ids.length];
        double[] red = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            xs[i] = ids[i] * 10;
            ys[i] = -ids[i];
            red[i] = ids[i] / 100.0;
        }
        PixelBatch b = PixelBatch.of(polygon, "sentinel-2-l2a", "EPSG:32633", item, ids, xs, ys, new double[][] {red});
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

    /**
     * By day: the two tiles of one datatake overlap in pixels 20 and 21; each pixel gives one row, a valid
     * observation winning, then the smaller tile. A later day of the same polygon is its own batch.
     */
    @Test
    void byDayOverlappingTilesGiveOneRowPerPixel() throws Exception {
        PixelSource uvu = new PixelSource("S2A_33UVU", "MGRS-33UVU", T);
        PixelSource uwu = new PixelSource("S2A_33UWU", "MGRS-33UWU", T.plusSeconds(4));
        try (var h = harness(PixelsBy.DAY)) {
            h.open();
            h.processElement(part("P", uwu, 1, 0, 20, 21, 22));
            StreamRecord<PixelPart> fromUvu = part("P", uvu, 2, 3, 10, 20, 21);
            fromUvu.getValue().pixels().bands()[0][2] = Double.NaN; // pixel 21 masked in 33UVU
            h.processElement(fromUvu);
            h.processElement(part("P", uvu, 2, 4, 11));
            h.processElement(part("P", new PixelSource("S2A_next", "MGRS-33UVU", T.plus(Duration.ofDays(1))), 1, 0, 20));
            assertThat(h.extractOutputValues()).as("a day waits for all its tiles").isEmpty();

            h.processWatermark(Instant.parse("2023-06-13T01:00:00Z").toEpochMilli());
            List<PixelBatch> out = h.extractOutputValues();
            assertThat(out).singleElement().satisfies(b -> {
                assertThat(b.pixelIds()).containsExactly(10, 11, 20, 21, 22);
                assertThat(java.util.stream.IntStream.range(0, b.size()).mapToObj(i -> b.sourceOf(i).itemId()))
                        .containsExactly("S2A_33UVU", "S2A_33UVU", "S2A_33UVU", "S2A_33UWU", "S2A_33UWU");
                assertThat(b.bands()[0]).containsExactly(0.1, 0.11, 0.2, 0.21, 0.22);
            });
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.extractOutputValues()).hasSize(2);
            assertThat(h.getSideOutput(ERRORS)).isNull();
        }
    }

    /** A day's parts in two UTM zones (neighbouring tiles across a zone edge) are two batches, one per lattice. */
    @Test
    void byDayTwoCrsAreKeptApart() throws Exception {
        try (var h = harness(PixelsBy.DAY)) {
            h.open();
            h.processElement(part("P", 1, 0, 20));
            PixelBatch other = PixelBatch.of("P", "sentinel-2-l2a", "EPSG:32634",
                    new PixelSource("S2A_34UCU", "MGRS-34UCU", T), new long[] {20}, new double[] {1}, new double[] {2},
                    new double[][] {{0.5}});
            h.processElement(new StreamRecord<>(new PixelPart(other, 1, 0), T.toEpochMilli()));
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.extractOutputValues()).extracting(PixelBatch::crs)
                    .containsExactlyInAnyOrder("EPSG:32633", "EPSG:32634");
        }
    }

    /** A part that comes after its polygon's batch left is dropped and reported once per item, not a second batch. */
    @Test
    void aLatePartIsDroppedAndReportedOnce() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(part("P", 2, 0, 20));
            h.processWatermark(T.toEpochMilli() + Duration.ofHours(1).toMillis());
            assertThat(h.extractOutputValues()).hasSize(1);
            h.processElement(part("P", 2, 1, 30));
            h.processElement(part("Q", 2, 1, 40));
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.extractOutputValues()).hasSize(1);
            assertThat(h.getSideOutput(ERRORS)).extracting(e -> e.getValue().kind()).containsExactly("incomplete", "late");
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
