package dev.stacstream.sinks.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.sinks.testing.SampleRows;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rows reject what the tables cannot hold, with a message naming the field, before anything is written. */
class RowValidationTest {

    private static final GridStatsRow ROW = SampleRows.gridStats(1);
    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    static Stream<Arguments> invalidRows() {
        return Stream.of(
                invalid("blank collection", "collection is blank",
                        () -> new GridStatsRow(" ", ROW.tile(), ROW.period(), ROW.band(), ROW.cell(), ROW.crs(),
                                ROW.stats(), 1)),
                invalid("blank tile", "tile is blank",
                        () -> new GridStatsRow(ROW.collection(), "", ROW.period(), ROW.band(), ROW.cell(), ROW.crs(),
                                ROW.stats(), 1)),
                invalid("null band", "band is null",
                        () -> new GridStatsRow(ROW.collection(), ROW.tile(), ROW.period(), null, ROW.cell(),
                                ROW.crs(), ROW.stats(), 1)),
                invalid("blank crs", "crs is blank",
                        () -> new GridStatsRow(ROW.collection(), ROW.tile(), ROW.period(), ROW.band(), ROW.cell(),
                                "", ROW.stats(), 1)),
                invalid("no items", "items is 0",
                        () -> new GridStatsRow(ROW.collection(), ROW.tile(), ROW.period(), ROW.band(), ROW.cell(),
                                ROW.crs(), ROW.stats(), 0)),
                invalid("negative cell index", "cell (-1, 0) has a negative index",
                        () -> new GridCell(-1, 0, 0, 0, 60, 60)),
                invalid("empty cell", "cell (0, 0) has an empty extent [60.0, 60.0)",
                        () -> new GridCell(0, 0, 60, 0, 60, 60)),
                invalid("infinite cell", "cell (0, 0) has a non-finite extent",
                        () -> new GridCell(0, 0, 0, 0, Double.POSITIVE_INFINITY, 60)),
                invalid("rotated ring", "cell (1, 2) is not an axis-aligned rectangle",
                        () -> GridCell.ofRing(1, 2, new double[] {0, 0, 60, 10, 50, 70, -10, 60, 0, 0})),
                invalid("ring missing a corner", "cell (1, 2) is not an axis-aligned rectangle",
                        () -> GridCell.ofRing(1, 2, new double[] {0, 0, 60, 0, 60, 0, 0, 60, 0, 0})),
                invalid("open ring", "ring of cell (1, 2) is not closed",
                        () -> GridCell.ofRing(1, 2, new double[] {0, 0, 60, 0, 60, 60, 0, 60, 0, 1})),
                invalid("short ring", "ring of cell (1, 2) has 8 coordinates, not 10",
                        () -> GridCell.ofRing(1, 2, new double[] {0, 0, 60, 0, 60, 60, 0, 60})),
                invalid("more valid than total", "count_valid 37 is not in [0, count_total 36]",
                        () -> new BandStats(36, 37, 1, 1, 1, 0, 37)),
                invalid("negative valid", "count_valid -1 is not in [0, count_total 36]",
                        () -> new BandStats(36, -1, 1, 1, 1, 0, 1)),
                invalid("blank error kind", "kind is blank",
                        () -> ErrorRow.of("item", ErrorStage.READ, " ", "m", T)),
                invalid("null error stage", "stage is null", () -> ErrorRow.of("item", null, "io", "m", T)),
                invalid("blank item id", "item id is blank", () -> ErrorRow.of("", ErrorStage.READ, "io", "m", T)),
                invalid("negative block", "block index -2 is negative",
                        () -> ErrorRow.of("item", ErrorStage.READ, "io", "m", T).withBlock(-2)),
                invalid("zero attempts", "attempts is 0",
                        () -> ErrorRow.of("item", ErrorStage.READ, "io", "m", T).withAttempts(0)),
                invalid("null time", "time is null", () -> ErrorRow.of("item", ErrorStage.READ, "io", "m", null)));
    }

    private static Arguments invalid(String name, String message, Supplier<Object> construction) {
        return Arguments.of(name, message, construction);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRows")
    void rejects(String name, String message, Supplier<Object> construction) {
        assertThatThrownBy(construction::get).isInstanceOfAny(IllegalArgumentException.class,
                NullPointerException.class).hasMessageContaining(message);
    }

    @Test
    void noValidPixelLeavesEveryStatisticWithoutValue() {
        BandStats stats = new BandStats(36, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0);

        assertThat(stats).isEqualTo(BandStats.noValidPixels(36));
        assertThat(new double[] {stats.mean(), stats.min(), stats.max(), stats.std(), stats.sum()})
                .containsOnly(Double.NaN);
    }

    @ParameterizedTest
    @MethodSource("rectangleRings")
    void aRectangleRingGivesItsExtentWhateverItsStartAndWinding(double[] ring) {
        assertThat(GridCell.ofRing(3, 4, ring)).isEqualTo(new GridCell(3, 4, 499_980, 4_199_880, 500_040, 4_199_940));
    }

    static Stream<double[]> rectangleRings() {
        double w = 499_980, s = 4_199_880, e = 500_040, n = 4_199_940;
        return Stream.of(
                new double[] {w, s, e, s, e, n, w, n, w, s},
                new double[] {w, n, w, s, e, s, e, n, w, n},
                new double[] {e, n, e, s, w, s, w, n, e, n});
    }

    @Test
    void centreOfTheCellIsTheRowsXAndY() {
        GridStatsRow row = new GridStatsRow("c", null, ROW.period(), "red",
                new GridCell(3, 4, 499_980, 4_199_880, 500_040, 4_199_940), "EPSG:32629", ROW.stats(), 2);

        assertThat(row.x()).isEqualTo(500_010.0);
        assertThat(row.y()).isEqualTo(4_199_910.0);
    }

    @Test
    void errorRowOptionalColumnsAreSetOneByOne() {
        ErrorRow bare = ErrorRow.of("item-7", ErrorStage.DECODE, "malformed", "bad deflate stream", T);

        ErrorRow full = bare.withAsset("red", "s3://b/red.tif").withBlock(12).withAttempts(3);

        assertThat(bare).isEqualTo(new ErrorRow("item-7", null, null, null, ErrorStage.DECODE, "malformed",
                "bad deflate stream", 1, T));
        assertThat(full).isEqualTo(new ErrorRow("item-7", "red", "s3://b/red.tif", 12L, ErrorStage.DECODE,
                "malformed", "bad deflate stream", 3, T));
        assertThat(ErrorStage.DECODE.columnValue()).isEqualTo("decode");
    }
}
