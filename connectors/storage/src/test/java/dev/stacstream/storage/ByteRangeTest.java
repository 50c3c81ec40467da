package dev.stacstream.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteRangeTest {

    @Test
    void isHalfOpen() {
        ByteRange range = ByteRange.of(10, 20);

        assertThat(range.offset()).isEqualTo(10);
        assertThat(range.length()).isEqualTo(10);
        assertThat(range.end()).isEqualTo(20);
        assertThat(range).hasToString("[10, 20)");
    }

    @ParameterizedTest(name = "offset {0} length {1} -> {2}")
    @CsvSource({
        "-1, 10, offset must be >= 0",
        "0, 0, length must be > 0",
        "5, -3, length must be > 0",
        "9223372036854775807, 1, overflows",
    })
    void rejectsInvalidRanges(long offset, long length, String message) {
        assertThatThrownBy(() -> new ByteRange(offset, length))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void ofRejectsEmptyAndInvertedRanges() {
        assertThatThrownBy(() -> ByteRange.of(7, 7)).hasMessageContaining("length must be > 0, got 0");
        assertThatThrownBy(() -> ByteRange.of(7, 3)).hasMessageContaining("length must be > 0, got -4");
    }

    @ParameterizedTest(name = "[0, 100) contains [{0}, {1}): {2}")
    @CsvSource({"0, 100, true", "10, 20, true", "99, 100, true", "0, 101, false", "99, 101, false"})
    void containment(long start, long end, boolean expected) {
        assertThat(ByteRange.of(0, 100).contains(ByteRange.of(start, end))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[100, 200) within {0} bytes -> {1}")
    @CsvSource({"1000, '[100, 200)'", "200, '[100, 200)'", "150, '[100, 150)'", "101, '[100, 101)'", "100, ''",
        "0, ''"})
    void clampsToTheObjectsEnd(long objectSize, String expected) {
        assertThat(ByteRange.of(100, 200).clampTo(objectSize).map(ByteRange::toString).orElse(""))
                .isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void ordersByOffsetThenLength() {
        List<ByteRange> ranges = new ArrayList<>(
                List.of(ByteRange.of(50, 60), ByteRange.of(0, 30), ByteRange.of(0, 10), ByteRange.of(20, 25)));
        Collections.sort(ranges);

        assertThat(ranges).containsExactly(
                ByteRange.of(0, 10), ByteRange.of(0, 30), ByteRange.of(20, 25), ByteRange.of(50, 60));
    }
}
