package dev.stacstream.sinks.parquet;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import dev.stacstream.sinks.row.FeatureAttribute;
import java.util.List;
import org.apache.parquet.schema.Types;

/**
 * The input features' attribute columns ({@code points}, {@code pixels}): one optional column per property, typed
 * as inferred from the input, and how a feature's values are written into them.
 */
final class AttributeColumns {

    private AttributeColumns() {}

    /** Adds the attributes' columns, in order, to a schema being built. */
    static void addTo(Types.MessageTypeBuilder schema, List<FeatureAttribute> attributes) {
        for (FeatureAttribute a : attributes) {
            switch (a.type()) {
                case BOOLEAN -> schema.optional(BOOLEAN).named(a.column());
                case INT64 -> schema.optional(INT64).named(a.column());
                case DOUBLE -> schema.optional(DOUBLE).named(a.column());
                case STRING -> schema.optional(BINARY).as(stringType()).named(a.column());
                default -> throw new IllegalStateException("attribute type " + a.type());
            }
        }
    }

    /** Writes one feature's values (String, Long, Double, Boolean or null, in attribute order) into the record. */
    static void write(RecordEmitter record, List<FeatureAttribute> attributes, Object[] values) {
        for (int a = 0; a < attributes.size(); a++) {
            Object v = values[a];
            switch (attributes.get(a).type()) {
                case BOOLEAN -> record.bool((Boolean) v);
                case INT64 -> record.int64((Long) v);
                case DOUBLE -> record.float64OrNull(v == null ? Double.NaN : (Double) v);
                case STRING -> record.string((String) v);
                default -> throw new IllegalStateException("attribute type " + attributes.get(a).type());
            }
        }
    }
}
