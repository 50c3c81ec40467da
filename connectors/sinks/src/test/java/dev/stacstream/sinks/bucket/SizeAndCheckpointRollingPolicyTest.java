package dev.stacstream.sinks.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.streaming.api.functions.sink.filesystem.PartFileInfo;
import org.junit.jupiter.api.Test;

class SizeAndCheckpointRollingPolicyTest {

    private static PartFileInfo<String> partOf(long size) {
        return new PartFileInfo<>() {
            @Override
            public String getBucketId() {
                return "b";
            }

            @Override
            public long getCreationTime() {
                return 0;
            }

            @Override
            public long getSize() {
                return size;
            }

            @Override
            public long getLastUpdateTime() {
                return 0;
            }
        };
    }

    @Test
    void rollsBeforeAnElementOnceTheTargetIsReachedAndAtEveryCheckpoint() throws Exception {
        var policy = new SizeAndCheckpointRollingPolicy<Object, String>(1000);
        assertThat(policy.shouldRollOnEvent(partOf(999), "next polygon")).isFalse();
        assertThat(policy.shouldRollOnEvent(partOf(1000), "next polygon")).isTrue();
        assertThat(policy.shouldRollOnProcessingTime(partOf(5000), 123)).isFalse();
        assertThat(policy.shouldRollOnCheckpoint(partOf(1))).isTrue();
        assertThatThrownBy(() -> new SizeAndCheckpointRollingPolicy<Object, String>(0))
                .hasMessageContaining("must be positive");
    }
}
