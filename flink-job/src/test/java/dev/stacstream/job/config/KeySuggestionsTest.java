package dev.stacstream.job.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeySuggestionsTest {

    private static final List<String> KEYS = PipelineOptions.all().stream().map(PipelineOption::key).toList();

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "aggregate.factr, aggregate.factor",        // a dropped letter
        "aggregate.fatcor, aggregate.factor",       // swapped letters count as one edit
        "assets.scale_offset, assets.scale-offset", // snake case
        "sources.catalog, source.catalog",          // plural section
        "factor, aggregate.factor",                 // no section
        "source.stats, aggregate.stats",            // wrong section
        "mask.enabled, mask.dilation.enabled",      // skipped a level
        "colour, -",                                // nothing close
        "output.format, -"
    })
    void suggestsTheNearestKey(String unknown, String expected) {
        assertThat(KeySuggestions.suggest(unknown, KEYS).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"kitten, sitting, 3", "abc, acb, 1", "'', abc, 3", "same, same, 0"})
    void editDistanceIsOptimalStringAlignment(String a, String b, int expected) {
        assertThat(KeySuggestions.editDistance(a, b)).isEqualTo(expected);
    }
}
