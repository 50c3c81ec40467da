package dev.stacstream.sinks.kerchunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kerchunk package stays usable without Flink (a committer wraps it; the CLI and tests use it alone): no class
 * file under {@code dev/stacstream/sinks/kerchunk} names a Flink class in its constant pool, where every class it
 * references is named.
 */
class FlinkFreeTest {

    private static final byte[] FLINK = "org/apache/flink/".getBytes(StandardCharsets.US_ASCII);

    @Test
    void noKerchunkClassReferencesFlink() throws IOException, URISyntaxException {
        Path classes = Path.of(ChunkRef.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path kerchunk = classes.resolve("dev/stacstream/sinks/kerchunk");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(kerchunk)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }

        assertThat(files).hasSizeGreaterThan(20);
        for (Path file : files) {
            assertThat(indexOf(Files.readAllBytes(file), FLINK)).as("%s references a Flink class", kerchunk
                    .relativize(file)).isNegative();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
