package dev.stacstream.storage;

import java.util.Set;

/**
 * Service-provider interface: opens {@link RangeReader}s for one or more URI schemes.
 *
 * <p>Implementations are listed in {@code META-INF/services/dev.stacstream.storage.RangeReaderProvider} and found
 * by {@link RangeReaders} through {@link java.util.ServiceLoader}, so a new scheme (for example a signed-URL
 * wrapper) plugs in by adding a jar. Each scheme may be claimed by one provider only. Implementations need a public
 * no-argument constructor, must be thread-safe, and should take any expensive client from the given
 * {@link SharedClients} rather than creating one per reader.
 */
public interface RangeReaderProvider {

    /** The lower-case URI schemes this provider reads, e.g. {@code {"http", "https"}}; {@code "file"} covers plain paths. */
    Set<String> schemes();

    /**
     * Opens a reader. Cheap and free of I/O: failures such as a missing object surface from the reader's futures.
     *
     * @param uri the URI as the user gave it (used verbatim in error messages)
     * @param options storage options (S3 settings not set there are resolved from the environment)
     * @param clients where to borrow shared clients from; the reader must not close them
     * @throws IllegalArgumentException if {@code uri} is malformed for this scheme
     */
    RangeReader open(String uri, StorageOptions options, SharedClients clients);
}
