package dev.stacstream.storage.file;

import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.RangeReaderProvider;
import dev.stacstream.storage.SharedClients;
import dev.stacstream.storage.StorageOptions;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Local files: plain paths ({@code /data/a.tif}, {@code data/a.tif}) and {@code file:} URIs
 * ({@code file:///data/a.tif}). The I/O pool is shared per {@link StorageOptions#maxConcurrentRequests()}.
 */
public final class FileRangeReaderProvider implements RangeReaderProvider {

    @Override
    public Set<String> schemes() {
        return Set.of("file");
    }

    @Override
    public RangeReader open(String uri, StorageOptions options, SharedClients clients) {
        int threads = options.maxConcurrentRequests();
        FileIoPool pool = clients.get(new FileIoPool.Key(threads), FileIoPool.class, () -> new FileIoPool(threads));
        return new FileRangeReader(uri, toPath(uri), pool.executor(), options.coalescer());
    }

    /** The local path of a plain path or {@code file:} URI. */
    static Path toPath(String uri) {
        if (!uri.regionMatches(true, 0, "file:", 0, "file:".length())) {
            return Path.of(uri);
        }
        try {
            return Path.of(URI.create(uri));
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new IllegalArgumentException(
                    uri + ": not a local file URI (expected file:///absolute/path): " + e.getMessage(), e);
        }
    }
}
