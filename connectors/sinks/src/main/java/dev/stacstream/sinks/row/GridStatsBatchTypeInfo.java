package dev.stacstream.sinks.row;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink's type information for {@link GridStatsBatch}, so that a job with {@code pipeline.generic-types: false}
 * (no Kryo fallback) accepts it: one opaque field, serialized by {@link GridStatsBatchSerializer}. Not a key type.
 */
final class GridStatsBatchTypeInfo extends TypeInformation<GridStatsBatch> {

    private static final long serialVersionUID = 1L;

    static final GridStatsBatchTypeInfo INSTANCE = new GridStatsBatchTypeInfo();

    private GridStatsBatchTypeInfo() {}

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<GridStatsBatch> getTypeClass() {
        return GridStatsBatch.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<GridStatsBatch> createSerializer(SerializerConfig config) {
        return GridStatsBatchSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "GridStatsBatch";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridStatsBatchTypeInfo;
    }

    @Override
    public int hashCode() {
        return GridStatsBatchTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof GridStatsBatchTypeInfo;
    }

    /** Deserialized from a job graph: the singleton again. */
    private Object readResolve() {
        return INSTANCE;
    }
}
