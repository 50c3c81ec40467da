package dev.stacstream.stac.source.typeutils;

import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.source.split.CheckpointFields;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Flink serializer of {@link StacItem} records (between operators and in state), in the item's own compact JSON:
 * a 4-byte length then UTF-8 bytes. JSON keeps every unknown field and extension, which a field-by-field binary
 * format would have to enumerate, and it is the form the item is validated in ({@link StacItem#fromJson}).
 *
 * <p>Items are immutable, so copies are the item itself.
 */
public final class StacItemSerializer extends TypeSerializerSingleton<StacItem> {

    private static final long serialVersionUID = 1L;

    public static final StacItemSerializer INSTANCE = new StacItemSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    /** A STAC item has no meaningful empty value; Flink asks for one only to reuse mutable objects. */
    @Override
    public StacItem createInstance() {
        return null;
    }

    @Override
    public StacItem copy(StacItem from) {
        return from;
    }

    @Override
    public StacItem copy(StacItem from, StacItem reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(StacItem record, DataOutputView target) throws IOException {
        CheckpointFields.writeString(target, record.toJson());
    }

    @Override
    public StacItem deserialize(DataInputView source) throws IOException {
        return StacItem.fromJson(CheckpointFields.readString(source, "StacItem JSON"));
    }

    @Override
    public StacItem deserialize(StacItem reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public TypeSerializerSnapshot<StacItem> snapshotConfiguration() {
        return new StacItemSerializerSnapshot();
    }

    /** Snapshot of the stateless {@link StacItemSerializer}; restores to {@link #INSTANCE}. */
    public static final class StacItemSerializerSnapshot extends SimpleTypeSerializerSnapshot<StacItem> {

        public StacItemSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
