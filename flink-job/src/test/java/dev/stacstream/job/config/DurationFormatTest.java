package dev.stacstream.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationFormatTest {

    @ParameterizedTest
    @CsvSource({
        "PT0S, 0 s", "PT0.000000007S, 7 ns", "PT0.000003S, 3 us", "PT0.25S, 250 ms", "PT1.5S, 1500 ms",
        "PT30S, 30 s", "PT90S, 90 s", "PT5M, 5 min", "PT2H, 2 h", "PT72H, 3 d", "PT36H, 36 h"
    })
    void formatsInTheLargestExactUnitAndParsesBack(Duration duration, String text) {
        assertThat(DurationFormat.format(duration)).isEqualTo(text);
        assertThat(DurationFormat.parse(text)).isEqualTo(duration);
    }

    @ParameterizedTest
    @CsvSource({"30S, PT30S", " 5  MIN , PT5M", "1 millisecond, PT0.001S", "2 µs, PT0.000002S", "1 day, PT24H"})
    void unitsAreCaseInsensitiveAndSpacesOptional(String text, Duration expected) {
        assertThat(DurationFormat.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "s", "1.5 s", "-1 s", "PT30S", "5 min 30 s", ""})
    void rejectsWhatIsNotANumberAndAUnit(String text) {
        assertThatThrownBy(() -> DurationFormat.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a duration like '30 s', '5 min' or '3 d' (units: ms, s, min, h, d), got '"
                        + text + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999 s", "9223372036854775807 d"})
    void rejectsDurationsTooLongToRepresent(String text) {
        assertThatThrownBy(() -> DurationFormat.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is too long a duration");
    }
}
