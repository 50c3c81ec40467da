package dev.stacstream.job.operators;

import dev.stacstream.job.types.RecordCodec;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.ErrorStage;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Binary form of an {@link ErrorRow} inside the job's own records. */
final class ErrorRowCodec {

    private ErrorRowCodec() {}

    static void write(ErrorRow e, DataOutputView out) throws IOException {
        writeNullable(out, e.itemId());
        writeNullable(out, e.asset());
        writeNullable(out, e.href());
        out.writeLong(e.block() == null ? -1 : e.block());
        out.writeByte(e.stage().ordinal());
        out.writeUTF(e.kind());
        out.writeUTF(e.message());
        out.writeInt(e.attempts());
        out.writeLong(e.time().getEpochSecond());
        out.writeInt(e.time().getNano());
    }

    static ErrorRow read(DataInputView in) throws IOException {
        String item = readNullable(in);
        String asset = readNullable(in);
        String href = readNullable(in);
        long block = in.readLong();
        ErrorStage stage = ErrorStage.values()[in.readByte()];
        return new ErrorRow(item, asset, href, block < 0 ? null : block, stage, in.readUTF(), in.readUTF(), in.readInt(),
                Instant.ofEpochSecond(in.readLong(), in.readInt()));
    }

    private static void writeNullable(DataOutputView out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** Codec of {@link Planned}. */
    public static final class PlannedCodec implements RecordCodec<Planned> {
        private static final long serialVersionUID = 1L;
        private final dev.stacstream.job.plan.BlockTaskCodec tasks = new dev.stacstream.job.plan.BlockTaskCodec();

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

    /** Codec of {@link FetchedWindow} (only used if the read-decode chain is ever broken; blocks stay raw bytes). */
    public static final class FetchedWindowCodec implements RecordCodec<FetchedWindow> {
        private static final long serialVersionUID = 1L;
        private final dev.stacstream.job.plan.BlockTaskCodec tasks = new dev.stacstream.job.plan.BlockTaskCodec();

        @Override
        public int version() {
            return 1;
        }

        @Override
        public void write(FetchedWindow f, DataOutputView out) throws IOException {
            tasks.write(f.task(), out);
            out.writeBoolean(f.failure() != null);
            if (f.failure() != null) {
                ErrorRowCodec.write(f.failure(), out);
                return;
            }
            out.writeInt(f.blocks().size());
            for (var asset : f.blocks()) {
                out.writeInt(asset.size());
                for (byte[] b : asset) {
                    out.writeInt(b == null ? -1 : b.length);
                    if (b != null) {
                        out.write(b);
                    }
                }
            }
        }

        @Override
        public FetchedWindow read(int version, DataInputView in) throws IOException {
            var task = tasks.read(tasks.version(), in);
            if (in.readBoolean()) {
                return FetchedWindow.failed(task, ErrorRowCodec.read(in));
            }
            int assets = in.readInt();
            var blocks = new java.util.ArrayList<java.util.List<byte[]>>(assets);
            for (int a = 0; a < assets; a++) {
                int n = in.readInt();
                var list = new java.util.ArrayList<byte[]>(n);
                for (int i = 0; i < n; i++) {
                    int len = in.readInt();
                    byte[] b = len < 0 ? null : new byte[len];
                    if (b != null) {
                        in.readFully(b);
                    }
                    list.add(b);
                }
                blocks.add(list);
            }
            return FetchedWindow.ok(task, blocks);
        }
    }
}
