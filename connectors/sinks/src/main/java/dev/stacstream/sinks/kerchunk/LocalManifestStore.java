package dev.stacstream.sinks.kerchunk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

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
