package dev.stacstream.job.operators;

import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.ErrorStage;
import java.io.IOException;
import java.time.Instant;
import dev.stacstream.job.types.NullableFields;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Binary form of an {@link ErrorRow} inside the job's own records. */
final class ErrorRowCodec {

    private ErrorRowCodec() {}

    static void write(ErrorRow e, DataOutputView out) throws IOException {
        NullableFields.writeString(out, e.itemId());
        NullableFields.writeString(out, e.asset());
        NullableFields.writeString(out, e.href());
        out.writeLong(e.block() == null ? -1 : e.block());
        out.writeByte(e.stage().ordinal());
        out.writeUTF(e.kind());
        out.writeUTF(e.message());
        out.writeInt(e.attempts());
        out.writeLong(e.time().getEpochSecond());
        out.writeInt(e.time().getNano());
    }

    static ErrorRow read(DataInputView in) throws IOException {
        String item = NullableFields.readString(in);
        String asset = NullableFields.readString(in);
        String href = NullableFields.readString(in);
        long block = in.readLong();
        ErrorStage stage = ErrorStage.values()[in.readByte()];
        return new ErrorRow(item, asset, href, block < 0 ? null : block, stage, in.readUTF(), in.readUTF(), in.readInt(),
                Instant.ofEpochSecond(in.readLong(), in.readInt()));
    }

}
