package dev.stacstream.job.operators;

import dev.stacstream.job.plan.BlockTaskCodec;
import dev.stacstream.job.types.RecordCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Codec of {@link Planned}. */
public final class PlannedCodec implements RecordCodec<Planned> {
    private static final long serialVersionUID = 1L;
    private final BlockTaskCodec tasks = new BlockTaskCodec();

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void write(Planned p, DataOutputView out) throws IOException {
        out.writeBoolean(p.task() != null);
        if (p.task() != null) {
            tasks.write(p.task(), out);
        } else {
            ErrorRowCodec.write(p.error(), out);
        }
    }

    @Override
    public Planned read(int version, DataInputView in) throws IOException {
        return in.readBoolean() ? Planned.task(tasks.read(tasks.version(), in)) : Planned.error(ErrorRowCodec.read(in));
    }
}

