package dev.stacstream.job.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.DataType;
import dev.stacstream.job.aggregate.BlockAggregate;
import dev.stacstream.job.aggregate.BlockAggregator;
import dev.stacstream.job.aggregate.CellColumns;
import dev.stacstream.job.aggregate.GridSpec;
import dev.stacstream.job.mask.BandLayer;
import dev.stacstream.job.mask.BandValues;
import dev.stacstream.job.mask.BlockInput;
import dev.stacstream.job.mask.BlockMasker;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.mask.MaskRule;
import dev.stacstream.job.mask.testing.TestRasters;
import dev.stacstream.job.plan.BlockTask;
import dev.stacstream.job.plan.WindowGrid;
import dev.stacstream.sinks.row.OutputPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.util.Collector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A level cut into work windows, each window's aggregate cut into chunk partials and the partials merged per
 * (band, chunk) as the period stage does, equals the aggregate of the whole level as one block, cell by cell, and
 * counts the one item once in every cell, also in cells that window edges cut; each partial's extent is its chunk's
 * part of the window.
 */
class WindowChunksTest {

    private static final double[] GEOTRANSFORM = {500000, 10, 0, 6000000, 0, -10};
    private static final OutputPeriod DAY = OutputPeriod.day(LocalDate.of(2024, 6, 1));
    private static final OutputGrid GRID = new OutputGrid("EPSG:32633", 500000, 6000000, 30, 30);
    private static final int NODATA = 0;

    @ParameterizedTest(name = "level {0}x{1}, windows {2}x{3}, factor {4}")
    @CsvSource({
        "300, 200, 128, 128, 3", // window edges inside cells and inside chunks
        "200, 200, 192, 192, 3", // a window edge on a cell edge (192 = 64 cells of 3)
        "130, 70,  512, 512, 1", // one window, the level smaller than a chunk row
    })
    void partialsMergedPerChunkEqualTheWholeLevel(int width, int height, int stepX, int stepY, int factor) {
        LevelGrid level = new LevelGrid(width, height, GEOTRANSFORM, 32633);
        double[][] bands = {samples(width, height, 1), samples(width, height, 2)};
        WindowGrid windows = new WindowGrid(width, height, stepX, stepY);
        BlockAggregator aggregator = new BlockAggregator(GridSpec.byFactor(factor));
        BlockMasker masker = new BlockMasker(MaskRule.none());

        Map<String, ChunkPartial> merged = new HashMap<>();
        Map<String, long[]> counted = new HashMap<>();
        for (int w = 0; w < windows.count(); w++) {
            PixelWindow window = windows.window(w);
            BlockAggregate aggregate = aggregator.aggregate(masker.mask(block(level, window, bands)));
            List<ChunkPartial> partials = new ArrayList<>();
            WindowChunks.emit(task(windows, w), DAY, GRID, aggregate, copying(partials));
            for (ChunkPartial p : partials) {
                assertExtentIsTheWindowsPartOfTheChunk(p, window, factor);
                long[] mask = counted.computeIfAbsent(p.chunkKey(), key -> new long[CellChunk.ITEM_MASK_WORDS]);
                merged.put(p.chunkKey(), ChunkMerges.windowIntoPeriod(merged.get(p.chunkKey()), p, mask));
            }
        }
        List<ChunkPartial> complete = List.copyOf(merged.values());

        BlockAggregate whole = new BlockAggregator(GridSpec.byFactor(factor))
                .aggregate(masker.mask(block(level, PixelWindow.full(width, height), bands)));
        int chunkColumns = (whole.cellColumns() + CellChunk.SIDE - 1) / CellChunk.SIDE;
        int chunkRows = (whole.cellRows() + CellChunk.SIDE - 1) / CellChunk.SIDE;
        assertThat(complete).hasSize(2 * chunkColumns * chunkRows);
        for (ChunkPartial chunk : complete) {
            CellColumns want = whole.cells(whole.bandNames().indexOf(chunk.band()));
            for (int i = 0; i < CellChunk.CELLS; i++) {
                long cx = chunk.chunkX() * CellChunk.SIDE + i % CellChunk.SIDE;
                long cy = chunk.chunkY() * CellChunk.SIDE + i / CellChunk.SIDE;
                String where = chunk.band() + " cell (" + cx + ", " + cy + ")";
                if (cx >= whole.cellColumns() || cy >= whole.cellRows()) {
                    assertThat(chunk.cells().countTotal(i)).as(where).isZero();
                    continue;
                }
                int k = want.index((int) cx, (int) cy);
                CellChunk got = chunk.cells();
                assertThat(got.countTotal(i)).as(where).isEqualTo(want.countTotal(k));
                assertThat(got.countValid(i)).as(where).isEqualTo(want.countValid(k));
                assertThat(got.items(i)).as(where).isEqualTo(1);
                assertSame(got.sum(i), want.sum(k), where);
                assertSame(got.min(i), want.min(k), where);
                assertSame(got.max(i), want.max(k), where);
                assertSame(got.mean(i), want.mean(k), where);
                if (want.countValid(k) > 0) {
                    assertThat(got.std(i)).as(where).isCloseTo(want.std(k), within(1e-9));
                } else {
                    assertThat(got.std(i)).as(where).isNaN();
                }
            }
        }
    }

