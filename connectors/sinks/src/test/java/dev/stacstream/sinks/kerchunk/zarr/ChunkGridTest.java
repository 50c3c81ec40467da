package dev.stacstream.sinks.kerchunk.zarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** C-order chunk numbers and dot-separated keys, as numpy's ravel_multi_index and zarr v2 name them. */
class ChunkGridTest {

    /** A 3 x 1098 x 1098 planar image in 512 tiles: 3 x 3 x 3 chunks. */
    private final ChunkGrid planar = new ChunkGrid(List.of(3, 1098, 1098), List.of(1, 512, 512));

    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource({"0, 0.0.0", "1, 0.0.1", "3, 0.1.0", "9, 1.0.0", "26, 2.2.2"})
    void numbersAndKeysCorrespond(long number, String key) {
        assertThat(planar.key(number)).isEqualTo(key);
        assertThat(planar.number(key)).isEqualTo(number);
    }

    @Test
    void partialEdgeChunksCount() {
        assertThat(planar.size()).isEqualTo(27);
        assertThat(planar.counts()).containsExactly(3, 3, 3);
    }

    @Test
    void keysOutsideTheGridAreRejectedNamingThem() {
        assertThatThrownBy(() -> planar.number("0.3.0")).hasMessageContaining("[0, 3, 0]");
        assertThatThrownBy(() -> planar.number("0.a.0")).hasMessageContaining("'0.a.0'");
        assertThatThrownBy(() -> planar.number("0.0")).hasMessageContaining("does not have 3 indices");
    }
}
