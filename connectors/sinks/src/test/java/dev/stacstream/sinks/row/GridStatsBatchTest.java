package dev.stacstream.sinks.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.stacstream.sinks.testing.SampleRows;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A batch holds valid {@code grid_stats} rows only, in columns, and reads back as the rows it was built from. */
class GridStatsBatchTest {

    private static final OutputPeriod DAY = OutputPeriod.day(LocalDate.of(2020, 2, 19));
    private static final CellGeometry GRID = SampleRows.grid("EPSG:32629");
    private static final double NAN = Double.NaN;

    private static GridStatsBatch.Builder builder(String collection, String tile, String band, CellGeometry grid) {
        return GridStatsBatch.builder(collection, tile, DAY, band, grid, 4);
    }

    static Stream<Arguments> invalidBatches() {
        return Stream.of(
                invalid("blank collection", "collection is blank", () -> builder(" ", "29SND", "red", GRID)
                        .add(0, 0, 1, 1, 1, 1, 1, 0, 1, 1).build()),
                invalid("blank tile", "tile is blank", () -> builder("c", "", "red", GRID)
                        .add(0, 0, 1, 1, 1, 1, 1, 0, 1, 1).build()),
                invalid("blank band", "band is blank", () -> builder("c", null, "", GRID)
                        .add(0, 0, 1, 1, 1, 1, 1, 0, 1, 1).build()),
                invalid("no rows", "holds no rows", () -> builder("c", null, "red", GRID).build()),
                invalid("negative cell index", "cell (3, -1) has a negative index",
                        () -> builder("c", null, "red", GRID).add(3, -1, 1, 1, 1, 1, 1, 0, 1, 1).build()),
                invalid("more valid than total", "count_valid 37 is not in [0, count_total 36]",
                        () -> builder("c", null, "red", GRID).add(0, 0, 36, 37, 1, 1, 1, 0, 37, 1).build()),
                invalid("no items", "items is 0", () -> builder("c", null, "red", GRID)
                        .add(0, 0, 1, 1, 1, 1, 1, 0, 1, 0).build()),
                invalid("a cell narrower than the doubles far from the origin",
                        "cell (0, 0) of the EPSG:3857 grid has an empty or non-finite extent",
                        () -> builder("c", null, "red", new CellGeometry("EPSG:3857", 1e17, 0, 1, 1))
                                .add(0, 0, 1, 1, 1, 1, 1, 0, 1, 1).build()),
                invalid("a cell beyond the largest double", "cell (10, 0) of the EPSG:3857 grid has an empty or",
                        () -> builder("c", null, "red", new CellGeometry("EPSG:3857", 0, 0, 1e308, 1))
                                .add(10, 0, 1, 1, 1, 1, 1, 0, 1, 1).build()),
                invalid("zero cell width", "cell size 0.0 x 60.0 of EPSG:32629 is not positive",
                        () -> new CellGeometry("EPSG:32629", 0, 0, 0, 60)),
                invalid("infinite origin", "grid origin (Infinity, 0.0) of EPSG:32629 is not finite",
                        () -> new CellGeometry("EPSG:32629", Double.POSITIVE_INFINITY, 0, 60, 60)));
    }

    private static Arguments invalid(String name, String message, java.util.function.Supplier<Object> build) {
        return Arguments.of(name, message, build);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBatches")
    void rejectsWhatTheTableCannotHold(String name, String message, java.util.function.Supplier<Object> build) {
        assertThatIllegalArgumentException().isThrownBy(build::get).withMessageContaining(message);
    }

    @Test
    void rowsReadBackWithTheirCellsExtentAndStatistics() {
        GridStatsBatch batch = builder("c", "29SND", "red", GRID)
                .add(3, 4, 36, 30, 12.5, 3, 40, 2.25, 375, 2)
                .add(1830, 0, 36, 36, 1, 1, 1, 0, 36, 1)
                .build();

        assertThat(batch.size()).isEqualTo(2);
        assertThat(GridStatsRow.of(batch, 0)).isEqualTo(new GridStatsRow("c", "29SND", DAY, "red",
                new GridCell(3, 4, 500_160, 4_199_700, 500_220, 4_199_760), "EPSG:32629",
                new BandStats(36, 30, 12.5, 3, 40, 2.25, 375), 2));
        assertThat(GridStatsRow.all(batch)).extracting(GridStatsRow::cell).containsExactly(GridCell.of(GRID, 3, 4), GridCell.of(GRID, 1830, 0));
    }

    static Stream<Arguments> emptyCellAccumulators() {
        double inf = Double.POSITIVE_INFINITY;
        return Stream.of(
                Arguments.of("identity elements", new double[] {0, inf, -inf, NAN, 0}),
                Arguments.of("nothing asked", new double[] {NAN, NAN, NAN, NAN, NAN}),
                Arguments.of("left-over values", new double[] {5, 1, 9, 2, 50}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyCellAccumulators")
    void aCellWithoutValidPixelsHasNoStatistics(String name, double[] given) {
        GridStatsBatch batch = builder("c", null, "red", GRID)
                .add(0, 0, 36, 0, given[0], given[1], given[2], given[3], given[4], 1).build();

        assertThat(GridStatsRow.of(batch, 0).stats()).isEqualTo(BandStats.noValidPixels(36));
        assertThat(new double[] {batch.mean()[0], batch.min()[0], batch.max()[0], batch.std()[0], batch.sum()[0]})
                .containsOnly(NAN);
    }

    @Test
    void aBatchShorterThanItsCapacityHasColumnsOfItsSize() {
        GridStatsBatch batch = GridStatsBatch.builder("c", null, DAY, "red", GRID, 4096)
                .add(0, 0, 1, 1, 1, 1, 1, 0, 1, 1).build();

        assertThat(Stream.of(batch.cellX(), batch.cellY(), batch.countTotal(), batch.countValid()))
                .allSatisfy(column -> assertThat(column).hasSize(1));
        assertThat(Stream.of(batch.mean(), batch.min(), batch.max(), batch.std(), batch.sum()))
                .allSatisfy(column -> assertThat(column).hasSize(1));
        assertThat(batch.items()).hasSize(1);
    }

    static Stream<Arguments> builderMisuse() {
        return Stream.of(
                Arguments.of("a row past the capacity", "is full at 1 rows", (UnaryOperator<GridStatsBatch.Builder>)
                        b -> b.add(1, 0, 1, 1, 1, 1, 1, 0, 1, 1)),
                Arguments.of("a row after build", "already built", (UnaryOperator<GridStatsBatch.Builder>) b -> {
                    b.build();
                    return b.add(1, 0, 1, 1, 1, 1, 1, 0, 1, 1);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builderMisuse")
    void aBuilderTakesNoRowItCannotHoldOrThatWouldChangeABuiltBatch(String name, String message,
            UnaryOperator<GridStatsBatch.Builder> misuse) {
        GridStatsBatch.Builder builder = GridStatsBatch.builder("c", null, DAY, "red", GRID, 1)
                .add(0, 0, 1, 1, 1, 1, 1, 0, 1, 1);

        assertThatIllegalStateException().isThrownBy(() -> misuse.apply(builder)).withMessageContaining(message);
    }
}
