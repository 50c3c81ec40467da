package dev.stacstream.storage.internal;

import dev.stacstream.storage.AccessDeniedException;
import dev.stacstream.storage.BadRequestException;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.NotFoundException;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.TransientStorageException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The failure table shared by the HTTP and S3 backends: which HTTP statuses and I/O errors are fatal and which
 * are worth retrying.
 *
 * <table>
 *   <caption>HTTP status classification</caption>
 *   <tr><th>status</th><th>exception</th><th>retried</th></tr>
 *   <tr><td>404, 410</td><td>{@link NotFoundException}</td><td>no</td></tr>
 *   <tr><td>401, 403</td><td>{@link AccessDeniedException}</td><td>no</td></tr>
 *   <tr><td>408, 429, 5xx except 501 and 505</td><td>{@link TransientStorageException}</td><td>yes</td></tr>
 *   <tr><td>other 4xx (400, 416, ...), 501, 505</td><td>{@link BadRequestException}</td><td>no</td></tr>
 *   <tr><td>anything else unexpected (1xx, 3xx, other 2xx)</td><td>{@link StorageException}</td><td>no</td></tr>
 * </table>
 *
 * <p>Timeouts and I/O errors before a response (connection refused, reset or closed) are transient.
 */
public final class Failures {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"),
            Map.entry(206, "Partial Content"),
            Map.entry(301, "Moved Permanently"),
            Map.entry(304, "Not Modified"),
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(408, "Request Timeout"),
            Map.entry(410, "Gone"),
            Map.entry(416, "Range Not Satisfiable"),
            Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"),
            Map.entry(505, "HTTP Version Not Supported"));

    private Failures() {}

    /** {@code "HTTP 503 Service Unavailable"}, or {@code "HTTP 599"} for statuses without a known reason. */
    public static String describeStatus(int status) {
        String reason = REASONS.get(status);
        return reason == null ? "HTTP " + status : "HTTP " + status + " " + reason;
    }

    /** Whether an HTTP status is worth retrying (408, 429 and 5xx except 501/505). */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
    }

    /**
     * The exception for an unsuccessful HTTP status.
     *
     * @param detail the failure as it should read in the message, e.g. {@code "HTTP 503 Service Unavailable"}
     * @param retryAfter the server's {@code Retry-After}, or {@code null}
     */
    public static StorageException forStatus(
            int status, String detail, String uri, ByteRange range, Duration retryAfter, Throwable cause) {
        if (status == 404 || status == 410) {
            return new NotFoundException(uri, range, detail, cause);
        }
        if (status == 401 || status == 403) {
            return new AccessDeniedException(uri, range, detail, cause);
        }
        if (isRetryableStatus(status)) {
            return new TransientStorageException(uri, range, detail, retryAfter, cause);
        }
        if (status >= 400 && status <= 599) {
            return new BadRequestException(uri, range, detail, cause);
        }
        return new StorageException(uri, range, "unexpected " + detail, cause);
    }

    /**
     * The exception for a failure without an HTTP status: timeouts and I/O errors (connection refused, reset,
     * closed) are transient; anything else (a bug, a misconfiguration) is reported as a non-retryable
     * {@link StorageException} with the original as cause.
     */
    public static StorageException forIoFailure(Throwable error, String uri, ByteRange range) {
        if (error instanceof StorageException se) {
            return se;
        }
        if (error instanceof TimeoutException || error instanceof java.net.http.HttpTimeoutException
                || error instanceof java.net.SocketTimeoutException) {
            return new TransientStorageException(uri, range, "timed out: " + describe(error), error);
        }
        if (error instanceof IOException) {
            return new TransientStorageException(uri, range, "I/O error: " + describe(error), error);
        }
        return new StorageException(uri, range, "unexpected failure: " + describe(error), error);
    }

    /** {@code "SimpleClassName: message"}, for messages built from foreign exceptions. */
    public static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank()
                ? error.getClass().getSimpleName()
                : error.getClass().getSimpleName() + ": " + message;
    }
}
