package dev.stacstream.storage;

/**
 * Fewer bytes arrived than the range asked for. Readers never return a short buffer; they raise this instead.
 *
 * <p>Two cases differ in whether a retry can help, so the reader decides {@link #isRetryable()}:
 * <ul>
 *   <li>the body was cut (connection closed mid-body, a body shorter than its headers announced): retryable;</li>
 *   <li>the object itself ends before the range does (a local file, or a {@code Content-Range} total smaller than
 *       the range end): not retryable, the message names the object's size.</li>
 * </ul>
 */
public final class TruncatedReadException extends StorageException {

    private static final long serialVersionUID = 1L;

    private final long bytesReceived;

    /**
     * @param bytesReceived how many of the range's bytes arrived before the body ended
     * @param retryable {@code true} for a cut body, {@code false} when the object is shorter than the range
     */
    public TruncatedReadException(
            String uri, ByteRange range, String detail, long bytesReceived, boolean retryable, Throwable cause) {
        this(uri, range, detail, bytesReceived, retryable, 1, cause);
    }

    private TruncatedReadException(
            String uri,
            ByteRange range,
            String detail,
            long bytesReceived,
            boolean retryable,
            int attempts,
            Throwable cause) {
        super(uri, range, detail, attempts, retryable, cause);
        this.bytesReceived = bytesReceived;
    }

    /** How many bytes of the range arrived before the body ended. */
    public long bytesReceived() {
        return bytesReceived;
    }

    @Override
    public TruncatedReadException withAttempts(int attempts) {
        return copyAttributes(new TruncatedReadException(
                uri(), range(), detail(), bytesReceived, isRetryable(), attempts, getCause()));
    }
}
