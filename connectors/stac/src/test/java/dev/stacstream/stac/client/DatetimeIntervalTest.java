package dev.stacstream.stac.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatetimeIntervalTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
        // text, start, end, formatted
        "2023-10-08T18:02:55.276Z, 2023-10-08T18:02:55.276Z, 2023-10-08T18:02:55.276Z, 2023-10-08T18:02:55.276Z",
        "2023-10-08T20:02:55+02:00, 2023-10-08T18:02:55Z, 2023-10-08T18:02:55Z, 2023-10-08T18:02:55Z",
        "2023-10-08t18:02:55z, 2023-10-08T18:02:55Z, 2023-10-08T18:02:55Z, 2023-10-08T18:02:55Z",
        "2023-10-08T00:00:00Z/2023-10-08T23:59:59Z, 2023-10-08T00:00:00Z, 2023-10-08T23:59:59Z, "
                + "2023-10-08T00:00:00Z/2023-10-08T23:59:59Z",
        "2023-10-08, 2023-10-08T00:00:00Z, 2023-10-08T23:59:59Z, 2023-10-08T00:00:00Z/2023-10-08T23:59:59Z",
        "2024-02, 2024-02-01T00:00:00Z, 2024-02-29T23:59:59Z, 2024-02-01T00:00:00Z/2024-02-29T23:59:59Z",
        "2023, 2023-01-01T00:00:00Z, 2023-12-31T23:59:59Z, 2023-01-01T00:00:00Z/2023-12-31T23:59:59Z",
        "2023-01/2023-03, 2023-01-01T00:00:00Z, 2023-03-31T23:59:59Z, 2023-01-01T00:00:00Z/2023-03-31T23:59:59Z",
        "../2023-01-01T00:00:00Z, -, 2023-01-01T00:00:00Z, ../2023-01-01T00:00:00Z",
        "2023-01-01T00:00:00Z/.., 2023-01-01T00:00:00Z, -, 2023-01-01T00:00:00Z/..",
        "2023-01-01T00:00:00Z/, 2023-01-01T00:00:00Z, -, 2023-01-01T00:00:00Z/..",
        "/2023-01-01T00:00:00Z, -, 2023-01-01T00:00:00Z, ../2023-01-01T00:00:00Z",
        "../.., -, -, ../..",
    })
    void parsesEveryFormStacApiClientsSend(String text, Instant start, Instant end, String formatted) {
        DatetimeInterval interval = DatetimeInterval.parse(text);

        assertThat(interval.start()).isEqualTo(Optional.ofNullable(start));
        assertThat(interval.end()).isEqualTo(Optional.ofNullable(end));
        assertThat(interval.format()).isEqualTo(formatted);
        assertThat(DatetimeInterval.parse(formatted)).isEqualTo(interval);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "yesterday|is not an RFC 3339 date-time",
        "2023-10-08T00:00:00|is not an RFC 3339 date-time",
        "2023-02-01/2023-01-01|the interval starts (2023-02-01T00:00:00Z) after it ends (2023-01-01T23:59:59Z)",
        "a/b/c|more than one '/'",
        "..|a single datetime cannot be open",
    })
    void rejectsWhatIsNotADatetimeNamingIt(String text, String problem) {
        assertThatThrownBy(() -> DatetimeInterval.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("datetime '" + text + "'")
                .hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "{0} & {1}")
    @CsvSource(nullValues = "-", value = {
        "2023-01-01T00:00:00Z/2023-12-31T00:00:00Z, 2023-06-01T00:00:00Z/.., 2023-06-01T00:00:00Z/2023-12-31T00:00:00Z",
        "../2023-12-31T00:00:00Z, 2023-06-01T00:00:00Z/2024-06-01T00:00:00Z, "
                + "2023-06-01T00:00:00Z/2023-12-31T00:00:00Z",
        "2023-01-01T00:00:00Z/2023-02-01T00:00:00Z, 2023-03-01T00:00:00Z/.., -",
        "2023-05-05T00:00:00Z, 2023-01-01T00:00:00Z/.., 2023-05-05T00:00:00Z",
        "2023-05-05T00:00:00Z, 2023-05-05T00:00:00Z/2023-05-05T00:00:00Z, 2023-05-05T00:00:00Z",
        "../.., ../.., ../..",
    })
    void intersects(String a, String b, String expected) {
        assertThat(DatetimeInterval.parse(a).intersect(DatetimeInterval.parse(b)).map(DatetimeInterval::format))
                .isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void overlapIsClosedAtBothEnds() {
        DatetimeInterval january = DatetimeInterval.parse("2023-01");

        assertThat(january.overlaps(Instant.parse("2022-12-01T00:00:00Z"), Instant.parse("2023-01-01T00:00:00Z"))).isTrue();
        assertThat(january.overlaps(Instant.parse("2023-01-31T23:59:59Z"), Instant.parse("2023-03-01T00:00:00Z"))).isTrue();
        assertThat(january.overlaps(Instant.parse("2023-02-01T00:00:00Z"), Instant.parse("2023-03-01T00:00:00Z"))).isFalse();
        assertThat(january.contains(Instant.parse("2023-01-15T00:00:00Z"))).isTrue();
        assertThat(january.contains(Instant.parse("2022-12-31T23:59:59Z"))).isFalse();
    }
}
