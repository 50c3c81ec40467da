package dev.stacstream.job.operators;

/**
 * The merge of a work window's chunk partial into its period's accumulator, apart from the keyed state and timers
 * around it ({@link PeriodChunkAggregate}), so that a benchmark times the job's own merge step.
 */
public final class ChunkMerges {

    private ChunkMerges() {}

    /**
     * Merges one window's partial into the period's accumulator ({@code null} for the key's first record) and
     * returns the accumulator to store. Each cell the window covers counts its item once: {@code counted} is the
     * item's mask of cells already counted in this chunk ({@link CellChunk#mergeWindow}), updated here. The first
     * record becomes the accumulator without a copy: it arrives through a keyBy, deserialized, so the operator
     * owns it.
     */
    public static ChunkPartial windowIntoPeriod(ChunkPartial period, ChunkPartial window, long[] counted) {
        if (period == null) {
            return window.withCells(window.cells().asFirstWindow(counted));
        }
        period.cells().mergeWindow(window.cells(), counted);
        return period;
    }
}
