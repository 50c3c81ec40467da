package dev.stacstream.job.plan;

import dev.stacstream.job.types.NullableFields;
import java.io.IOException;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes a {@link BlockTask} as {@link BlockTaskCodec} version 1 did (the window count where version 2 writes the
 * window grid), for the tests that read the state of an older job.
 */
public final class BlockTaskVersion1 {

    private BlockTaskVersion1() {}

    /** The version 1 bytes of {@code t}, whose grid must be one window per band block, as the version 1 planner made. */
    public static void write(BlockTask t, DataOutputView out) throws IOException {
        out.writeUTF(t.itemId());
        NullableFields.writeString(out, t.collection());
        out.writeLong(t.datetime().getEpochSecond());
        out.writeInt(t.datetime().getNano());
        out.writeUTF(t.tile());
        out.writeInt(t.windowIndex());
        out.writeInt(t.windowCount());
        BlockTaskCodec.writeAssets(t.assets(), out);
    }
}
