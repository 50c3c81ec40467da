package dev.stacstream.job.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The key catalogue is the documentation of defaults, so it has to agree with itself. */
class PipelineOptionsTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    static Stream<PipelineOption<?>> optionsWithAFixedDefault() {
        return PipelineOptions.all().stream().filter(o -> o.defaultValue().isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionsWithAFixedDefault")
    void theDocumentedDefaultParsesToTheDefaultValue(PipelineOption<?> option) throws Exception {
        Object parsed = option.parser().parse(YAML.readTree(option.defaultText()));

        assertThat(parsed).isEqualTo(option.defaultValue().orElseThrow());
    }

    @Test
    void keysAreUniqueLowerCaseDottedPathsUnderTheEightSections() {
        List<String> keys = PipelineOptions.all().stream().map(PipelineOption::key).toList();

        assertThat(keys).doesNotHaveDuplicates()
                .allMatch(k -> k.matches("(source|assets|mask|aggregate|extract|output|checkpoint|job)(\\.[a-z0-9-]+)+"));
    }

    @Test
    void everyKeyIsDescribedInASentence() {
        assertThat(PipelineOptions.all()).allSatisfy(option -> {
            assertThat(option.description()).as(option.key()).matches("[A-Z0-9a-z].*\\.");
            assertThat(option.defaultText()).as(option.key()).isNotBlank();
        });
    }

    @Test
    void findAndSectionsFollowTheKeys() {
        assertThat(PipelineOptions.find("aggregate.factor")).contains(PipelineOptions.AGGREGATE_FACTOR);
        assertThat(PipelineOptions.find("aggregate")).isEmpty();
        assertThat(PipelineOptions.isSection("mask.dilation")).isTrue();
        assertThat(PipelineOptions.isSection("mask.exclude")).isFalse();
    }
}
