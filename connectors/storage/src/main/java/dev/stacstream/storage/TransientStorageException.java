package dev.stacstream.storage;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that another attempt may not see: HTTP 5xx, 408, 429, S3 {@code SlowDown}/{@code InternalError},
 * connect/request timeouts, and connections reset or closed before the response headers. Always retryable.
 */
public final class TransientStorageException extends StorageException {

    private static final long serialVersionUID = 1L;

    /** Server-requested wait before retrying, or {@code null}. */
    private final Duration retryAfter;

    public TransientStorageException(String uri, ByteRange range, String detail, Throwable cause) {
        this(uri, range, detail, null, 1, cause);
    }

    /** @param retryAfter the delay the server asked for ({@code Retry-After}), or {@code null} */
    public TransientStorageException(String uri, ByteRange range, String detail, Duration retryAfter, Throwable cause) {
        this(uri, range, detail, retryAfter, 1, cause);
    }

    private TransientStorageException(
            String uri, ByteRange range, String detail, Duration retryAfter, int attempts, Throwable cause) {
        super(uri, range, detail, attempts, true, cause);
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public TransientStorageException withAttempts(int attempts) {
        return copyAttributes(
                new TransientStorageException(uri(), range(), detail(), retryAfter, attempts, getCause()));
    }
}
