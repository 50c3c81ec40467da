package dev.stacstream.stac.source.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.stac.source.testing.GoldenFiles;

import org.apache.flink.core.io.VersionMismatchException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

class StacItemSplitSerializerTest {

    private static final String GOLDEN = "split";

    private final StacItemSplitSerializer serializer = StacItemSplitSerializer.INSTANCE;

    static Stream<Arguments> fixtures() {
        return SplitFixtures.BY_NAME.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static Stream<Arguments> goldenFiles() {
        return StacItemSplitSerializer.COMPATIBLE_VERSIONS.stream().sorted()
                .flatMap(version -> SplitFixtures.BY_NAME.keySet().stream().map(name -> Arguments.of(version, name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsEveryField(String name, StacItemSplit split) throws IOException {
        StacItemSplit restored = serializer.deserialize(serializer.getVersion(), serializer.serialize(split));

        assertThat(restored).isEqualTo(split);
        assertThat(restored.splitId()).isEqualTo(split.splitId());
    }

    @ParameterizedTest(name = "v{0} {1}")
    @MethodSource("goldenFiles")
    void restoresTheCommittedBytesOfEveryVersion(int version, String name) throws IOException {
        byte[] golden = GoldenFiles.read(GOLDEN, version, name);

        assertThat(serializer.deserialize(version, golden)).isEqualTo(SplitFixtures.BY_NAME.get(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theCurrentVersionWritesTheCommittedBytes(String name, StacItemSplit split) throws IOException {
        byte[] written = serializer.serialize(split);
        GoldenFiles.writeIfRegenerating(GOLDEN, serializer.getVersion(), name, written);

        assertThat(written).isEqualTo(GoldenFiles.read(GOLDEN, serializer.getVersion(), name));
    }

    @Test
    void itemJsonLongerThan64KiBRoundTrips() throws IOException {
        // DataOutput.writeUTF would stop at 65535 bytes.
        String json = "{\"id\":\"big\",\"padding\":\"" + "ü".repeat(70_000) + "\"}";
        StacItemSplit big = new StacItemSplit("c", "big", Instant.EPOCH, null, json);

        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(big))).isEqualTo(big);
    }

    @Test
    void anUnknownVersionIsRejectedNamingBothVersions() {
        assertThatThrownBy(() -> serializer.deserialize(99, serializer.serialize(SplitFixtures.FULL)))
                .isInstanceOf(VersionMismatchException.class)
                .hasMessageContaining("version 99")
                .hasMessageContaining("version " + serializer.getVersion());
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] serialized = serializer.serialize(SplitFixtures.MINIMAL);
        byte[] withTrailer = Arrays.copyOf(serialized, serialized.length + 3);

        assertThatThrownBy(() -> serializer.deserialize(serializer.getVersion(), withTrailer))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("3 unexpected trailing bytes")
                .hasMessageContaining(SplitFixtures.MINIMAL.splitId());
    }

    @Test
    void truncatedBytesAreRejected() throws IOException {
        byte[] serialized = serializer.serialize(SplitFixtures.FULL);
        byte[] truncated = Arrays.copyOf(serialized, serialized.length - 1);

        assertThatThrownBy(() -> serializer.deserialize(serializer.getVersion(), truncated))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void aCorruptStringLengthIsRejectedBeforeAllocating() {
        // presence byte "has collection", then a length of 2^31 - 1
        byte[] corrupt = {1, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};

        assertThatThrownBy(() -> serializer.deserialize(serializer.getVersion(), corrupt))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Corrupt split collection")
                .hasMessageContaining("2147483647");
    }
}
