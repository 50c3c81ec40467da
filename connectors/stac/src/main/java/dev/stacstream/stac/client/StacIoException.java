package dev.stacstream.stac.client;

/**
 * No usable answer: a connection refused or reset, a timeout, or a storage failure while reading a static
 * catalog document. Retryable unless the cause says otherwise (a missing or forbidden catalog file is not).
 */
public final class StacIoException extends StacException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    /**
     * @param location the URL or URI being read
     * @param detail what failed, e.g. {@code "connection refused"}
     * @param attempts attempts made, including the first
     * @param retryable whether a later attempt could succeed
     */
    public StacIoException(String location, String detail, int attempts, boolean retryable, Throwable cause) {
        super(location, attempts > 1 ? detail + " (after " + attempts + " attempts)" : detail, retryable, cause);
        this.attempts = attempts;
    }

    /** Attempts made, including the first. */
    public int attempts() {
        return attempts;
    }
}
