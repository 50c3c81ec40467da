package dev.stacstream.job.operators;

import dev.stacstream.job.plan.BlockTaskCodec;
import dev.stacstream.job.types.RecordCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Codec of {@link FetchedWindow} (only used if the read-decode chain is ever broken; blocks stay raw bytes). Version 2
 * writes the version of the {@link BlockTaskCodec} before the task; version 1, which did not, holds version 1 tasks.
 */
public final class FetchedWindowCodec implements RecordCodec<FetchedWindow> {
    private static final long serialVersionUID = 1L;
    private static final int VERSION_WITH_TASK_VERSION = 2;
    /** The task layout version 1 embedded. */
    private static final int TASK_VERSION_BEFORE_2 = 1;
    private final BlockTaskCodec tasks = new BlockTaskCodec();

    @Override
    public int version() {
        return VERSION_WITH_TASK_VERSION;
    }

    @Override
    public void write(FetchedWindow f, DataOutputView out) throws IOException {
        out.writeByte(tasks.version());
        tasks.write(f.task(), out);
        out.writeBoolean(f.failure() != null);
        if (f.failure() != null) {
            ErrorRowCodec.write(f.failure(), out);
            return;
        }
        out.writeInt(f.blocks().size());
        for (var asset : f.blocks()) {
            out.writeInt(asset.size());
            for (ByteBuffer b : asset) {
                out.writeInt(b == null ? -1 : b.remaining());
                if (b != null) {
                    ByteBuffer view = b.duplicate();
                    byte[] bytes = new byte[view.remaining()];
                    view.get(bytes);
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public FetchedWindow read(int version, DataInputView in) throws IOException {
        var task = tasks.read(version < VERSION_WITH_TASK_VERSION ? TASK_VERSION_BEFORE_2 : in.readUnsignedByte(), in);
        if (in.readBoolean()) {
            return FetchedWindow.failed(task, ErrorRowCodec.read(in));
        }
        int assets = in.readInt();
        var blocks = new ArrayList<List<ByteBuffer>>(assets);
        for (int a = 0; a < assets; a++) {
            int n = in.readInt();
            var list = new ArrayList<ByteBuffer>(n);
            for (int i = 0; i < n; i++) {
                int len = in.readInt();
                byte[] b = len < 0 ? null : new byte[len];
                if (b != null) {
                    in.readFully(b);
                }
                list.add(b == null ? null : ByteBuffer.wrap(b));
            }
            blocks.add(list);
        }
        return FetchedWindow.ok(task, blocks);
    }
}
