package dev.stacstream.stac.source.typeutils;

import dev.stacstream.stac.model.StacItem;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Type information of {@link StacItem} records, serialized by {@link StacItemSerializer}. Without it Flink would
 * treat the item as a generic type and fall back to Kryo, which jobs running with
 * {@code pipeline.generic-types: false} reject.
 *
 * <p>The {@code StacSource} declares it as its produced type. Operators that return items from a lambda need it
 * too: {@code stream.filter(..)} keeps it, but {@code stream.map(item -> ..).returns(StacItemTypeInfo.INSTANCE)}
 * has to state it.
 */
public final class StacItemTypeInfo extends TypeInformation<StacItem> {

    private static final long serialVersionUID = 1L;

    public static final StacItemTypeInfo INSTANCE = new StacItemTypeInfo();

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
    public Class<StacItem> getTypeClass() {
        return StacItem.class;
    }

    /** Items are not keys; key a stream by item id or collection instead. */
    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<StacItem> createSerializer(SerializerConfig config) {
        return StacItemSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "StacItem(JSON)";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof StacItemTypeInfo;
    }

    @Override
    public int hashCode() {
        return StacItemTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof StacItemTypeInfo;
    }
}
