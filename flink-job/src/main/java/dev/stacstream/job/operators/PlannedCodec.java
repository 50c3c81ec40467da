package dev.stacstream.job.operators;

import dev.stacstream.job.plan.BlockTaskCodec;
import dev.stacstream.job.types.RecordCodec;
import dev.stacstream.sinks.manifest.ItemReferencesFormat;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Codec of {@link Planned}. Version 3 writes a tag byte (task, error, references) and, before a task, the version of
 * the {@link BlockTaskCodec} that wrote it, so that a new task layout needs no new version here. Versions 2 (the tag,
 * without a task version) and 1 (a boolean: task or error, before references existed) are still read, e.g. from the
 * async plan operator's in-flight state in an older savepoint; both hold version 1 tasks.
 */
public final class PlannedCodec implements RecordCodec<Planned> {
    private static final long serialVersionUID = 1L;
    private static final int VERSION_TASK_OR_ERROR = 1;
    private static final int VERSION_TAGGED = 2;
    private static final int VERSION_TAGGED_WITH_TASK_VERSION = 3;
    /** The task layout versions 1 and 2 embedded. */
    private static final int TASK_VERSION_BEFORE_3 = 1;
    private static final byte TASK = 0;
    private static final byte ERROR = 1;
    private static final byte REFERENCES = 2;

    private final BlockTaskCodec tasks = new BlockTaskCodec();

    @Override
    public int version() {
        return VERSION_TAGGED_WITH_TASK_VERSION;
    }

    @Override
    public void write(Planned p, DataOutputView out) throws IOException {
        if (p.task() != null) {
            out.writeByte(TASK);
            out.writeByte(tasks.version());
            tasks.write(p.task(), out);
        } else if (p.error() != null) {
            out.writeByte(ERROR);
            ErrorRowCodec.write(p.error(), out);
        } else {
            out.writeByte(REFERENCES);
            out.writeByte(ItemReferencesFormat.VERSION);
            ItemReferencesFormat.write(p.references(), out);
        }
    }

    @Override
    public Planned read(int version, DataInputView in) throws IOException {
        if (version == VERSION_TASK_OR_ERROR) {
            return in.readBoolean() ? Planned.task(tasks.read(TASK_VERSION_BEFORE_3, in)) : Planned.error(ErrorRowCodec.read(in));
        }
        byte tag = in.readByte();
        return switch (tag) {
            case TASK -> Planned.task(tasks.read(version == VERSION_TAGGED ? TASK_VERSION_BEFORE_3 : in.readUnsignedByte(), in));
            case ERROR -> Planned.error(ErrorRowCodec.read(in));
            case REFERENCES -> Planned.references(ItemReferencesFormat.read(in.readUnsignedByte(), in));
            default -> throw new IOException("unknown plan output tag " + tag);
        };
    }
}
