package dev.stacstream.storage;

/** The object does not exist: HTTP 404/410, S3 {@code NoSuchKey}/{@code NoSuchBucket}, or a missing local file. */
public final class NotFoundException extends StorageException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String uri, ByteRange range, String detail, Throwable cause) {
        this(uri, range, detail, 1, cause);
    }

    private NotFoundException(String uri, ByteRange range, String detail, int attempts, Throwable cause) {
        super(uri, range, detail, attempts, false, cause);
    }

    @Override
    public NotFoundException withAttempts(int attempts) {
        return copyAttributes(new NotFoundException(uri(), range(), detail(), attempts, getCause()));
    }
}
