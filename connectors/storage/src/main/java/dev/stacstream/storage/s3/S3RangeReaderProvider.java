package dev.stacstream.storage.s3;

import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.RangeReaderProvider;
import dev.stacstream.storage.SharedClients;
import dev.stacstream.storage.StorageOptions;
import dev.stacstream.storage.internal.RetryExecutor;
import java.util.Map;
import java.util.Set;

/**
 * {@code s3://bucket/key} objects through the AWS SDK v2 async client. Settings left unset in
 * {@link StorageOptions} are resolved from the process environment when the reader is opened (see
 * {@link S3ClientSettings}); one {@link S3Transport} is shared per distinct resolved settings.
 */
public final class S3RangeReaderProvider implements RangeReaderProvider {

    private final Map<String, String> environment;

    /** Resolves unset settings from {@link System#getenv()}; the constructor {@link java.util.ServiceLoader} uses. */
    public S3RangeReaderProvider() {
        this(System.getenv());
    }

    /** Resolves unset settings from {@code environment} instead of the process environment (for tests). */
    public S3RangeReaderProvider(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Set<String> schemes() {
        return Set.of("s3");
    }

    @Override
    public RangeReader open(String uri, StorageOptions options, SharedClients clients) {
        S3Location location = S3Location.parse(uri);
        S3ClientSettings settings = S3ClientSettings.resolve(options, environment);
        S3Transport transport = clients.get(settings, S3Transport.class,
                () -> new S3Transport(settings, clients.scheduler()));
        return new S3RangeReader(uri, location, transport,
                new RetryExecutor(options.retryPolicy(), clients.scheduler()),
                S3ClientSettings.resolveRequesterPays(options, environment), options.coalescer());
    }
}
