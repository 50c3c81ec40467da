package dev.stacstream.storage;

/**
 * The caller may not read the object: HTTP 401/403, S3 {@code AccessDenied} (also missing credentials for a private
 * bucket, or a requester-pays bucket read without requester-pays), or an unreadable local file.
 */
public final class AccessDeniedException extends StorageException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String uri, ByteRange range, String detail, Throwable cause) {
        this(uri, range, detail, 1, cause);
    }

    private AccessDeniedException(String uri, ByteRange range, String detail, int attempts, Throwable cause) {
        super(uri, range, detail, attempts, false, cause);
    }

    @Override
    public AccessDeniedException withAttempts(int attempts) {
        return copyAttributes(new AccessDeniedException(uri(), range(), detail(), attempts, getCause()));
    }
}
