package dev.stacstream.job.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.job.mask.LevelGrid;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Resolving grid specs on level grids, and the cells' indices, centres and polygons. */
class GridSpecTest {

    /** Sentinel-2 tile 29RKH at 10 m. */
    private static final LevelGrid S2_10M = new LevelGrid(10980, 10980, new double[] {199980, 10, 0, 2800020, 0, -10}, 32629);
    /** The same tile at 20 m (SCL, or the 10 m bands' first overview). */
    private static final LevelGrid S2_20M = new LevelGrid(5490, 5490, new double[] {199980, 20, 0, 2800020, 0, -20}, 32629);

    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of(GridSpec.byFactor(10), S2_10M, 10, 10, 1098, 1098),
                Arguments.of(GridSpec.byFactor(7), S2_10M, 7, 7, 1569, 1569),
                Arguments.of(GridSpec.byFactor(3, 5), S2_10M, 3, 5, 3660, 2196),
                Arguments.of(GridSpec.byResolution(100), S2_10M, 10, 10, 1098, 1098),
                Arguments.of(GridSpec.byResolution(100), S2_20M, 5, 5, 1098, 1098),
                Arguments.of(GridSpec.byResolution(60, 20), S2_20M, 3, 1, 1830, 5490),
                Arguments.of(GridSpec.byResolution(0.1 * 3 * 1000), S2_10M, 30, 30, 366, 366),
                Arguments.of(GridSpec.bySize(1098, 1098), S2_10M, 10, 10, 1098, 1098),
                Arguments.of(GridSpec.bySize(100, 50), S2_10M, 110, 220, 100, 50),
                Arguments.of(GridSpec.bySize(10980, 1), S2_10M, 1, 10980, 10980, 1));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("specs")
    void resolvesToWholePixelCells(GridSpec spec, LevelGrid level, int fx, int fy, int columns, int rows) {
        CellGrid grid = spec.resolve(level);
        assertThat(grid.factorX()).isEqualTo(fx);
        assertThat(grid.factorY()).isEqualTo(fy);
        assertThat(grid.columns()).isEqualTo(columns);
        assertThat(grid.rows()).isEqualTo(rows);
        assertThat(grid.epsg()).isEqualTo(32629);
    }

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                Arguments.of(GridSpec.byResolution(25), S2_10M, "target resolution 25.0 along x is not an integer multiple"
                        + " of the pixel size 10.0 (ratio 2.5); use e.g. 20.0 or 30.0"),
                Arguments.of(GridSpec.byResolution(5), S2_10M, "ratio 0.5"),
                Arguments.of(GridSpec.bySize(200, 200), new LevelGrid(1098, 1098, new double[] {0, 100, 0, 0, 0, -100}, 32629),
                        "1098 pixels cannot be cut into exactly 200 columns of whole pixels: 6 pixels per cell gives 183, 5 gives 220"),
                Arguments.of(GridSpec.bySize(20, 20), new LevelGrid(10, 10, new double[] {0, 1, 0, 0, 0, -1}, 0),
                        "20 columns of cells need at least 20 pixels, but the level has 10"),
                Arguments.of(GridSpec.byResolution(100), new LevelGrid(10, 10, new double[] {0, 10, 1, 0, 1, -10}, 0),
                        "north-up grid without rotation"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("invalidSpecs")
    void rejectsSpecsWithoutWholePixelCellsNamingTheProblem(GridSpec spec, LevelGrid level, String message) {
        assertThatThrownBy(() -> spec.resolve(level)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void rejectsNonPositiveParameters() {
        assertThatThrownBy(() -> GridSpec.byFactor(0)).hasMessageContaining("factor must be >= 1, got 0x0");
        assertThatThrownBy(() -> GridSpec.byResolution(-1)).hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> GridSpec.byResolution(Double.NaN)).hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> GridSpec.bySize(0, 3)).hasMessageContaining(">= 1x1 cells, got 0x3");
    }

    @Test
    void cellsAreAnchoredAtTheLevelOriginAndAgreeAcrossLevels() {
        CellGrid at10 = GridSpec.byResolution(100).resolve(S2_10M);
        CellGrid at20 = GridSpec.byResolution(100).resolve(S2_20M);
        assertThat(at10.centerX(0, 0)).isEqualTo(199980 + 50);
        assertThat(at10.centerY(0, 0)).isEqualTo(2800020 - 50);
        assertThat(at10.centerX(17, 42)).isEqualTo(at20.centerX(17, 42)).isEqualTo(199980 + 1750);
        assertThat(at10.centerY(17, 42)).isEqualTo(at20.centerY(17, 42)).isEqualTo(2800020 - 4250);
        assertThat(at10.cellX(10979)).isEqualTo(1097);
        assertThat(at20.cellX(5489)).isEqualTo(1097);
    }

    @Test
    void polygonsAreClosedCounterClockwiseRingsOfTheFullCell() {
        CellGrid grid = GridSpec.byFactor(7).resolve(new LevelGrid(20, 10, new double[] {1000, 10, 0, 5000, 0, -10}, 32633));
        // the last column of cells is partial (pixels 14..19) but its polygon is the full cell
        assertThat(grid.polygon(2, 1)).containsExactly(1140, 4930, 1140, 4860, 1210, 4860, 1210, 4930, 1140, 4930);
        assertThat(grid.pixels(2, 1)).isEqualTo(new PixelWindow(14, 7, 6, 3));
        CellGrid southUp = GridSpec.byFactor(2).resolve(new LevelGrid(4, 4, new double[] {0, 1, 0, 0, 0, 1}, 0));
        // y grows with the row: the ring is reordered to stay counter-clockwise
        assertThat(southUp.polygon(0, 0)).containsExactly(0, 0, 2, 0, 2, 2, 0, 2, 0, 0);
    }

    static Stream<GridSpec> specValues() {
        return specs().map(a -> (GridSpec) a.get()[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specValues")
    void specsSurviveJavaSerialization(GridSpec spec) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(spec);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(spec);
        }
    }

    @Test
    void cellsOutsideTheGridAreRejected() {
        CellGrid grid = GridSpec.byFactor(10).resolve(S2_10M);
        assertThatThrownBy(() -> grid.centerX(1098, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("cell (1098, 0) is outside the 1098x1098 cell grid");
        assertThatThrownBy(() -> grid.polygon(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
