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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
