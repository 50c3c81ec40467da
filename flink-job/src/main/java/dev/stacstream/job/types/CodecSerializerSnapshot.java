package dev.stacstream.job.types;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Snapshot of a {@link CodecSerializer}: the record class and codec class names. Restoring with the same
 * codec class is always compatible as is, because records carry their own version (see {@link RecordCodec}).
 */
public final class CodecSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {

    private static final int VERSION = 1;

    private Class<T> type;
    private RecordCodec<T> codec;

    /** For restore (Flink instantiates snapshots reflectively). */
    public CodecSerializerSnapshot() {}

    CodecSerializerSnapshot(CodecSerializer<T> serializer) {
        this.type = serializer.type();
        this.codec = serializer.codec();
    }

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(type.getName());
        out.writeUTF(codec.getClass().getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
        if (readVersion != VERSION) {
            throw new IOException("CodecSerializerSnapshot version " + readVersion + " is not " + VERSION);
        }
        String typeName = in.readUTF();
        String codecName = in.readUTF();
        try {
            type = (Class<T>) Class.forName(typeName, false, classLoader);
            codec = (RecordCodec<T>) Class.forName(codecName, true, classLoader).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException e) {
            throw new IOException("cannot restore the serializer of " + typeName + " with codec " + codecName, e);
        }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        return new CodecSerializer<>(type, codec);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
        if (oldSnapshot instanceof CodecSerializerSnapshot<T> old && old.type.equals(type)
                && old.codec.getClass().equals(codec.getClass())) {
            return TypeSerializerSchemaCompatibility.compatibleAsIs();
        }
        return TypeSerializerSchemaCompatibility.incompatible();
    }
}
