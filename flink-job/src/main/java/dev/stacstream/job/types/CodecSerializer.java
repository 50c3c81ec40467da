package dev.stacstream.job.types;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** A Flink {@link TypeSerializer} for immutable records with a {@link RecordCodec}. */
public final class CodecSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final RecordCodec<T> codec;

    public CodecSerializer(Class<T> type, RecordCodec<T> codec) {
        this.type = Objects.requireNonNull(type, "type");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    Class<T> type() {
        return type;
    }

    RecordCodec<T> codec() {
        return codec;
    }

    @Override
    public boolean isImmutableType() {
        return codec.isImmutable();
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public T copy(T from) {
        return from == null ? null : codec.copy(from);
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        target.writeByte(codec.version());
        codec.write(record, target);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        int version = source.readUnsignedByte();
        if (version > codec.version()) {
            throw new IOException(type.getSimpleName() + " record of version " + version
                    + " is newer than this codec (" + codec.getClass().getName() + ", version " + codec.version() + ")");
        }
        return codec.read(version, source);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodecSerializer<?> other && type.equals(other.type)
                && codec.getClass().equals(other.codec.getClass());
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + codec.getClass().hashCode();
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new CodecSerializerSnapshot<>(this);
    }
}
