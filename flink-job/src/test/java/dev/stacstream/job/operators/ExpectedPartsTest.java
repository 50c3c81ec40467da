package dev.stacstream.job.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.job.aggregate.CellGrid;
import dev.stacstream.job.aggregate.GridSpec;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.plan.WindowGrid;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The number of partials a chunk waits for ({@code WindowChunks.expectedParts}) equals the number of
 * windows that hold pixels of it, for window grids of one or several blocks against chunks of cells that straddle
 * window edges: too few would emit a chunk before all its windows arrived, too many would never emit it.
 */
class ExpectedPartsTest {

    private static final double[] GEOTRANSFORM = {500000, 10, 0, 6000000, 0, -10};

    @ParameterizedTest(name = "level {0}x{1}, windows {2}x{3}, factor {4}")
    @CsvSource({
        // level width, height, window step x, y, aggregation factor
        "10980, 10980, 2048, 2048, 10", // workload W: 2 x 2 tiles of 1024 per window
        "10980, 10980, 1024, 1024, 10", // one window per tile (no mask)
        "1098,  1098,  1024, 1024, 10", // the real corpus scene under its SCL
        "1098,  1098,  512,  512,  10", // the bundled test catalog
        "1098,  1098,  512,  512,  3",  // cells that straddle window edges in both directions
        "700,   300,   256,  128,  7",  // non-square windows and a level that is not a whole number of them
    })
    void eachChunkWaitsForTheWindowsThatHoldItsPixels(int width, int height, int stepX, int stepY, int factor) {
        WindowGrid windows = new WindowGrid(width, height, stepX, stepY);
        CellGrid cells = GridSpec.byFactor(factor).resolve(new LevelGrid(width, height, GEOTRANSFORM, 32633));
        Map<Long, Integer> windowsPerChunk = new HashMap<>();
        for (int i = 0; i < windows.count(); i++) {
            PixelWindow w = windows.window(i);
            int chunkX0 = cells.cellX(w.col()) / CellChunk.SIDE;
            int chunkX1 = cells.cellX(w.colEnd() - 1) / CellChunk.SIDE;
            int chunkY0 = cells.cellY(w.row()) / CellChunk.SIDE;
            int chunkY1 = cells.cellY(w.rowEnd() - 1) / CellChunk.SIDE;
            for (long cy = chunkY0; cy <= chunkY1; cy++) {
                for (long cx = chunkX0; cx <= chunkX1; cx++) {
                    windowsPerChunk.merge(cy << 32 | cx, 1, Integer::sum);
                }
            }
        }
        int chunkColumns = (cells.columns() + CellChunk.SIDE - 1) / CellChunk.SIDE;
        int chunkRows = (cells.rows() + CellChunk.SIDE - 1) / CellChunk.SIDE;
        assertThat(windowsPerChunk).hasSize(chunkColumns * chunkRows);
        windowsPerChunk.forEach((key, count) -> assertThat(
                WindowChunks.expectedParts(windows, cells, key & 0xffff_ffffL, key >>> 32))
                .as("chunk (%d, %d)", key & 0xffff_ffffL, key >>> 32).isEqualTo(count));
    }
}
