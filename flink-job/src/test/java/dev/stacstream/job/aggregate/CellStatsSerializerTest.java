package dev.stacstream.job.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Round trips, the version 1 byte layout, and failures of {@link CellStatsSerializer}. */
class CellStatsSerializerTest {

    static Stream<CellStats> samples() {
        return Stream.of(
                new CellStats(),
                CellStats.ofInvalid(100),
                CellStats.ofValue(-0.0),
                CellStats.of(100, 73, 223_417, 2_871, 3_399, 3_060.5068493150684, 1_234_567.25),
                CellStats.of(Long.MAX_VALUE, Long.MAX_VALUE - 1, 1e300, -Double.MAX_VALUE, Double.MAX_VALUE, 1e-300, 0),
                CellStats.of(1, 1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                        Double.POSITIVE_INFINITY, Double.NaN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void roundTripIsBitExact(CellStats stats) throws IOException {
        byte[] bytes = CellStatsSerializer.toBytes(stats);
        assertThat(CellStatsSerializer.fromBytes(bytes)).isEqualTo(stats);
        assertThat(bytes[0]).isEqualTo((byte) CellStatsSerializer.CURRENT_VERSION);
    }

    /** Version 1 layout, fixed: a change here breaks restoring existing checkpoints. */
    @Test
    void versionOneLayoutIsStable() throws IOException {
        CellStats stats = CellStats.of(300, 2, 3.0, 1.0, 2.0, 1.5, 0.5);
        String v1 = "01" + "ac02" + "02" + "4008000000000000" + "3ff0000000000000" + "4000000000000000"
                + "3ff8000000000000" + "3fe0000000000000";
        assertThat(HexFormat.of().formatHex(CellStatsSerializer.toBytes(stats))).isEqualTo(v1);
        assertThat(CellStatsSerializer.fromBytes(HexFormat.of().parseHex(v1))).isEqualTo(stats);
        assertThat(HexFormat.of().formatHex(CellStatsSerializer.toBytes(CellStats.ofInvalid(100)))).isEqualTo("016400");
    }

    @Test
    void unknownVersionsAreRejectedNamingBoth() {
        byte[] future = CellStatsSerializer.toBytes(CellStats.ofValue(1));
        future[0] = 2;
        assertThatThrownBy(() -> CellStatsSerializer.fromBytes(future)).isInstanceOf(IOException.class)
                .hasMessageContaining("version 2").hasMessageContaining("versions 1 to 1");
        byte[] zero = future.clone();
        zero[0] = 0;
        assertThatThrownBy(() -> CellStatsSerializer.fromBytes(zero)).hasMessageContaining("version 0");
    }

    @Test
    void truncatedTrailingAndCorruptInputsFail() {
        byte[] bytes = CellStatsSerializer.toBytes(CellStats.of(100, 73, 223_417, 2_871, 3_399, 3_060.5, 12.0));
        assertThatThrownBy(() -> CellStatsSerializer.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> CellStatsSerializer.fromBytes(Arrays.copyOf(bytes, bytes.length + 2)))
                .hasMessageContaining("2 trailing byte(s) after offset " + bytes.length);
        byte[] validAboveTotal = HexFormat.of().parseHex("010102" + "00".repeat(40));
        assertThatThrownBy(() -> CellStatsSerializer.fromBytes(validAboveTotal)).isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt CellStats").hasMessageContaining("countValid 2, countTotal 1");
        byte[] endlessVarint = HexFormat.of().parseHex("01" + "ff".repeat(11));
        assertThatThrownBy(() -> CellStatsSerializer.fromBytes(endlessVarint)).hasMessageContaining("longer than 10 bytes");
    }

    @Test
    void readsConsecutiveRecordsFromOneStream() throws IOException {
        CellStats a = CellStats.ofValue(7);
        CellStats b = CellStats.ofInvalid(9);
        byte[] ab = concat(CellStatsSerializer.toBytes(a), CellStatsSerializer.toBytes(b));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(ab));
        assertThat(CellStatsSerializer.deserialize(in)).isEqualTo(a);
        assertThat(CellStatsSerializer.deserialize(in)).isEqualTo(b);
        assertThat(in.available()).isZero();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
