package dev.stacstream.storage;

import java.time.Duration;
import java.util.Optional;

/**
 * Base of every failure a {@link RangeReader} reports: unchecked, and always naming the object's URI, the byte
 * range when one was being read, and how many attempts were made.
 *
 * <p>Messages follow one shape, {@code "<uri> bytes [a, b): <detail> after N attempts"} (or {@code "<uri>: ..."}
 * for requests without a range such as {@link RangeReader#size()}), so an operator can paste them into a log
 * search. Subclasses sort failures into the storage taxonomy: {@link NotFoundException},
 * {@link AccessDeniedException}, {@link BadRequestException} (fatal), {@link TransientStorageException} (worth
 * retrying) and {@link TruncatedReadException} (fewer bytes than asked; retryable unless the object is shorter).
 * This base class itself covers anything else, such as a local I/O error, and is not retryable unless said so.
 *
 * <p>Instances are immutable; the retry executor derives the final exception with {@link #withAttempts(int)}.
 */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String uri;
    private final ByteRange range;
    private final String detail;
    private final int attempts;
    private final boolean retryable;

    /**
     * @param uri the object's URI as the user gave it
     * @param range the range being read, or {@code null} for whole-object requests
     * @param detail what went wrong, e.g. {@code "HTTP 503 Service Unavailable"}
     * @param attempts how many attempts were made (at least 1)
     * @param retryable whether another attempt could succeed
     * @param cause the underlying error, or {@code null}
     */
    public StorageException(
            String uri, ByteRange range, String detail, int attempts, boolean retryable, Throwable cause) {
        super(detail, cause);
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, got " + attempts + " for " + uri);
        }
        this.uri = uri;
        this.range = range;
        this.detail = detail;
        this.attempts = attempts;
        this.retryable = retryable;
    }

    /** A non-retryable failure after a single attempt. */
    public StorageException(String uri, ByteRange range, String detail, Throwable cause) {
        this(uri, range, detail, 1, false, cause);
    }

    /** The URI of the object, as the user gave it. */
    public String uri() {
        return uri;
    }

    /** The byte range that failed, or {@code null} when the request had no range (e.g. a size lookup). */
    public ByteRange range() {
        return range;
    }

    /** The failure without the URI/range/attempt context, e.g. {@code "HTTP 404 Not Found"}. */
    public String detail() {
        return detail;
    }

    /** How many attempts were made before giving up (1 when the failure was not retried). */
    public int attempts() {
        return attempts;
    }

    /** Whether the failure is worth another attempt (server errors, throttling, timeouts, cut bodies). */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * How long the server asked the client to wait before the next attempt ({@code Retry-After}), if it did.
     * Only transient failures carry one.
     */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** The same failure, reporting {@code attempts} attempts; keeps the type, cause and suppressed errors. */
    public StorageException withAttempts(int attempts) {
        return copyAttributes(new StorageException(uri, range, detail, attempts, retryable, getCause()));
    }

    /** Copies the suppressed errors and stack trace of this exception into {@code copy}, for subclasses. */
    protected final <E extends StorageException> E copyAttributes(E copy) {
        copy.setStackTrace(getStackTrace());
        for (Throwable suppressed : getSuppressed()) {
            copy.addSuppressed(suppressed);
        }
        return copy;
    }

    @Override
    public String getMessage() {
        StringBuilder message = new StringBuilder(uri);
        if (range != null) {
            message.append(" bytes ").append(range);
        }
        message.append(": ").append(detail);
        if (attempts > 1) {
            message.append(" after ").append(attempts).append(" attempts");
        }
        return message.toString();
    }
}
