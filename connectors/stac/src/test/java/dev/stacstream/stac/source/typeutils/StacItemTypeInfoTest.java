package dev.stacstream.stac.source.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.stac.model.StacItem;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.util.InstantiationUtil;

import org.junit.jupiter.api.Test;

class StacItemTypeInfoTest {

    @Test
    void createsTheJsonSerializerWhenGenericTypesAreDisabled() {
        // Given a job configuration that forbids Kryo fallbacks (pipeline.generic-types: false)
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        SerializerConfig serializerConfig = new SerializerConfigImpl(configuration);

        // When / Then: Flink's own type extraction would fall back to Kryo and is refused, this type info is not
        assertThatThrownBy(() -> TypeInformation.of(StacItem.class).createSerializer(serializerConfig))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(StacItemTypeInfo.INSTANCE.createSerializer(serializerConfig))
                .isSameAs(StacItemSerializer.INSTANCE);
    }

    @Test
    void survivesJavaSerializationAsAnEqualValue() throws Exception {
        StacItemTypeInfo copy = InstantiationUtil.clone(StacItemTypeInfo.INSTANCE);

        assertThat(copy).isEqualTo(StacItemTypeInfo.INSTANCE).hasSameHashCodeAs(StacItemTypeInfo.INSTANCE);
        assertThat(copy.getTypeClass()).isEqualTo(StacItem.class);
    }
}
