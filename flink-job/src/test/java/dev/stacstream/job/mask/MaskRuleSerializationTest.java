package dev.stacstream.job.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules travel inside the job graph (operator closures), so each survives Java serialization as an equal value
 * that still evaluates.
 */
class MaskRuleSerializationTest {

    static Stream<MaskRule> rules() {
        return Stream.of(MaskRule.none(), MaskRule.sclClasses(MaskRule.DEFAULT_SCL_EXCLUDED), MaskRule.landsatQaBits(0, 3, 4),
                MaskRule.sclDilation(SclDilationParams.defaults().withErosionKernelSize(3)
                        .withClasses(Set.of(4, 5), Set.of(8, 9))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void survivesJavaSerializationAsAnEqualRule(MaskRule rule) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(rule);
        }
        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }
        assertThat(copy).isEqualTo(rule).hasToString(rule.toString());
        assertThat(((MaskRule) copy).haloPixels()).isEqualTo(rule.haloPixels());
        assertThat(((MaskRule) copy).newEvaluator()).isNotNull();
    }
}
