package dev.stacstream.job.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.DataType;
import dev.stacstream.job.mask.BandLayer;
import dev.stacstream.job.mask.BandValues;
import dev.stacstream.job.mask.BlockInput;
import dev.stacstream.job.mask.BlockMasker;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.mask.MaskRule;
import dev.stacstream.job.mask.testing.TestRasters;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CellColumnsTest {

    @Test
    void theMeanIsTheSumOverTheValidCountAndTheStdIsThePopulationOne() {
        CellColumns c = CellColumns.allocate(2, 1);
        for (double v : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            c.addPixel(0, true, v);
        }
        c.addPixel(0, false, 1e9);
        assertThat(c.countTotal(0)).isEqualTo(9);
        assertThat(c.countValid(0)).isEqualTo(8);
        assertThat(c.sum(0)).isEqualTo(40);
        assertThat(c.mean(0)).isEqualTo(5.0);
        assertThat(c.std(0)).isEqualTo(2.0);
        assertThat(c.min(0)).isEqualTo(2);
        assertThat(c.max(0)).isEqualTo(9);
    }

    @Test
    void aCellWithoutValidPixelsHasTheEmptyStatisticsWhateverItsStorageHolds() {
        CellColumns c = CellColumns.allocate(1, 1);
        c.set(0, 4, 0, 123, 7, 8, 9);
        assertThat(c.countTotal(0)).isEqualTo(4);
        assertThat(c.sum(0)).isZero();
        assertThat(c.m2(0)).isZero();
        assertThat(c.mean(0)).isNaN();
        assertThat(c.min(0)).isNaN();
        assertThat(c.max(0)).isNaN();
        assertThat(c.std(0)).isNaN();

        // merging valid pixels into it takes them as they are, not combined with the stale values
        CellColumns other = CellColumns.allocate(1, 1);
        other.addPixel(0, true, 3);
        c.merge(0, 0, other);
        assertThat(c.countTotal(0)).isEqualTo(5);
        assertThat(c.min(0)).isEqualTo(3);
        assertThat(c.mean(0)).isEqualTo(3);
        assertThat(c.m2(0)).isZero();
    }

    /** A rectangle split into two side by side or one above the other, merged back at their offsets. */
    @ParameterizedTest(name = "split {0}x{1} at column {2}, row {3}")
    @CsvSource({"7, 5, 3, 0", "7, 5, 0, 2", "7, 5, 6, 4", "1, 9, 0, 8"})
    void mergingTwoRegionsAtTheirOffsetsEqualsOnePass(int width, int height, int splitX, int splitY) {
        SplittableRandom random = new SplittableRandom(width * 31L + splitX);
        CellColumns onePass = CellColumns.allocate(width, height);
        CellColumns first = CellColumns.allocate(width, height);
        CellColumns second = CellColumns.allocate(width - splitX, height - splitY);
        for (int n = 0; n < 2000; n++) {
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            boolean valid = random.nextInt(3) != 0;
            double value = 500 + random.nextInt(1000) / 8.0;
            onePass.addPixel(onePass.index(x, y), valid, value);
            if (x >= splitX && y >= splitY && random.nextBoolean()) {
                second.addPixel(second.index(x - splitX, y - splitY), valid, value);
            } else {
                first.addPixel(first.index(x, y), valid, value);
            }
        }
        first.merge(splitX, splitY, second);
        for (int k = 0; k < width * height; k++) {
            assertThat(first.countTotal(k)).isEqualTo(onePass.countTotal(k));
            assertThat(first.countValid(k)).isEqualTo(onePass.countValid(k));
            assertThat(first.sum(k)).isEqualTo(onePass.sum(k)); // eighths: exact
            assertThat(first.min(k)).isEqualTo(onePass.min(k));
            assertThat(first.max(k)).isEqualTo(onePass.max(k));
            assertThat(first.mean(k)).isEqualTo(onePass.mean(k));
            assertThat(first.std(k)).isCloseTo(onePass.std(k), within(1e-12 * onePass.mean(k)));
        }
    }

    @Test
    void aRegionAddressesTheCellsOfItsParentAndIsReadOnly() {
        CellColumns parent = CellColumns.allocate(5, 4);
        parent.addPixel(parent.index(3, 2), true, 42);
        CellColumns region = parent.region(2, 1, 3, 3);
        assertThat(region.width()).isEqualTo(3);
        assertThat(region.height()).isEqualTo(3);
        assertThat(region.countValid(region.index(1, 1))).isEqualTo(1);
        assertThat(region.max(region.index(1, 1))).isEqualTo(42);
        assertThat(region.isEmpty()).isFalse();
        assertThat(parent.region(0, 0, 2, 4).isEmpty()).isTrue();
        assertThatThrownBy(() -> region.addPixel(0, true, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> parent.region(3, 0, 3, 1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("[3, 6) x [0, 1)");
    }

    /**
     * @param change what happens to cell 1 of a 2 x 1 rectangle whose cell 0 holds a W cell (counts 100 and 60,
     *     sum 90000, min 1200, max 1800)
     * @param bytesPerCell the storage per cell after it: 4 bytes per count, sum, min and max while they fit an
     *     int, 8 once one does not; m2 is always a double
     */
    record Widening(String name, Consumer<CellColumns> change, int bytesPerCell, long total, double sum, double min) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Widening> widenings() {
        CellColumns big = CellColumns.allocate(1, 1);
        big.set(0, 10, 10, 2e9, 1, 2e9, 0);
        return Stream.of(
                new Widening("whole numbers in int range stay ints", c -> c.set(1, 100, 50, 60_000, 1000, 1400, 3.5), 4 * 5 + 8,
                        100, 60_000, 1000),
                new Widening("an eighth widens the values", c -> c.set(1, 1, 1, 0.125, 0.125, 0.125, 0), 4 * 2 + 8 * 4, 1,
                        0.125, 0.125),
                new Widening("a negative zero widens the minimum (its sign kept)", c -> c.set(1, 2, 2, 5, -0.0, 5, 12.5),
                        4 * 2 + 4 + 8 + 4 + 8, 2, 5, -0.0),
                new Widening("a merged sum beyond int range widens the sums", c -> {
                    c.merge(1, 0, big);
                    c.merge(1, 0, big);
                }, 4 * 2 + 8 + 4 + 4 + 8, 20, 4e9, 1),
                new Widening("a count beyond int range widens that count", c -> c.set(1, 3_000_000_000L, 7, 7, 1, 1, 0),
                        8 + 4 * 4 + 8, 3_000_000_000L, 7, 1));
    }

    /** Widening a column keeps every value it held, exactly, and the new one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("widenings")
    void columnsWidenAtTheFirstValueThatDoesNotFitAnInt(Widening w) {
        CellColumns c = CellColumns.allocate(2, 1);
        c.set(0, 100, 60, 90_000, 1200, 1800, 2.5e6);
        assertThat(c.bytesPerCell()).isEqualTo(4 * 5 + 8);
        w.change().accept(c);
        assertThat(c.bytesPerCell()).isEqualTo(w.bytesPerCell());
        assertThat(c.countTotal(0)).isEqualTo(100);
        assertThat(c.countValid(0)).isEqualTo(60);
        assertThat(c.sum(0)).isEqualTo(90_000);
        assertThat(c.min(0)).isEqualTo(1200);
        assertThat(c.max(0)).isEqualTo(1800);
        assertThat(c.m2(0)).isEqualTo(2.5e6);
        assertThat(c.countTotal(1)).isEqualTo(w.total());
        assertThat(c.sum(1)).isEqualTo(w.sum());
        assertThat(Double.doubleToRawLongBits(c.min(1))).isEqualTo(Double.doubleToRawLongBits(w.min()));
    }

    @Test
    void copyingAViewTakesOnlyItsValidCellsValues() {
        CellColumns parent = CellColumns.allocate(2, 1);
        parent.set(0, 4, 0, 0, 0, 0, 0);
        parent.set(1, 4, 4, 0.5, 0.125, 0.125, 0); // the parent is wide
        CellColumns narrow = CellColumns.allocate(1, 1);
        narrow.copy(0, 0, parent.region(0, 0, 1, 1));
        assertThat(narrow.bytesPerCell()).as("an invalid cell's values are not copied").isEqualTo(4 * 5 + 8);
        assertThat(narrow.countTotal(0)).isEqualTo(4);
    }

    /** A row exported as arrays holds what the accessors give, from int columns and from widened ones alike. */
    @ParameterizedTest(name = "values {0}")
    @CsvSource({"1250, 1300", "0.125, 1300"})
    void anExportedRowHoldsEveryValidCellsStatistics(double first, double second) {
        CellColumns c = CellColumns.allocate(3, 2);
        c.set(c.index(0, 1), 100, 2, first + second, Math.min(first, second), Math.max(first, second), 7.5);
        c.set(c.index(1, 1), 100, 0, 0, 0, 0, 0);
        CellColumns.Row row = new CellColumns.Row(4);
        c.exportRow(1, row);
        assertThat(row.countTotal).startsWith(100, 100, 0);
        assertThat(row.countValid).startsWith(2, 0, 0);
        assertThat(row.sum[0]).isEqualTo(c.sum(c.index(0, 1)));
        assertThat(row.min[0]).isEqualTo(Math.min(first, second));
        assertThat(row.max[0]).isEqualTo(1300);
        assertThat(row.m2[0]).isEqualTo(7.5);
    }

    @Test
    void inconsistentCountsAreRejected() {
        CellColumns c = CellColumns.allocate(1, 1);
        assertThatThrownBy(() -> c.set(0, 3, 4, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count_valid 4, count_total 3");
        assertThatThrownBy(() -> c.set(0, 3, 2, 0, 5, 4, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min 5.0 is not <= max 4.0");
    }

    /** The aggregator's views are read-only and its storage is reused: an aggregate lives until the next block. */
    @Test
    void aBlockAggregateViewsTheAggregatorsStorageUntilItsNextBlock() {
        LevelGrid level = new LevelGrid(8, 4, new double[] {0, 1, 0, 0, 0, -1}, 32633);
        BlockAggregator aggregator = new BlockAggregator(GridSpec.byFactor(4));
        BlockMasker masker = new BlockMasker(MaskRule.none());
        BlockAggregate first = aggregator.aggregate(masker.mask(block(level, 10)));
        assertThat(first.cells(0).max(first.cells(0).index(1, 0))).isEqualTo(10);
        assertThat(first.cells(0).isReadOnly()).isTrue();

        BlockAggregate second = aggregator.aggregate(masker.mask(block(level, 20)));
        assertThat(second.cells(0).max(second.cells(0).index(1, 0))).isEqualTo(20);
        assertThat(first.cells(0).max(first.cells(0).index(1, 0))).as("the first view sees the reused storage")
                .isEqualTo(20);
    }

    private static BlockInput block(LevelGrid level, double value) {
        double[] v = new double[8 * 4];
        java.util.Arrays.fill(v, value);
        return BlockInput.of(level, PixelWindow.full(8, 4),
                List.of(BandLayer.of("b", TestRasters.of(DataType.UINT16, 8, 4, v), BandValues.raw())));
    }
}
