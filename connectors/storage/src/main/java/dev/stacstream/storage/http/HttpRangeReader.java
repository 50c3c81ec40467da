package dev.stacstream.storage.http;

import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.internal.ContentRange;
import dev.stacstream.storage.RangeCoalescer;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.internal.Deadlines;
import dev.stacstream.storage.internal.Failures;
import dev.stacstream.storage.internal.RemoteRangeReader;
import dev.stacstream.storage.internal.RetryExecutor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads ranges of an HTTP(S) object with {@code GET} and {@code Range: bytes=a-b}, through a shared
 * {@link HttpTransport} (keep-alive pool, concurrency limit) and the storage {@link RetryExecutor}.
 *
 * <p>Responses: 206 is the normal case; a 200 means the server ignored {@code Range} and is handled by cutting the
 * range out of the streamed body (see {@link RangeBodyHandler}), with a warning logged once per reader; any other
 * status is mapped by {@link Failures#forStatus}. {@link #readAtMost} sends the same single GET and accepts what a
 * range past the end of the object gets: a 206 whose {@code Content-Range} total ends before the range does, a
 * whole 200 body shorter than the range end, or a 416 with {@code Content-Range: bytes *&#47;total} when the range
 * starts at or after the end (an empty answer). Every response that tells the object's size is remembered, so
 * that {@link #size()} needs no request afterwards. Each attempt has a deadline of the request timeout that covers
 * the whole exchange, body included (the JDK's own request timeout stops at the headers). Plain {@code http} uses
 * HTTP/1.1 (no cleartext upgrade probe); {@code https} offers HTTP/2 and falls back to 1.1.
 *
 * <p>Attempts are counted and retried by the {@link RetryExecutor} only. Below it, the JDK client has two retries of
 * its own that cannot be switched off per client: it re-sends an idempotent request once when a pooled keep-alive
 * connection turns out to be closed before any response byte (a stale connection), and retries a refused connect
 * once. A server may therefore see up to two requests for one counted attempt in those two cases.
 *
 * <p>Futures complete on the HttpClient's executor threads; retry delays run on the shared timer.
 */
final class HttpRangeReader extends RemoteRangeReader {

    private static final Logger LOG = LoggerFactory.getLogger(HttpRangeReader.class);

    /** Statuses of a refused {@code HEAD} after which {@link #size()} falls back to a one-byte ranged GET. */
    private static boolean headRefused(int status) {
        return status == 403 || status == 405 || status == 501;
    }

    private static final int RANGE_NOT_SATISFIABLE = 416;

    private final URI target;
    private final HttpTransport transport;
    private final Duration requestTimeout;
    private final ScheduledExecutorService timer;
    private final HttpClient.Version version;
    private final AtomicBoolean warnedIgnoredRange = new AtomicBoolean();

    HttpRangeReader(String uri, URI target, HttpTransport transport, RetryExecutor retries, Duration requestTimeout,
            ScheduledExecutorService timer, RangeCoalescer coalescer) {
        super(uri, coalescer, retries, transport.limiter(), Failures::forIoFailure);
        this.target = target;
        this.transport = transport;
        this.requestTimeout = requestTimeout;
        this.timer = timer;
        this.version = "https".equalsIgnoreCase(target.getScheme())
                ? HttpClient.Version.HTTP_2
                : HttpClient.Version.HTTP_1_1;
    }

    @Override
    protected CompletableFuture<ByteBuffer> attemptRead(ByteRange range, boolean clampToObject) {
        HttpRequest request = request(range).GET().build();
        RangeBodyHandler handler = new RangeBodyHandler(uri(), range, clampToObject, this::warnIgnoredRange);
        return exchange(request, handler, range).handle((response, error) -> {
            if (error != null) {
                throw new CompletionException(handler.failure(RetryExecutor.unwrap(error)));
            }
            int status = response.statusCode();
            if (clampToObject && status == RANGE_NOT_SATISFIABLE) {
                return nothingPastTheEnd(response, range);
            }
            if (status != RangeBodyHandler.PARTIAL_CONTENT && status != RangeBodyHandler.OK) {
                throw statusFailure(response, range);
            }
            rememberSize(response);
            return response.body();
        });
    }

    /**
     * The answer to a clamped read refused with 416: empty, if {@code Content-Range: bytes *&#47;total} confirms that
     * the range starts at or after the end; without that confirmation the 416 stays an error.
     */
    private ByteBuffer nothingPastTheEnd(HttpResponse<?> response, ByteRange range) {
        OptionalLong total = totalFromContentRange(response.headers());
        if (total.isEmpty() || total.getAsLong() > range.offset()) {
            throw statusFailure(response, range);
        }
        rememberSize(total.getAsLong());
        return ByteBuffer.allocate(0);
    }

    /**
     * The object's length from {@code HEAD}'s {@code Content-Length}; when {@code HEAD} is refused (403/405/501,
     * e.g. a URL presigned for GET only) or has no length, from the total of a one-byte ranged GET.
     */
    @Override
    protected CompletableFuture<Long> attemptSize() {
        HttpRequest head = request(null).method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        return exchange(head, HttpResponse.BodyHandlers.discarding(), null).thenCompose(response -> {
            OptionalLong length = response.headers().firstValueAsLong("Content-Length");
            if (response.statusCode() == RangeBodyHandler.OK && length.isPresent()) {
                return CompletableFuture.completedFuture(length.getAsLong());
            }
            if (response.statusCode() != RangeBodyHandler.OK && !headRefused(response.statusCode())) {
                throw statusFailure(response, null);
            }
            return sizeFromRangedGet();
        });
    }

    private CompletableFuture<Long> sizeFromRangedGet() {
        ByteRange firstByte = new ByteRange(0, 1);
        HttpRequest get = request(firstByte).GET().build();
        RangeBodyHandler handler = new RangeBodyHandler(uri(), firstByte, false, this::warnIgnoredRange);
        return exchange(get, handler, null).thenApply(response -> {
            int status = response.statusCode();
            OptionalLong total = totalFromContentRange(response.headers());
            if ((status == RangeBodyHandler.PARTIAL_CONTENT || status == RANGE_NOT_SATISFIABLE)
                    && total.isPresent()) {
                return total.getAsLong(); // 416 with "bytes */0" is an empty object
            }
            OptionalLong length = response.headers().firstValueAsLong("Content-Length");
            if (status == RangeBodyHandler.OK && length.isPresent()) {
                return length.getAsLong();
            }
            if (status == RangeBodyHandler.PARTIAL_CONTENT || status == RangeBodyHandler.OK) {
                throw new StorageException(uri(), null, "server does not report the object size", null);
            }
            throw statusFailure(response, null);
        });
    }

    private HttpRequest.Builder request(ByteRange range) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).version(version).timeout(requestTimeout);
        if (range != null) {
            builder.header("Range", "bytes=" + range.offset() + "-" + (range.end() - 1));
        }
        return builder;
    }

    private <T> CompletableFuture<HttpResponse<T>> exchange(
            HttpRequest request, HttpResponse.BodyHandler<T> handler, ByteRange range) {
        return Deadlines.within(transport.client().sendAsync(request, handler), requestTimeout, timer,
                () -> new HttpTimeoutException(request.method() + " timed out after " + requestTimeout.toMillis()
                        + " ms" + (range == null ? "" : " reading " + range)));
    }

    private StorageException statusFailure(HttpResponse<?> response, ByteRange range) {
        int status = response.statusCode();
        return Failures.forStatus(status, Failures.describeStatus(status), uri(), range,
                RetryAfter.parse(response.headers().firstValue("Retry-After"), Clock.systemUTC()).orElse(null),
                null);
    }

    /** Remembers the size a 206 ({@code Content-Range} total) or 200 ({@code Content-Length}) reported. */
    private void rememberSize(HttpResponse<?> response) {
        OptionalLong total = response.statusCode() == RangeBodyHandler.PARTIAL_CONTENT
                ? totalFromContentRange(response.headers())
                : response.headers().firstValueAsLong("Content-Length");
        total.ifPresent(this::rememberSize);
    }

    private static OptionalLong totalFromContentRange(HttpHeaders headers) {
        return ContentRange.parse(headers.firstValue("Content-Range").orElse(null))
                .map(ContentRange::total)
                .orElse(OptionalLong.empty());
    }

    private void warnIgnoredRange() {
        if (warnedIgnoredRange.compareAndSet(false, true)) {
            LOG.warn("{}: the server ignores Range requests (HTTP 200 with the whole body); each range read streams "
                    + "the object from its start up to the range end", uri());
        }
    }

    @Override
    public String toString() {
        return "HttpRangeReader{" + uri() + "}";
    }
}
