package dev.stacstream.sinks.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutputPeriodTest {

    static Stream<Arguments> periods() {
        return Stream.of(
                Arguments.of(OutputPeriod.day(LocalDate.of(2020, 2, 19)),
                        "2020-02-19", "2020-02-19T00:00:00Z", "2020-02-20T00:00:00Z"),
                Arguments.of(OutputPeriod.day(LocalDate.of(2020, 2, 29)),
                        "2020-02-29", "2020-02-29T00:00:00Z", "2020-03-01T00:00:00Z"),
                Arguments.of(OutputPeriod.day(LocalDate.of(2020, 12, 31)),
                        "2020-12-31", "2020-12-31T00:00:00Z", "2021-01-01T00:00:00Z"),
                Arguments.of(OutputPeriod.month(YearMonth.of(2020, 2)),
                        "2020-02", "2020-02-01T00:00:00Z", "2020-03-01T00:00:00Z"),
                Arguments.of(OutputPeriod.month(YearMonth.of(2020, 12)),
                        "2020-12", "2020-12-01T00:00:00Z", "2021-01-01T00:00:00Z"),
                Arguments.of(OutputPeriod.item("S2B_29SND_20200219_0_L2A", Instant.parse("2020-02-19T11:21:19.024Z")),
                        "S2B_29SND_20200219_0_L2A", "2020-02-19T11:21:19.024Z", "2020-02-19T11:21:19.024Z"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("periods")
    void factoriesFixLabelAndUtcBounds(OutputPeriod period, String label, String start, String end) {
        assertThat(period.label()).isEqualTo(label);
        assertThat(period.start()).isEqualTo(Instant.parse(start));
        assertThat(period.end()).isEqualTo(Instant.parse(end));
    }

    @Test
    void rejectsAPeriodThatEndsBeforeItStarts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OutputPeriod("p", Instant.parse("2020-02-20T00:00:00Z"),
                        Instant.parse("2020-02-19T00:00:00Z")))
                .withMessageContaining("period 'p' ends (2020-02-19T00:00:00Z) before it starts");
    }

    @Test
    void rejectsABlankLabel() {
        assertThatIllegalArgumentException().isThrownBy(() -> OutputPeriod.item(" ", Instant.EPOCH))
                .withMessage("period label is blank");
    }
}
