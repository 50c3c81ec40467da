package dev.stacstream.storage.http;

import dev.stacstream.storage.internal.AsyncLimiter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * One {@link HttpClient} and its request limiter, shared by every HTTP reader with equal {@link Settings}.
 *
 * <p>The JDK client keeps a pool of keep-alive connections per host (idle ones close after
 * {@code jdk.httpclient.keepalive.timeout}, 30 s by default) and multiplexes HTTP/2 streams over TLS. Its
 * response callbacks complete on the client's own executor threads (daemons).
 */
final class HttpTransport implements AutoCloseable {

    /** Cache key: the settings the client and limiter are built from. */
    record Settings(Duration connectTimeout, int maxConcurrentRequests) {}

    private final HttpClient client;
    private final AsyncLimiter limiter;
    private final Settings settings;

    /** @param starter runs queued requests when a permit frees up (the shared timer thread) */
    HttpTransport(Settings settings, Executor starter) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.limiter = new AsyncLimiter(settings.maxConcurrentRequests(), starter);
    }

    HttpClient client() {
        return client;
    }

    AsyncLimiter limiter() {
        return limiter;
    }

    /**
     * Releases the client. {@code HttpClient} is closeable only from JDK 21; on JDK 17 its daemon selector thread
     * ends once the client is unreachable.
     */
    @Override
    public void close() {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close(); // JDK 21+: waits for in-flight exchanges
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException("failed to close the shared HttpClient", e);
            }
        }
    }

    @Override
    public String toString() {
        return "HttpTransport{" + settings + "}";
    }
}
