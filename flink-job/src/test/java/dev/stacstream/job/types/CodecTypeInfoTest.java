package dev.stacstream.job.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.junit.jupiter.api.Test;

class CodecTypeInfoTest {

    record Point(String name, double x, double y) {}

    /** Version 1 wrote only the name and x; version 2 added y. */
    public static final class PointCodec implements RecordCodec<Point> {
        @Override
        public int version() {
            return 2;
        }

        @Override
        public void write(Point p, DataOutputView out) throws IOException {
            out.writeUTF(p.name());
            out.writeDouble(p.x());
            out.writeDouble(p.y()); // added in V2
        }

        @Override
        public Point read(int version, DataInputView in) throws IOException {
            String name = in.readUTF();
            double x = in.readDouble();
            double y = version >= 2 ? in.readDouble() : Double.NaN;
            return new Point(name, x, y);
        }
    }

    private static final CodecTypeInfo<Point> INFO = CodecTypeInfo.of(Point.class, new PointCodec());

    @Test
    void roundTripsThroughTheSerializer() throws IOException {
        TypeSerializer<Point> serializer = INFO.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(new Point("a", 1.5, -2), out);
        Point back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(back).isEqualTo(new Point("a", 1.5, -2));
        assertThat(INFO.isKeyType()).isFalse();
    }

    @Test
    void readsRecordsOfAnOlderVersion() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeByte(1);
        out.writeUTF("old");
        out.writeDouble(3);
        Point back = INFO.createSerializer(new SerializerConfigImpl()).deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(back.name()).isEqualTo("old");
        assertThat(back.y()).isNaN();
    }

    @Test
    void rejectsRecordsFromANewerCodec() {
        byte[] future = {9, 0, 0};
        assertThatThrownBy(() -> INFO.createSerializer(new SerializerConfigImpl()).deserialize(new DataInputDeserializer(future)))
                .isInstanceOf(IOException.class).hasMessageContaining("version 9").hasMessageContaining("PointCodec");
    }

    @Test
    void snapshotRestoresAnEqualSerializerAndIsCompatibleAsIs() throws IOException {
        TypeSerializer<Point> serializer = INFO.createSerializer(new SerializerConfigImpl());
        TypeSerializerSnapshot<Point> snapshot = serializer.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<Point> restored = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(restored.restoreSerializer()).isEqualTo(serializer);
        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs()).isTrue();
    }
}
