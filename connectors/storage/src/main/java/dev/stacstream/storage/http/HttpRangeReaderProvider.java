package dev.stacstream.storage.http;

import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.RangeReaderProvider;
import dev.stacstream.storage.SharedClients;
import dev.stacstream.storage.StorageOptions;
import dev.stacstream.storage.internal.RetryExecutor;
import java.net.URI;
import java.util.Set;

/**
 * {@code http://} and {@code https://} URLs. One {@link HttpTransport} (client + limiter) is shared per connect
 * timeout and {@link StorageOptions#maxConcurrentRequests()}; timeouts per request and retries come from the
 * options of each reader.
 */
public final class HttpRangeReaderProvider implements RangeReaderProvider {

    @Override
    public Set<String> schemes() {
        return Set.of("http", "https");
    }

    @Override
    public RangeReader open(String uri, StorageOptions options, SharedClients clients) {
        URI target = parse(uri);
        HttpTransport.Settings settings =
                new HttpTransport.Settings(options.connectTimeout(), options.maxConcurrentRequests());
        HttpTransport transport = clients.get(settings, HttpTransport.class,
                () -> new HttpTransport(settings, clients.scheduler()));
        return new HttpRangeReader(uri, target, transport,
                new RetryExecutor(options.retryPolicy(), clients.scheduler()), options.requestTimeout(),
                clients.scheduler(), options.coalescer());
    }

    private static URI parse(String uri) {
        URI target;
        try {
            target = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(uri + ": not a valid URL: " + e.getMessage(), e);
        }
        if (target.getHost() == null) {
            throw new IllegalArgumentException(uri + ": URL has no host");
        }
        return target;
    }
}
