package dev.stacstream.stac.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * The STAC part of the shared third-party test corpus ({@code <shared>/test-corpus/stac}, described by the corpus
 * MANIFEST.md), read in place: nothing from it is copied into the repository.
 *
 * <p>The shared directory comes from system property {@value #SHARED_PROPERTY} (surefire sets it to
 * {@code <repo>/../shared}). When the corpus is missing, {@link #require()} fails on CI and skips elsewhere.
 */
public final class TestCorpus {

    /** System property naming the shared directory that holds {@code test-corpus/}. */
    public static final String SHARED_PROPERTY = "stacstream.shared";

    private static final String STAC_DIR = "test-corpus/stac";

    private final Path root;

    private TestCorpus(Path root) {
        this.root = root;
    }

    /** The corpus's STAC directory, or a failed/skipped test when it is not there. */
    public static TestCorpus require() {
        Path root = locate();
        Prerequisites.require(Files.isDirectory(root), "shared STAC test corpus not found at " + root + " (set -D"
                + SHARED_PROPERTY + "=<dir holding test-corpus/>); the corpus-based tests are skipped on a user clone");
        return new TestCorpus(root);
    }

    /** Where the corpus should be: {@code ${stacstream.shared}/test-corpus/stac}, else {@code ../shared/...}. */
    static Path locate() {
        String shared = System.getProperty(SHARED_PROPERTY);
        Path sharedDir = shared != null && !shared.isBlank() ? Paths.get(shared) : Paths.get("..", "shared");
        return sharedDir.resolve(STAC_DIR).toAbsolutePath().normalize();
    }

    /** The {@code test-corpus/stac} directory. */
    public Path root() {
        return root;
    }

    /** A file by its path relative to {@code test-corpus/stac}, e.g. {@code items/earth-search-v0/x.json}. */
    public Path resolve(String relativePath) {
        Path file = root.resolve(relativePath).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no corpus file " + relativePath + " under " + root);
        }
        return file;
    }

    /** The text of a corpus file. */
    public String read(String relativePath) {
        try {
            return Files.readString(resolve(relativePath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus file " + relativePath, e);
        }
    }

    /** A recorded API session under {@code cassettes/}, by file name. */
    public Cassette cassette(String fileName) {
        return Cassette.read(resolve("cassettes/" + fileName));
    }

    /** Every file under {@code sub} (relative paths, sorted), e.g. every item document under {@code items}. */
    public List<String> files(String sub) {
        try (Stream<Path> files = Files.walk(root.resolve(sub))) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sub + " in the test corpus at " + root, e);
        }
    }
}
