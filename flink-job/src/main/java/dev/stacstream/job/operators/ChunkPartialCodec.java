package dev.stacstream.job.operators;

import dev.stacstream.job.types.RecordCodec;
import dev.stacstream.sinks.row.OutputPeriod;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Binary form of {@link ChunkPartial}: the header fields, then the cells of the chunk's extent
 * ({@link CellChunkCodec}). Version 3 dropped the two window counts of the per-item merge stage that the job no
 * longer has; version 2 (the extent row by row, each row's field widths chosen for the row) and version 1 (cells by
 * index, fixed-width fields) are still read, their window counts skipped.
 */
public final class ChunkPartialCodec implements RecordCodec<ChunkPartial> {

    private static final long serialVersionUID = 1L;
    private static final int V1 = 1;
    private static final int V2 = 2;
    private static final int V3 = 3;

    @Override
    public int version() {
        return V3;
    }

    /** Mutable: the aggregators merge into the {@link CellChunk} of the partial they hold in keyed state. */
    @Override
    public boolean isImmutable() {
        return false;
    }

    @Override
    public ChunkPartial copy(ChunkPartial p) {
        return p.withCells(p.cells().copy());
    }

    @Override
    public void write(ChunkPartial p, DataOutputView out) throws IOException {
        out.writeUTF(p.itemId());
        out.writeUTF(p.collection());
        out.writeUTF(p.tile());
        out.writeUTF(p.band());
        out.writeUTF(p.period().label());
        out.writeLong(p.period().start().toEpochMilli());
        out.writeLong(p.period().end().toEpochMilli());
        out.writeUTF(p.grid().crs());
        out.writeDouble(p.grid().originX());
        out.writeDouble(p.grid().originY());
        out.writeDouble(p.grid().cellWidth());
        out.writeDouble(p.grid().cellHeight());
        out.writeLong(p.chunkX());
        out.writeLong(p.chunkY());
        out.writeLong(p.eventTime());
        CellChunkCodec.write(p.cells(), out);
    }

    @Override
    public ChunkPartial read(int version, DataInputView in) throws IOException {
        String itemId = in.readUTF();
        String collection = in.readUTF();
        String tile = in.readUTF();
        String band = in.readUTF();
        OutputPeriod period = new OutputPeriod(in.readUTF(), Instant.ofEpochMilli(in.readLong()),
                Instant.ofEpochMilli(in.readLong()));
        OutputGrid grid = new OutputGrid(in.readUTF(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
        long chunkX = in.readLong();
        long chunkY = in.readLong();
        if (version < V3) {
            in.skipBytesToRead(2 * Integer.BYTES);
        }
        return new ChunkPartial(itemId, collection, tile, band, period, grid, chunkX, chunkY, in.readLong(),
                version == V1 ? CellChunkCodec.readVersion1(in) : CellChunkCodec.read(in));
    }
}
