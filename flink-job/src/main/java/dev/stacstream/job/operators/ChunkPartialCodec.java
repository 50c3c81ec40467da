package dev.stacstream.job.operators;

import dev.stacstream.job.types.RecordCodec;
import dev.stacstream.sinks.row.OutputPeriod;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Binary form of {@link ChunkPartial}: only cells with pixels are written. */
public final class ChunkPartialCodec implements RecordCodec<ChunkPartial> {

    private static final long serialVersionUID = 1L;
    private static final int V1 = 1;

    @Override
    public int version() {
        return V1;
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
        out.writeInt(p.expectedParts());
        out.writeInt(p.parts());
        out.writeLong(p.eventTime());
        writeCells(p.cells(), out);
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
        return new ChunkPartial(itemId, collection, tile, band, period, grid, in.readLong(), in.readLong(), in.readInt(),
                in.readInt(), in.readLong(), readCells(in));
    }

    static void writeCells(CellChunk c, DataOutputView out) throws IOException {
        int used = 0;
        for (int i = 0; i < CellChunk.CELLS; i++) {
            used += c.countTotal[i] > 0 ? 1 : 0;
        }
        out.writeInt(used);
        for (int i = 0; i < CellChunk.CELLS; i++) {
            if (c.countTotal[i] == 0) {
                continue;
            }
            out.writeShort(i);
            out.writeLong(c.countTotal[i]);
            out.writeLong(c.countValid[i]);
            out.writeDouble(c.sum[i]);
            out.writeDouble(c.min[i]);
            out.writeDouble(c.max[i]);
            out.writeDouble(c.mean[i]);
            out.writeDouble(c.m2[i]);
            out.writeInt(c.items[i]);
        }
    }

    static CellChunk readCells(DataInputView in) throws IOException {
        CellChunk c = new CellChunk();
        int used = in.readInt();
        for (int k = 0; k < used; k++) {
            int i = in.readUnsignedShort();
            c.countTotal[i] = in.readLong();
            c.countValid[i] = in.readLong();
            c.sum[i] = in.readDouble();
            c.min[i] = in.readDouble();
            c.max[i] = in.readDouble();
            c.mean[i] = in.readDouble();
            c.m2[i] = in.readDouble();
            c.items[i] = in.readInt();
        }
        return c;
    }
}
