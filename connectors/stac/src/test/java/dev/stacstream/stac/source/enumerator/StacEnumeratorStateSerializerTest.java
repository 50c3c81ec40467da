package dev.stacstream.stac.source.enumerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.stac.source.testing.GoldenFiles;

import org.apache.flink.core.io.VersionMismatchException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;

class StacEnumeratorStateSerializerTest {

    private static final String GOLDEN = "enumerator-state";

    private final StacEnumeratorStateSerializer serializer = StacEnumeratorStateSerializer.INSTANCE;

    static Stream<Arguments> fixtures() {
        return StateFixtures.BY_NAME.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static Stream<Arguments> goldenFiles() {
        return StacEnumeratorStateSerializer.COMPATIBLE_VERSIONS.stream().sorted()
                .flatMap(version -> StateFixtures.BY_NAME.keySet().stream().map(name -> Arguments.of(version, name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsEveryField(String name, StacEnumeratorState state) throws IOException {
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(state))).isEqualTo(state);
    }

    @ParameterizedTest(name = "v{0} {1}")
    @MethodSource("goldenFiles")
    void restoresTheCommittedBytesOfEveryVersion(int version, String name) throws IOException {
        byte[] golden = GoldenFiles.read(GOLDEN, version, name);

        assertThat(serializer.deserialize(version, golden)).isEqualTo(StateFixtures.BY_NAME.get(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theCurrentVersionWritesTheCommittedBytes(String name, StacEnumeratorState state) throws IOException {
        byte[] written = serializer.serialize(state);
        GoldenFiles.writeIfRegenerating(GOLDEN, serializer.getVersion(), name, written);

        assertThat(written).isEqualTo(GoldenFiles.read(GOLDEN, serializer.getVersion(), name));
    }

    @Test
    void anUnknownVersionIsRejectedNamingBothVersions() {
        assertThatThrownBy(() -> serializer.deserialize(0, serializer.serialize(StateFixtures.FRESH)))
                .isInstanceOf(VersionMismatchException.class)
                .hasMessageContaining("version 0")
                .hasMessageContaining("version " + serializer.getVersion());
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] serialized = serializer.serialize(StateFixtures.RUNNING);
        byte[] withTrailer = Arrays.copyOf(serialized, serialized.length + 1);

        assertThatThrownBy(() -> serializer.deserialize(serializer.getVersion(), withTrailer))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("1 unexpected trailing bytes after StacEnumeratorState");
    }

    @Test
    void aPendingSplitLongerThanTheRemainingBytesIsRejected() throws IOException {
        // Given a fresh position and window, then one pending split claiming 1000 bytes of which 4 follow
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            serializer.serializeV1(StateFixtures.FRESH, out);
        }
        byte[] fresh = bytes.toByteArray();
        byte[] corrupt = Arrays.copyOf(fresh, fresh.length + 8);
        // the last int of FRESH is the pending count (0); make it 1, then append the length and 4 bytes
        corrupt[fresh.length - 1] = 1;
        corrupt[fresh.length + 2] = 0x03;
        corrupt[fresh.length + 3] = (byte) 0xe8;

        // When / Then
        assertThatThrownBy(() -> serializer.deserialize(serializer.getVersion(), corrupt))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Corrupt pending split 0 of 1: length 1000 exceeds the 4 remaining bytes");
    }
}
