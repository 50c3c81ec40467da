package dev.stacstream.sinks.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file under a folder with its bytes, for tests that require two trees to be identical byte for byte. */
public final class FileTrees {

    private FileTrees() {}

    /** Relative path ({@code /}-separated) to bytes of every regular file under {@code root}; empty if absent. */
    public static Map<String, byte[]> read(Path root) {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the files under " + root, e);
        }
        return out;
    }

    /** {@code actual} holds exactly the files of {@code expected}, with the same bytes. */
    public static void assertSame(Map<String, byte[]> actual, Map<String, byte[]> expected, String what) {
        assertThat(actual.keySet()).as("files of %s", what).containsExactlyElementsOf(expected.keySet());
        expected.forEach((file, bytes) -> assertThat(actual.get(file)).as("%s: %s", what, file).isEqualTo(bytes));
    }
}
