package dev.stacstream.sinks.kerchunk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A {@link ManifestStore} in a local folder; each write goes to a temporary file moved into place atomically. */
public final class LocalManifestStore implements ManifestStore {

    private final Path root;

    public LocalManifestStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public Optional<byte[]> read(String path) {
        try {
            return Optional.of(Files.readAllBytes(resolve(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location(path), e);
        }
    }

    @Override
    public void write(String path, byte[] data) {
        Path target = resolve(path);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.write(tmp, data);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + location(path), e);
        }
    }

    @Override
    public List<String> list(String folder) {
        Path dir = folder.isEmpty() ? root : resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + location(folder), e);
        }
    }

    @Override
    public void deleteTree(String folder) {
        Path dir = resolve(folder);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + location(folder), e);
        }
    }

    @Override
    public String location(String path) {
        return resolve(path).toString();
    }

    private Path resolve(String path) {
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root) || path.isEmpty()) {
            throw new IllegalArgumentException("manifest path '" + path + "' is not a file inside " + root);
        }
        return p;
    }

    @Override
    public String toString() {
        return "LocalManifestStore[" + root + "]";
    }
}
