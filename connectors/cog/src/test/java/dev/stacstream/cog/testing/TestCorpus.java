package dev.stacstream.cog.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The shared third-party test corpus ({@code <shared>/test-corpus}, described by its MANIFEST.md). Tests
 * read it in place; nothing from it is copied into the repository.
 *
 * <p>The shared directory comes from system property {@value #SHARED_PROPERTY} (surefire sets it to
 * {@code <repo>/../shared}; see {@link #locate()} for runs without it). When the corpus is missing, {@link #require()} fails on CI and skips elsewhere
 * (see {@link Prerequisites}).
 */
public final class TestCorpus {

    /** System property naming the shared directory that holds {@code test-corpus/}. */
    public static final String SHARED_PROPERTY = "stacstream.shared";

    private static final String CORPUS_DIR = "test-corpus";
    private static final String SHARED_DIR = "shared";

    private final Path root;

    private TestCorpus(Path root) {
        this.root = root;
    }

    /** The corpus, or a failed/skipped test when it is not there. */
    public static TestCorpus require() {
        Path root = locate();
        Prerequisites.require(Files.isDirectory(root), "shared test corpus not found at " + root
                + " (set -D" + SHARED_PROPERTY + "=<dir holding test-corpus/>); these tests are skipped on a user clone");
        return new TestCorpus(root);
    }

    /**
     * Where the corpus should be: {@code ${stacstream.shared}/test-corpus}; without the property (a test run
     * from an IDE) the nearest {@code shared/test-corpus} beside the working directory or one of its parents.
     */
    static Path locate() {
        String shared = System.getProperty(SHARED_PROPERTY);
        if (shared != null && !shared.isBlank()) {
            return Paths.get(shared).resolve(CORPUS_DIR).toAbsolutePath().normalize();
        }
        Path cwd = Paths.get("").toAbsolutePath();
        for (Path dir = cwd; dir.getParent() != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling(SHARED_DIR).resolve(CORPUS_DIR);
            if (Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
        }
        return cwd.resolveSibling(SHARED_DIR).resolve(CORPUS_DIR).normalize();
    }

    /** The corpus directory. */
    public Path root() {
        return root;
    }

    /** A corpus file by its path relative to the corpus root, as MANIFEST.md writes it. */
    public Path resolve(String relativePath) {
        Path file = root.resolve(relativePath).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no corpus file " + relativePath + " under " + root);
        }
        return file;
    }

    /** The path of {@code file} relative to the corpus root, with forward slashes. */
    public String relativize(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Every TIFF in the corpus ({@code .tif}/{@code .tiff} in any case), as relative paths, sorted. */
    public List<String> tiffs() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(TestCorpus::isTiffName)
                    .map(this::relativize)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the test corpus at " + root, e);
        }
    }

    private static boolean isTiffName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tif") || name.endsWith(".tiff");
    }
}
