package dev.stacstream.sinks.manifest;

import dev.stacstream.sinks.kerchunk.ManifestStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * A store that fails its {@code n}th change (write or delete, counted from 0) and every change after it, as a
 * process that dies at that moment would: what was changed before stays, nothing after happens.
 */
final class FaultyStore implements ManifestStore {

    private final ManifestStore delegate;
    private final int failAt;
    private int changes;

    FaultyStore(ManifestStore delegate, int failAt) {
        this.delegate = delegate;
        this.failAt = failAt;
    }

    /** Whether the failure point was reached. */
    boolean failed() {
        return changes > failAt;
    }

    private void change(String what) {
        if (changes++ >= failAt) {
            throw new UncheckedIOException(new IOException("injected failure at change " + failAt + " (" + what + ")"));
        }
    }

    @Override
    public Optional<byte[]> read(String path) {
        return delegate.read(path);
    }

    @Override
    public void write(String path, byte[] data) {
        change("write " + path);
        delegate.write(path, data);
    }

    @Override
    public String location(String path) {
        return delegate.location(path);
    }

    @Override
    public List<String> list(String folder) {
        return delegate.list(folder);
    }

    @Override
    public void deleteTree(String folder) {
        change("delete " + folder);
        delegate.deleteTree(folder);
    }
}
