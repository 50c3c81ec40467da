package dev.stacstream.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatetimeRangeTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "2023-06-01T10:00:00Z/2023-06-02T00:00:00Z, 2023-06-01T10:00:00Z, 2023-06-02T00:00:00Z",
        "2023-06-01T12:00:00+02:00/.., 2023-06-01T10:00:00Z, -",
        "../2023-06-30T23:59:59Z, -, 2023-06-30T23:59:59Z",
        "2023-06-01/2023-06-30, 2023-06-01T00:00:00Z, 2023-06-30T23:59:59.999999999Z",
        "2023-06-12, 2023-06-12T00:00:00Z, 2023-06-12T23:59:59.999999999Z",
        "2023-06-12T10:15:30.5Z, 2023-06-12T10:15:30.5Z, 2023-06-12T10:15:30.5Z",
        "../.., -, -"
    })
    void parsesClosedIntervalsWithOpenEndsAndWholeDays(String text, Instant start, Instant end) {
        DatetimeRange range = DatetimeRange.parse(text);

        assertThat(range.start().orElse(null)).isEqualTo(start);
        assertThat(range.end().orElse(null)).isEqualTo(end);
        assertThat(DatetimeRange.parse(range.toStacInterval())).isEqualTo(range);
    }

    @Test
    void containsIsInclusiveAtBothEnds() {
        DatetimeRange june = DatetimeRange.parse("2023-06-01/2023-06-30");

        assertThat(june.contains(Instant.parse("2023-06-01T00:00:00Z"))).isTrue();
        assertThat(june.contains(Instant.parse("2023-06-30T23:59:59.999999999Z"))).isTrue();
        assertThat(june.contains(Instant.parse("2023-07-01T00:00:00Z"))).isFalse();
        assertThat(june.contains(Instant.parse("2023-05-31T23:59:59.999999999Z"))).isFalse();
        assertThat(DatetimeRange.unbounded().contains(Instant.EPOCH)).isTrue();
        assertThat(DatetimeRange.atOrAfter(Instant.EPOCH).contains(Instant.EPOCH.minusNanos(1))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "..|'..' is only allowed as one end of an interval like '../2023-06-30'",
        "2023-06-01/|an empty interval bound; write '..' for an open end",
        "a/b/c|expected START/END, got 'a/b/c'",
        "2023-02-30|'2023-02-30' is not a valid date (yyyy-mm-dd)",
        "June 2023|'June 2023' is not an RFC 3339 date-time (like 2023-06-01T00:00:00Z) or a date (like 2023-06-01)"
    })
    void rejectsMalformedIntervals(String text, String message) {
        assertThatThrownBy(() -> DatetimeRange.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
