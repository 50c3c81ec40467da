package dev.stacstream.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentRangeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'bytes 0-99/1000', 0, 100, 1000",
        "'bytes 100-199/*', 100, 200, -1",
        "' bytes  5-5/6 ', 5, 6, 6",
        "'bytes */4096', -1, -1, 4096",
    })
    void parsesHalfOpen(String header, long start, long end, long total) {
        ContentRange range = ContentRange.parse(header).orElseThrow();

        assertThat(range.start()).isEqualTo(start);
        assertThat(range.end()).isEqualTo(end);
        assertThat(range.total()).isEqualTo(total < 0 ? OptionalLong.empty() : OptionalLong.of(total));
        assertThat(range.isSatisfied()).isEqualTo(start >= 0);
    }

    @ParameterizedTest(name = "''{0}''")
    @NullSource
    @ValueSource(strings = {"", "bytes", "bytes 9-3/10", "items 0-1/2", "bytes 0-99999999999999999999/1", "0-99/100"})
    void rejectsMalformedHeaders(String header) {
        assertThat(ContentRange.parse(header)).isEmpty();
    }
}
