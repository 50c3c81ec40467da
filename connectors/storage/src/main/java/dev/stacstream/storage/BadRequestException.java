package dev.stacstream.storage;

/**
 * The server refused the request as malformed or unsatisfiable and repeating it cannot help: HTTP 400, 416 (range
 * not satisfiable) and the other 4xx statuses without a more specific type, or a response that contradicts the
 * request (a {@code Content-Range} for other bytes than asked).
 */
public final class BadRequestException extends StorageException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String uri, ByteRange range, String detail, Throwable cause) {
        this(uri, range, detail, 1, cause);
    }

    private BadRequestException(String uri, ByteRange range, String detail, int attempts, Throwable cause) {
        super(uri, range, detail, attempts, false, cause);
    }

    @Override
    public BadRequestException withAttempts(int attempts) {
        return copyAttributes(new BadRequestException(uri(), range(), detail(), attempts, getCause()));
    }
}
