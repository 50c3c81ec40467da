package dev.stacstream.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.storage.AccessDeniedException;
import dev.stacstream.storage.BadRequestException;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.NotFoundException;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.TransientStorageException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The classification table: which failures are retried. */
class FailuresTest {

    private static final String URI = "https://example.com/a.tif";
    private static final ByteRange RANGE = ByteRange.of(100, 200);

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class, false, "HTTP 400 Bad Request"),
                Arguments.of(401, AccessDeniedException.class, false, "HTTP 401 Unauthorized"),
                Arguments.of(403, AccessDeniedException.class, false, "HTTP 403 Forbidden"),
                Arguments.of(404, NotFoundException.class, false, "HTTP 404 Not Found"),
                Arguments.of(405, BadRequestException.class, false, "HTTP 405 Method Not Allowed"),
                Arguments.of(408, TransientStorageException.class, true, "HTTP 408 Request Timeout"),
                Arguments.of(410, NotFoundException.class, false, "HTTP 410 Gone"),
                Arguments.of(416, BadRequestException.class, false, "HTTP 416 Range Not Satisfiable"),
                Arguments.of(429, TransientStorageException.class, true, "HTTP 429 Too Many Requests"),
                Arguments.of(500, TransientStorageException.class, true, "HTTP 500 Internal Server Error"),
                Arguments.of(501, BadRequestException.class, false, "HTTP 501 Not Implemented"),
                Arguments.of(502, TransientStorageException.class, true, "HTTP 502 Bad Gateway"),
                Arguments.of(503, TransientStorageException.class, true, "HTTP 503 Service Unavailable"),
                Arguments.of(504, TransientStorageException.class, true, "HTTP 504 Gateway Timeout"),
                Arguments.of(599, TransientStorageException.class, true, "HTTP 599"),
                Arguments.of(304, StorageException.class, false, "HTTP 304 Not Modified"));
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}, retryable {2}")
    @MethodSource("statuses")
    void classifiesHttpStatuses(int status, Class<?> type, boolean retryable, String description) {
        StorageException e = Failures.forStatus(status, Failures.describeStatus(status), URI, RANGE, null, null);

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(Failures.isRetryableStatus(status)).isEqualTo(retryable);
        assertThat(e.getMessage()).isEqualTo(URI + " bytes [100, 200): "
                + (type == StorageException.class ? "unexpected " : "") + description);
    }

    static Stream<Arguments> ioFailures() {
        return Stream.of(
                Arguments.of(new HttpTimeoutException("request timed out"), true, "timed out: "),
                Arguments.of(new HttpConnectTimeoutException("connect timed out"), true, "timed out: "),
                Arguments.of(new TimeoutException(), true, "timed out: TimeoutException"),
                Arguments.of(new ConnectException("Connection refused"), true, "I/O error: ConnectException"),
                Arguments.of(new SocketException("Connection reset"), true, "I/O error: SocketException: Connection reset"),
                Arguments.of(new EOFException("EOF reached while reading"), true, "I/O error: EOFException"),
                Arguments.of(new IOException("HTTP/1.1 header parser received no bytes"), true, "I/O error"),
                Arguments.of(new IllegalStateException("bug"), false, "unexpected failure: IllegalStateException: bug"));
    }

    @ParameterizedTest(name = "{0} -> retryable {1}")
    @MethodSource("ioFailures")
    void classifiesFailuresWithoutStatus(Throwable error, boolean retryable, String detailPrefix) {
        StorageException e = Failures.forIoFailure(error, URI, RANGE);

        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.detail()).startsWith(detailPrefix);
        assertThat(e.getCause()).isSameAs(error);
        assertThat(e.uri()).isEqualTo(URI);
        assertThat(e.range()).isEqualTo(RANGE);
    }

    @Test
    void keepsRetryAfterOfTransientStatuses() {
        StorageException e = Failures.forStatus(
                429, "HTTP 429 Too Many Requests", URI, RANGE, Duration.ofSeconds(3), null);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void attemptsAppearInTheMessageAndSurviveCopies() {
        StorageException first = Failures.forStatus(503, "HTTP 503 Service Unavailable", URI, RANGE, null, null);
        StorageException last = first.withAttempts(4);

        assertThat(last).isExactlyInstanceOf(TransientStorageException.class);
        assertThat(last.attempts()).isEqualTo(4);
        assertThat(last.getMessage())
                .isEqualTo("https://example.com/a.tif bytes [100, 200): HTTP 503 Service Unavailable after 4 attempts");
        assertThat(first.getMessage()).doesNotContain("attempts");
    }

    @Test
    void messageWithoutRangeNamesTheUri() {
        StorageException e = Failures.forStatus(404, "HTTP 404 Not Found", URI, null, null, null);

        assertThat(e.getMessage()).isEqualTo("https://example.com/a.tif: HTTP 404 Not Found");
    }
}
