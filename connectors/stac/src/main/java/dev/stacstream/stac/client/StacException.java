package dev.stacstream.stac.client;

/**
 * Base of every failure of STAC discovery (API search, static catalog walk): unchecked, naming the URL or URI
 * concerned, and classified as retryable or not.
 *
 * <p>Retryable failures ({@link #isRetryable()}) are ones a later attempt may not see: HTTP 429 and 5xx that
 * persisted through the client's own bounded retries, connection failures, timeouts. A continuous source retries
 * those on its next poll and counts them; everything else (4xx, malformed responses, unsupported requests) would
 * fail the same way again.
 *
 * <p>Subclasses: {@link StacHttpException} (the server answered with an error status),
 * {@link StacIoException} (no usable answer: connection, timeout, storage failure),
 * {@link StacDocumentException} (the answer is not the STAC JSON expected), and
 * {@link StacUnsupportedException} (the request asks for something this endpoint cannot do).
 */
public class StacException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String location;
    private final String detail;
    private final boolean retryable;

    /**
     * @param location the URL or URI the failure concerns (may be {@code null} when there is none)
     * @param detail what went wrong, without the location
     * @param retryable whether a later attempt could succeed
     * @param cause the underlying error, or {@code null}
     */
    public StacException(String location, String detail, boolean retryable, Throwable cause) {
        super(location == null ? detail : location + ": " + detail, cause);
        this.location = location;
        this.detail = detail;
        this.retryable = retryable;
    }

    /** The URL or URI the failure concerns, or {@code null}. */
    public String location() {
        return location;
    }

    /** What went wrong, without the location. */
    public String detail() {
        return detail;
    }

    /** Whether a later attempt could succeed (see the class description). */
    public boolean isRetryable() {
        return retryable;
    }
}
