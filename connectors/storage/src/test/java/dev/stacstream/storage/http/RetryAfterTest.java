package dev.stacstream.storage.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "''{0}'' -> {1} s")
    @CsvSource({
        "0, 0",
        "7, 7",
        "' 12 ', 12",
        "'Thu, 01 Jan 2026 00:00:30 GMT', 30",
        "'Wed, 31 Dec 2025 23:59:00 GMT', 0",
        "-5, -1",
        "soon, -1",
        "'', -1",
    })
    void parsesSecondsAndHttpDates(String header, long seconds) {
        Optional<Duration> parsed = RetryAfter.parse(Optional.of(header), NOW);

        assertThat(parsed).isEqualTo(seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds)));
    }
}