    private static void assertExtentIsTheWindowsPartOfTheChunk(ChunkPartial p, PixelWindow window, int factor) {
        long chunkCol0 = p.chunkX() * CellChunk.SIDE;
        long chunkRow0 = p.chunkY() * CellChunk.SIDE;
        long x0 = Math.max(chunkCol0, window.col() / factor);
        long x1 = Math.min(chunkCol0 + CellChunk.SIDE, (window.colEnd() - 1) / factor + 1);
        long y0 = Math.max(chunkRow0, window.row() / factor);
        long y1 = Math.min(chunkRow0 + CellChunk.SIDE, (window.rowEnd() - 1) / factor + 1);
        assertThat(p.cells().x0()).isEqualTo(x0 - chunkCol0);
        assertThat(p.cells().y0()).isEqualTo(y0 - chunkRow0);
        assertThat(p.cells().width()).isEqualTo(x1 - x0);
        assertThat(p.cells().height()).isEqualTo(y1 - y0);
    }

    /** Keeps copies: the emitted cells view the aggregate, which the next window overwrites. */
    private static Collector<ChunkPartial> copying(List<ChunkPartial> into) {
        return new Collector<>() {
            @Override
            public void collect(ChunkPartial p) {
                into.add(p.withCells(p.cells().copy()));
            }

            @Override
            public void close() {}
        };
    }

    private static BlockTask task(WindowGrid windows, int index) {
        return new BlockTask("item", "c", Instant.parse("2024-06-01T10:00:00Z"), "33UUU", index, windows, List.of());
    }

    private static BlockInput block(LevelGrid level, PixelWindow window, double[][] bands) {
        List<BandLayer> layers = new ArrayList<>();
        for (int b = 0; b < bands.length; b++) {
            double[] v = new double[window.width() * window.height()];
            for (int r = 0; r < window.height(); r++) {
                System.arraycopy(bands[b], (window.row() + r) * level.width() + window.col(), v, r * window.width(),
                        window.width());
            }
            layers.add(BandLayer.of("b" + b, TestRasters.of(DataType.UINT16, window.width(), window.height(), v),
                    BandValues.withNodata(NODATA)));
        }
        return BlockInput.of(level, window, layers);
    }

    /** Sensor-like values with some nodata, so that some cells are partly or wholly invalid. */
    private static double[] samples(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[width * height];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % width < 7 || random.nextInt(10) == 0 ? NODATA : 1 + random.nextInt(4000);
        }
        return v;
    }

    /** Bit-for-bit equality that holds for NaN too (AssertJ's isEqualTo on a primitive double fails on NaN). */
    private static void assertSame(double got, double want, String where) {
        assertThat(Double.valueOf(got)).as(where).isEqualTo(Double.valueOf(want));
    }
}
