package dev.stacstream.job.operators;

import dev.stacstream.job.aggregate.BlockAggregate;
import dev.stacstream.job.plan.BlockTask;
import dev.stacstream.sinks.row.OutputPeriod;
import java.util.List;
import org.apache.flink.util.Collector;

/**
 * Cuts one work window's aggregate into {@link ChunkPartial}s: one per band and chunk of {@link CellChunk#SIDE}²
 * cells the window touches, whose extent is the part of the chunk the window covers.
 *
 * <p>No copy: each partial's cells are a read-only view of the aggregate, valid until its aggregator's next block.
 * The job sends the partials through a keyBy, whose record writer serializes each one inside
 * {@link Collector#collect}, so nothing downstream holds a view; a consumer that keeps partials beyond that (a
 * chained operator, a test) copies them ({@link CellChunk#copy}).
 */
public final class WindowChunks {

    private WindowChunks() {}

    /** Emits the partials of {@code aggregate}, the aggregate of {@code task}'s window, on {@code grid}. */
    public static void emit(BlockTask task, OutputPeriod period, OutputGrid grid, BlockAggregate aggregate,
            Collector<ChunkPartial> out) {
        String collection = task.collection() == null ? "none" : task.collection();
        long eventTime = task.datetime().toEpochMilli();
        List<String> bands = aggregate.bandNames();
        int cellX0 = aggregate.cellX0();
        int cellY0 = aggregate.cellY0();
        int cellX1 = cellX0 + aggregate.cellColumns();
        int cellY1 = cellY0 + aggregate.cellRows();
        for (int chunkY = cellY0 / CellChunk.SIDE; chunkY * CellChunk.SIDE < cellY1; chunkY++) {
            int y0 = Math.max(cellY0, chunkY * CellChunk.SIDE);
            int y1 = Math.min(cellY1, (chunkY + 1) * CellChunk.SIDE);
            for (int chunkX = cellX0 / CellChunk.SIDE; chunkX * CellChunk.SIDE < cellX1; chunkX++) {
                int x0 = Math.max(cellX0, chunkX * CellChunk.SIDE);
                int x1 = Math.min(cellX1, (chunkX + 1) * CellChunk.SIDE);
                for (int b = 0; b < bands.size(); b++) {
                    CellChunk cells = CellChunk.of(x0 - chunkX * CellChunk.SIDE, y0 - chunkY * CellChunk.SIDE,
                            aggregate.cells(b).region(x0 - cellX0, y0 - cellY0, x1 - x0, y1 - y0));
                    out.collect(new ChunkPartial(task.itemId(), collection, task.tile(), bands.get(b), period, grid, chunkX,
                            chunkY, eventTime, cells));
                }
            }
        }
    }
}
