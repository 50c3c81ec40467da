package dev.stacstream.stac.source.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Committed serializer outputs, one file per serializer version and fixture, under
 * {@code src/test/resources/source/golden/<serializer>/v<version>/<fixture>.bin} (see the README there).
 *
 * <p>Tests restore every committed version, and check that the current version still writes the committed bytes.
 * Run the tests with {@code -Dstacstream.golden.regenerate=true} to (re)write the current version's files after a
 * deliberate format change, together with a new version number.
 */
public final class GoldenFiles {

    private static final String REGENERATE_PROPERTY = "stacstream.golden.regenerate";
    private static final Path SOURCE_DIRECTORY = Path.of("src", "test", "resources", "source", "golden");

    private GoldenFiles() {
    }

    public static byte[] read(String serializer, int version, String fixture) {
        String resource = "/source/golden/" + relative(serializer, version, fixture);
        try (InputStream in = GoldenFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing golden file " + resource
                        + "; generate it with -D" + REGENERATE_PROPERTY + "=true");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read golden file " + resource, e);
        }
    }

    /** Writes {@code bytes} as the golden file if regeneration was asked for; otherwise does nothing. */
    public static void writeIfRegenerating(String serializer, int version, String fixture, byte[] bytes) {
        if (!regenerating()) {
            return;
        }
        Path file = SOURCE_DIRECTORY.resolve(relative(serializer, version, fixture));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write golden file " + file.toAbsolutePath(), e);
        }
    }

    /** Whether the tests run to rewrite the current version's golden files. */
    public static boolean regenerating() {
        return Boolean.getBoolean(REGENERATE_PROPERTY);
    }

    /**
     * The golden directory {@code name} in the source tree (tests run in the module directory), for golden data
     * that is a directory rather than a file, such as a Flink savepoint.
     */
    public static Path sourceDirectory(String name) {
        return SOURCE_DIRECTORY.resolve(name);
    }

    private static String relative(String serializer, int version, String fixture) {
        return serializer + "/v" + version + "/" + fixture + ".bin";
    }
}
