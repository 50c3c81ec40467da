package dev.stacstream.sinks.row;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer of {@link GridStatsBatch}: a version byte, then the {@link GridStatsBatchFormat} of that
 * version. The type is immutable, so Flink neither copies a batch between chained operators nor between the
 * outputs of an operator with side outputs; only a batch that crosses the network is serialized.
 *
 * <p>Batches travel between operators only, never in state, so the serializer's snapshot carries no
 * configuration: the version byte of each record already tells the reader its layout.
 */
public final class GridStatsBatchSerializer extends TypeSerializerSingleton<GridStatsBatch> {

    private static final long serialVersionUID = 1L;

    /** The serializer; stateless. */
    public static final GridStatsBatchSerializer INSTANCE = new GridStatsBatchSerializer();

    private GridStatsBatchSerializer() {}

    @Override
    public boolean isImmutableType() {
        return true;
    }

    /** No empty batch exists to reuse: deserialization always builds a new one. */
    @Override
    public GridStatsBatch createInstance() {
        return null;
    }

    @Override
    public GridStatsBatch copy(GridStatsBatch from) {
        return from;
    }

    @Override
    public GridStatsBatch copy(GridStatsBatch from, GridStatsBatch reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(GridStatsBatch batch, DataOutputView target) throws IOException {
        target.writeByte(GridStatsBatchFormat.VERSION);
        GridStatsBatchFormat.write(batch, target);
    }

    @Override
    public GridStatsBatch deserialize(DataInputView source) throws IOException {
        return GridStatsBatchFormat.read(source.readUnsignedByte(), source);
    }

    @Override
    public GridStatsBatch deserialize(GridStatsBatch reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<GridStatsBatch> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer's snapshot: restored by class name, it has nothing to configure. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<GridStatsBatch> {

        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
