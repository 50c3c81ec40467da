package dev.stacstream.stac.client;

import dev.stacstream.storage.http.RetryAfter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stacstream.stac.model.StacFormatException;
import dev.stacstream.stac.model.StacJson;
import dev.stacstream.storage.RetryPolicy;
import dev.stacstream.storage.StorageOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON over HTTP for a STAC API, with bounded retries: {@code java.net.http} requests (GET, or POST with a JSON
 * body), retried on 408/429/5xx and on connection failures and timeouts under the {@link RetryPolicy} of the
 * {@link StorageOptions} (exponential backoff with jitter, at least the server's {@code Retry-After}, capped).
 *
 * <p>Failures: an error status that persists or is not retryable is a {@link StacHttpException} carrying the
 * server's message; no answer at all is a {@link StacIoException}; a 2xx body that is not JSON is a
 * {@link StacDocumentException}. All name the method and URL. Not thread-safe (one search at a time).
 */
final class JsonHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonHttp.class);

    private static final String ACCEPT = "application/geo+json, application/json;q=0.9";
    private static final String JSON_TYPE = "application/json";
    private static final String USER_AGENT = "stacstream";
    private static final int FIRST_ERROR_STATUS = 300;

    private final HttpClient client;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RandomGenerator random = new SplittableRandom();

    JsonHttp(StorageOptions options, Sleeper sleeper, Clock clock) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.requestTimeout = options.requestTimeout();
        this.retryPolicy = options.retryPolicy();
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * Sends {@code request} and returns the parsed JSON body of its 2xx response, retrying transient failures.
     *
     * @throws StacException as described on the class
     */
    JsonNode send(PageRequest request) {
        int maxAttempts = retryPolicy.maxAttempts();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = client.send(build(request), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (attempt >= maxAttempts) {
                    throw new StacIoException(request.describe(), describe(e), attempt, true, e);
                }
                LOG.debug("{} failed ({}), attempt {} of {}", request.describe(), describe(e), attempt, maxAttempts);
                pause(request, attempt, Optional.empty());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StacIoException(request.describe(), "interrupted", attempt, false, e);
            }
            int status = response.statusCode();
            if (status < FIRST_ERROR_STATUS) {
                return parse(request, response.body());
            }
            if (!StacHttpException.isRetryableStatus(status) || attempt >= maxAttempts) {
                throw new StacHttpException(request.method(), request.uri().toString(), status,
                        ServerMessage.of(response.body()), attempt);
            }
            LOG.debug("{} answered HTTP {}, attempt {} of {}", request.describe(), status, attempt, maxAttempts);
            pause(request, attempt, RetryAfter.parse(response.headers().firstValue("Retry-After"), clock));
        }
    }

    private HttpRequest build(PageRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(requestTimeout)
                .header("Accept", ACCEPT)
                .header("User-Agent", USER_AGENT);
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            header.getValue().forEach(value -> builder.header(header.getKey(), value));
        }
        if (PageRequest.POST.equals(request.method())) {
            byte[] body = StacJson.write(request.body()).getBytes(StandardCharsets.UTF_8);
            builder.header("Content-Type", JSON_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            builder.GET();
        }
        return builder.build();
    }

    private static JsonNode parse(PageRequest request, byte[] body) {
        try {
            return StacJson.parse(body, request.describe());
        } catch (StacFormatException e) {
            throw new StacDocumentException(request.describe(), e);
        }
    }

    /** Waits before retry number {@code attempt} (the attempt that just failed). */
    private void pause(PageRequest request, int attempt, Optional<Duration> retryAfter) {
        Duration delay = retryPolicy.delayBeforeRetry(attempt, retryAfter, random);
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StacIoException(request.describe(), "interrupted while waiting to retry", attempt, false, e);
        }
    }

    /** The exception's class and message: JDK network exceptions often have a null or terse message. */
    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** {@code HttpClient} is closeable only from JDK 21; on 17 its selector thread ends once it is unreachable. */
    @Override
    public void close() {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Failed to close the STAC API HTTP client", e);
            }
        }
    }
}
