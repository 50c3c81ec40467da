package dev.stacstream.job.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.job.aggregate.CellColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellChunkTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void mergingRandomPartitionsEqualsOnePass(long seed) {
        Random random = new Random(seed);
        CellChunk onePass = new CellChunk();
        CellChunk[] parts = {new CellChunk(), new CellChunk(), new CellChunk()};
        for (int k = 0; k < 20_000; k++) {
            int cell = random.nextInt(50);
            boolean valid = random.nextInt(4) != 0;
            double value = 1000 + random.nextGaussian() * 300;
            onePass.addPixel(cell, valid, value);
            parts[random.nextInt(parts.length)].addPixel(cell, valid, value);
        }
        CellChunk merged = new CellChunk();
        for (CellChunk p : parts) {
            merged.mergeWindow(p, newMask());
        }
        for (int i = 0; i < 50; i++) {
            assertThat(merged.countTotal(i)).isEqualTo(onePass.countTotal(i));
            assertThat(merged.countValid(i)).isEqualTo(onePass.countValid(i));
            assertThat(merged.min(i)).isEqualTo(onePass.min(i));
            assertThat(merged.max(i)).isEqualTo(onePass.max(i));
            assertThat(merged.mean(i)).isCloseTo(onePass.mean(i), within(1e-9));
            assertThat(merged.std(i)).isCloseTo(onePass.std(i), within(1e-9));
            assertThat(merged.sum(i)).isCloseTo(onePass.sum(i), within(1e-6));
        }
    }

    @Test
    void populationStdOfAKnownSample() {
        CellChunk c = new CellChunk();
        for (double v : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            c.addPixel(7, true, v);
        }
        c.addPixel(7, false, 1e9);
        assertThat(c.countTotal(7)).isEqualTo(9);
        assertThat(c.countValid(7)).isEqualTo(8);
        assertThat(c.mean(7)).isEqualTo(5.0);
        assertThat(c.std(7)).isEqualTo(2.0);
        assertThat(c.std(8)).isNaN();
    }

    @Test
    void mergeWindowCountsEachCoveredCellOncePerItem() {
        CellChunk window = new CellChunk();
        window.addPixel(0, true, 1);
        window.addPixel(0, true, 2);
        window.addPixel(1, false, 0);
        CellChunk period = new CellChunk();
        long[] itemA = newMask();
        period.mergeWindow(window, itemA);
        period.mergeWindow(window, newMask());
        // item A again (another of its windows covering the same cells): statistics add up, items do not
        period.mergeWindow(window, itemA);
        assertThat(period.items(0)).isEqualTo(2);
        assertThat(period.items(1)).isEqualTo(2);
        assertThat(period.items(2)).isZero();
        assertThat(period.countValid(0)).isEqualTo(6);
        assertThat(itemA[0]).as("cells 0 and 1 marked for item A").isEqualTo(0b11);
        assertThatThrownBy(() -> period.mergeWindow(window, new long[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 words");
    }

    private static long[] newMask() {
        return new long[CellChunk.ITEM_MASK_WORDS];
    }

    @Test
    void cellIndexWrapsWithinAChunk() {
        assertThat(CellChunk.index(0, 0)).isZero();
        assertThat(CellChunk.index(CellChunk.SIDE + 3, 2)).isEqualTo(2 * CellChunk.SIDE + 3);
    }

    /** A rectangle of cells of a chunk, half-open: {@code [x0, x1) x [y0, y1)}. */
    record Extent(int x0, int y0, int x1, int y1) {
        boolean contains(int x, int y) {
            return x >= x0 && x < x1 && y >= y0 && y < y1;
        }
    }

    /**
     * @param windows the extents of the partials an item's windows make of one chunk (they may overlap by a
     *     straddling cell row or column, as cells cut by a window edge do)
     */
    record Split(String name, List<Extent> windows) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Split> splits() {
        return Stream.of(
                new Split("whole chunk, one window", List.of(new Extent(0, 0, 64, 64))),
                new Split("2 x 2 windows, edges in cells 12 and 51 (straddling)", List.of(new Extent(0, 0, 13, 52),
                        new Extent(12, 0, 64, 52), new Extent(0, 51, 13, 64), new Extent(12, 51, 64, 64))),
                new Split("two windows side by side, the first arriving second", List.of(new Extent(38, 0, 64, 64),
                        new Extent(0, 0, 39, 64))),
                new Split("grid edge: the chunk clipped to 10 x 64, split in rows", List.of(new Extent(0, 0, 10, 20),
                        new Extent(0, 19, 10, 64))),
                new Split("a window whose cells are all masked or outside", List.of(new Extent(0, 0, 64, 30),
                        new Extent(5, 30, 7, 31))));
    }

    /**
     * Merging the window partials (of different extents) of three items into a period, as the period stage does,
     * equals adding every pixel to one chunk: counts, min, max and sums exactly (values are eighths), mean exactly
     * (it is sum / count), std to rounding; and each cell counts the items that covered it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    void partialsOfDifferentExtentsMergeToTheOnePassStatistics(Split split) {
        Random random = new Random(split.name().hashCode());
        CellChunk onePass = new CellChunk();
        CellChunk period = null;
        int[] itemsPerCell = new int[CellChunk.CELLS];
        for (int item = 0; item < 3; item++) {
            long[] counted = newMask();
            boolean[] covered = new boolean[CellChunk.CELLS];
            for (Extent e : split.windows()) {
                CellChunk window = new CellChunk();
                for (int n = 0; n < 3000; n++) {
                    int x = e.x0() + random.nextInt(e.x1() - e.x0());
                    int y = e.y0() + random.nextInt(e.y1() - e.y0());
                    boolean valid = random.nextInt(4) != 0 && !split.name().contains("masked");
                    double value = 1000 + random.nextInt(8000) / 8.0;
                    window.addPixel(y * CellChunk.SIDE + x, valid, value);
                    onePass.addPixel(y * CellChunk.SIDE + x, valid, value);
                    covered[y * CellChunk.SIDE + x] = true;
                }
                // As the period stage merges: the period's first window becomes the accumulator.
                if (period == null) {
                    period = window.asFirstWindow(counted);
                } else {
                    period.mergeWindow(window, counted);
                }
            }
            for (int i = 0; i < CellChunk.CELLS; i++) {
                itemsPerCell[i] += covered[i] ? 1 : 0;
            }
        }
        for (int i = 0; i < CellChunk.CELLS; i++) {
            String cell = "cell " + i;
            assertThat(period.countTotal(i)).as(cell).isEqualTo(onePass.countTotal(i));
            assertThat(period.countValid(i)).as(cell).isEqualTo(onePass.countValid(i));
            assertThat(period.items(i)).as(cell).isEqualTo(itemsPerCell[i]);
            assertSame(period.sum(i), onePass.sum(i), cell);
            assertSame(period.min(i), onePass.min(i), cell);
            assertSame(period.max(i), onePass.max(i), cell);
            assertSame(period.mean(i), onePass.mean(i), cell);
            if (onePass.countValid(i) > 0) {
                assertThat(period.std(i)).as(cell).isCloseTo(onePass.std(i), within(1e-12 * onePass.mean(i)));
            } else {
                assertThat(period.std(i)).as(cell).isNaN();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    void anAccumulatorsExtentIsTheUnionOfWhatWasMergedIntoIt(Split split) {
        CellChunk merged = new CellChunk();
        for (Extent e : split.windows()) {
            CellColumns cells = CellColumns.allocate(e.x1() - e.x0(), e.y1() - e.y0());
            cells.addPixel(0, true, 1);
            merged.mergeWindow(CellChunk.of(e.x0(), e.y0(), cells), newMask());
        }
        int x0 = split.windows().stream().mapToInt(Extent::x0).min().orElseThrow();
        int y0 = split.windows().stream().mapToInt(Extent::y0).min().orElseThrow();
        assertThat(merged.x0()).isEqualTo(x0);
        assertThat(merged.y0()).isEqualTo(y0);
        assertThat(merged.width()).isEqualTo(split.windows().stream().mapToInt(Extent::x1).max().orElseThrow() - x0);
        assertThat(merged.height()).isEqualTo(split.windows().stream().mapToInt(Extent::y1).max().orElseThrow() - y0);
    }

    @Test
    void cellsOutsideTheExtentHaveNoPixels() {
        CellColumns cells = CellColumns.allocate(2, 3);
        cells.addPixel(cells.index(1, 2), true, 7);
        CellChunk chunk = CellChunk.of(60, 5, cells);
        int inside = 7 * CellChunk.SIDE + 61;
        assertThat(chunk.countValid(inside)).isEqualTo(1);
        assertThat(chunk.mean(inside)).isEqualTo(7);
        for (int outside : new int[] {0, 5 * CellChunk.SIDE + 59, 8 * CellChunk.SIDE + 61, CellChunk.CELLS - 1}) {
            assertThat(chunk.countTotal(outside)).isZero();
            assertThat(chunk.countValid(outside)).isZero();
            assertThat(chunk.sum(outside)).isZero();
            assertThat(chunk.min(outside)).isNaN();
            assertThat(chunk.max(outside)).isNaN();
            assertThat(chunk.mean(outside)).isNaN();
            assertThat(chunk.std(outside)).isNaN();
            assertThat(chunk.items(outside)).isZero();
        }
        assertThatThrownBy(() -> chunk.countTotal(CellChunk.CELLS)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("4096");
        assertThatThrownBy(() -> CellChunk.of(63, 0, cells)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x3 cells at (63, 0)");
    }

    @Test
    void aViewIsReadOnlyAndItsCopyIsNot() {
        CellColumns window = CellColumns.allocate(100, 100);
        window.addPixel(window.index(70, 3), true, 5);
        CellChunk view = CellChunk.of(0, 0, window.region(64, 0, 36, 64));
        CellChunk other = new CellChunk();
        other.addPixel(0, true, 1);

        assertThatThrownBy(() -> view.mergeWindow(other, newMask())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("copy()");
        CellChunk copy = view.copy();
        copy.mergeWindow(other, newMask());
        assertThat(copy.countValid(0)).isEqualTo(1);
        assertThat(copy.max(3 * CellChunk.SIDE + 6)).isEqualTo(5);
        assertThat(view.countValid(0)).as("the view is unchanged").isZero();
    }

    /**
     * The first window of a period is counted in place: each cell with pixels counts its item, cells of the extent
     * without pixels none, and item counts the chunk carried (a version 1 chunk read back carries zeros for all its
     * cells) are replaced. A read-only view is copied instead, and stays as it was.
     */
    @Test
    void theFirstWindowIsCountedInPlace() {
        CellColumns cells = CellColumns.allocate(3, 2);
        cells.addPixel(cells.index(0, 0), true, 4);
        cells.addPixel(cells.index(2, 1), false, 0);
        CellChunk item = CellChunk.of(10, 20, cells, new int[] {5, 5, 5, 5, 5, 5});

        long[] counted = newMask();
        CellChunk first = item.asFirstWindow(counted);

        assertThat(first).isSameAs(item);
        int[] extent = {20 * CellChunk.SIDE + 10, 20 * CellChunk.SIDE + 11, 20 * CellChunk.SIDE + 12,
            21 * CellChunk.SIDE + 10, 21 * CellChunk.SIDE + 11, 21 * CellChunk.SIDE + 12};
        int[] items = new int[extent.length];
        for (int k = 0; k < extent.length; k++) {
            items[k] = first.items(extent[k]);
        }
        assertThat(items).containsExactly(1, 0, 0, 0, 0, 1);
        assertThat(first.mean(extent[0])).isEqualTo(4);
        assertThat(first.countTotal(extent[5])).isEqualTo(1);
        assertThat(first.countValid(extent[5])).isZero();
        assertThat(counted[extent[0] / 64]).isEqualTo(1L << (extent[0] % 64));
        assertThat(counted[extent[5] / 64]).isEqualTo(1L << (extent[5] % 64));

        CellColumns window = CellColumns.allocate(100, 100);
        window.addPixel(window.index(70, 3), true, 5);
        CellChunk view = CellChunk.of(0, 0, window.region(64, 0, 36, 64));
        CellChunk copied = view.asFirstWindow(newMask());
        assertThat(copied).isNotSameAs(view);
        assertThat(copied.items(3 * CellChunk.SIDE + 6)).isEqualTo(1);
        assertThat(copied.max(3 * CellChunk.SIDE + 6)).isEqualTo(5);
        assertThat(view.items(3 * CellChunk.SIDE + 6)).as("the view is unchanged").isZero();
        assertThat(new CellChunk().asFirstWindow(newMask()).isEmpty()).isTrue();
    }

    @Test
    void mergingAnEmptyChunkChangesNothing() {
        CellChunk chunk = new CellChunk();
        chunk.addPixel(130, true, 2);
        chunk.mergeWindow(new CellChunk(), newMask());
        assertThat(chunk.width()).isEqualTo(1);
        assertThat(chunk.items(130)).isZero();
        assertThat(new CellChunk().isEmpty()).isTrue();
        assertThat(chunk.isEmpty()).isFalse();
    }

    /** Bit-for-bit equality that holds for NaN too (AssertJ's isEqualTo on a primitive double fails on NaN). */
    private static void assertSame(double got, double want, String where) {
        assertThat(Double.valueOf(got)).as(where).isEqualTo(Double.valueOf(want));
    }
}
