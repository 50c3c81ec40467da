package dev.stacstream.sinks.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import dev.stacstream.sinks.testing.RowBatches;
import dev.stacstream.sinks.testing.SampleRows;
import java.io.IOException;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * Batches cross the network in their versioned binary form, never through Kryo, and are passed down an operator
 * chain without a copy.
 */
class GridStatsBatchSerializerTest {

    private static final int BUFFER_BYTES = 4096;

    /** A batch with a tile, one without, and rows with and without statistics. */
    private static final List<GridStatsBatch> BATCHES = List.of(
            RowBatches.batch(LongStream.range(0, 5).mapToObj(i -> SampleRows.gridStats(i * 6)).toList()),
            GridStatsBatch.builder("landsat-c2-l2", null, SampleRows.PERIODS.get(2), "nir",
                    SampleRows.grid("EPSG:32630"), 2)
                    .add(7, 9, 36, 0, 0, 0, 0, 0, 0, 1)
                    .add(8, 9, 36, 12, 0.125, -0.5, 0.75, 0.3, 1.5, 3)
                    .build());

    private final TypeSerializer<GridStatsBatch> serializer = serializerWithoutGenericTypes();

    private static TypeSerializer<GridStatsBatch> serializerWithoutGenericTypes() {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        return GridStatsBatch.typeInfo().createSerializer(config);
    }

    @Test
    void isNotAGenericTypeAndRoundTrips() throws IOException {
        TypeInformation<GridStatsBatch> type = GridStatsBatch.typeInfo();

        assertThat(type).isNotInstanceOf(GenericTypeInfo.class);
        for (GridStatsBatch batch : BATCHES) {
            assertThat(serializer.deserialize(new DataInputDeserializer(serialize(batch)))).isEqualTo(batch)
                    .isNotSameAs(batch);
        }
    }

    @Test
    void isImmutableSoCopiesAreTheBatchItself() {
        assertThat(serializer.isImmutableType()).isTrue();
        assertThat(BATCHES).allSatisfy(batch -> assertThat(serializer.copy(batch)).isSameAs(batch));
    }

    @Test
    void aLayoutVersionItDoesNotKnowIsRejectedNamingBoth() throws IOException {
        byte[] bytes = serialize(BATCHES.get(0));
        bytes[0] = (byte) (GridStatsBatchFormat.VERSION + 1);

        assertThatIOException().isThrownBy(() -> serializer.deserialize(new DataInputDeserializer(bytes)))
                .withMessage("grid_stats batch of layout version 2 cannot be read: this build reads version 1");
    }

    @Test
    void anInvalidRowOnTheWireIsAnIoError() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(BUFFER_BYTES);
        out.writeByte(GridStatsBatchFormat.VERSION);
        GridStatsBatchFormat.write(BATCHES.get(1), out);
        byte[] bytes = out.getCopyOfBuffer();
        // The first item count (the last column): 1 becomes 0.
        int firstItems = bytes.length - 2 * Integer.BYTES;
        bytes[firstItems + Integer.BYTES - 1] = 0;

        assertThatIOException().isThrownBy(() -> serializer.deserialize(new DataInputDeserializer(bytes)))
                .withMessageContaining("items is 0");
    }

    @Test
    void theSnapshotRestoresTheSameSerializer() throws IOException {
        TypeSerializerSnapshot<GridStatsBatch> snapshot = serializer.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(BUFFER_BYTES);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);

        TypeSerializerSnapshot<GridStatsBatch> restored = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

        assertThat(restored.restoreSerializer()).isEqualTo(serializer);
        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs())
                .isTrue();
    }

    private byte[] serialize(GridStatsBatch batch) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(BUFFER_BYTES);
        serializer.serialize(batch, out);
        return out.getCopyOfBuffer();
    }
}
