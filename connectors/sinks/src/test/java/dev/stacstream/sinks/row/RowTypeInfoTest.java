package dev.stacstream.sinks.row;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.sinks.testing.SampleRows;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.CompositeType;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The error rows travel between operators and into state as Flink POJOs (Java records), never through Kryo, so a
 * job with {@code pipeline.generic-types: false} accepts them. ({@code grid_stats} rows travel as batches with a
 * serializer of their own: {@link GridStatsBatchSerializerTest}.)
 */
class RowTypeInfoTest {

    private static final int BUFFER_BYTES = 256;

    static Stream<Arguments> rowTypes() {
        List<Object> errors = new ArrayList<>(LongStream.range(0, 3).mapToObj(SampleRows::error).toList());
        errors.add(ErrorRow.of(null, ErrorStage.DISCOVER, "io", "catalog page timed out", Instant.EPOCH));
        return Stream.of(Arguments.of(ErrorRow.typeInfo(), errors));
    }

    @ParameterizedTest
    @MethodSource("rowTypes")
    <T> void isAPojoWithoutGenericFieldsAtAnyDepth(TypeInformation<T> type, List<T> rows) {
        assertThat(type).isInstanceOf(PojoTypeInfo.class);
        assertThat(genericTypesIn(type)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("rowTypes")
    <T> void roundTripsThroughASerializerBuiltWithGenericTypesDisabled(TypeInformation<T> type, List<T> rows)
            throws IOException {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<T> serializer = type.createSerializer(config);
        DataOutputSerializer out = new DataOutputSerializer(BUFFER_BYTES);

        List<T> copies = new ArrayList<>();
        for (T row : rows) {
            out.clear();
            serializer.serialize(row, out);
            copies.add(serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())));
        }

        assertThat(copies).isEqualTo(rows);
        assertThat(rows).allSatisfy(row -> assertThat(serializer.copy(row)).isEqualTo(row));
    }

    private static List<TypeInformation<?>> genericTypesIn(TypeInformation<?> type) {
        List<TypeInformation<?>> found = new ArrayList<>();
        if (type instanceof GenericTypeInfo) {
            found.add(type);
        }
        if (type instanceof CompositeType<?> composite) {
            for (int i = 0; i < composite.getArity(); i++) {
                found.addAll(genericTypesIn(composite.getTypeAt(i)));
            }
        }
        return found;
    }
}
