package dev.stacstream.stac.catalog;

import dev.stacstream.stac.client.StacIoException;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.RangeReaders;
import dev.stacstream.storage.SharedClients;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.StorageOptions;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Reads whole JSON documents (catalogs, collections, items) from any storage the storage module supports: local
 * files, {@code http(s)} and {@code s3}. One ranged read per document (clamped to its size), with the storage
 * module's own bounded retries; failures become {@link StacIoException}s naming the URI, retryable exactly when
 * the storage failure is.
 *
 * <p>Owns its storage clients and closes them with itself. Thread-safe.
 */
final class DocumentReader implements AutoCloseable {

    /** Largest document read (a STAC JSON document is kilobytes; this guards against following a link to data). */
    static final long MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;

    private final StorageOptions options;
    private final SharedClients clients = new SharedClients();

    DocumentReader(StorageOptions options) {
        this.options = options;
    }

    /** Starts reading the document at {@code uri}; the future fails with a {@link StacIoException}. */
    CompletableFuture<byte[]> readAsync(String uri) {
        RangeReader reader;
        try {
            reader = RangeReaders.open(uri, options, clients);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new StacIoException(uri, e.getMessage(), 1, false, e));
        }
        // One request: read up to one byte past the limit; HTTP and S3 clamp the range to the object.
        return reader.readAtMost(ByteRange.of(0, MAX_DOCUMENT_BYTES + 1))
                .thenApply(buffer -> {
                    if (buffer.remaining() > MAX_DOCUMENT_BYTES) {
                        throw new StacIoException(uri, String.format("document is larger than the %d bytes allowed "
                                + "for a STAC JSON document", MAX_DOCUMENT_BYTES), 1, false, null);
                    }
                    return buffer;
                })
                .thenApply(DocumentReader::bytes)
                .handle((bytes, error) -> {
                    reader.close();
                    if (error != null) {
                        throw translate(uri, error);
                    }
                    return bytes;
                });
    }

    /** Reads the document at {@code uri}, blocking. */
    byte[] read(String uri) {
        try {
            return readAsync(uri).get();
        } catch (ExecutionException e) {
            throw translate(uri, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StacIoException(uri, "interrupted", 1, false, e);
        }
    }

    /** The cause of a failed read as a {@link StacIoException} (unwrapping future wrappers). */
    static StacIoException translate(String uri, Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof StacIoException io) {
            return io;
        }
        if (cause instanceof StorageException se) {
            return new StacIoException(uri, se.detail(), se.attempts(), se.isRetryable(), se);
        }
        return new StacIoException(uri, String.valueOf(cause), 1, false, cause);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public void close() {
        clients.close();
    }
}
