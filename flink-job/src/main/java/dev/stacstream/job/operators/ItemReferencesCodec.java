package dev.stacstream.job.operators;

import dev.stacstream.job.types.RecordCodec;
import dev.stacstream.sinks.manifest.ItemReferences;
import dev.stacstream.sinks.manifest.ItemReferencesFormat;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Codec of {@link ItemReferences}: the sinks module's {@link ItemReferencesFormat}, whose version it carries. */
public final class ItemReferencesCodec implements RecordCodec<ItemReferences> {
    private static final long serialVersionUID = 1L;

    @Override
    public int version() {
        return ItemReferencesFormat.VERSION;
    }

    @Override
    public void write(ItemReferences record, DataOutputView out) throws IOException {
        ItemReferencesFormat.write(record, out);
    }

    @Override
    public ItemReferences read(int version, DataInputView in) throws IOException {
        return ItemReferencesFormat.read(version, in);
    }
}
