package dev.stacstream.storage.s3;

import dev.stacstream.storage.internal.AsyncLimiter;
import java.util.concurrent.Executor;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/**
 * One {@link S3AsyncClient} (Netty, non-blocking) and its request limiter, shared by every S3 reader with equal
 * {@link S3ClientSettings}.
 *
 * <p>The SDK's own retries are <b>disabled</b> ({@link AwsRetryStrategy#doNotRetry()}): the storage retry executor
 * counts and retries attempts uniformly for HTTP and S3, and SDK retries underneath would multiply them. Each attempt
 * is bounded by the request timeout ({@code apiCallAttemptTimeout}, and Netty's read/write timeouts). Netty's
 * connection cap equals the limiter's, so requests wait in the limiter rather than in Netty's acquire queue.
 * Futures complete on the SDK's async-response executor (daemon threads).
 */
final class S3Transport implements AutoCloseable {

    private final S3AsyncClient client;
    private final AsyncLimiter limiter;
    private final S3ClientSettings settings;

    /** @param starter runs queued requests when a permit frees up (the shared timer thread) */
    S3Transport(S3ClientSettings settings, Executor starter) {
        this.settings = settings;
        this.client = build(settings);
        this.limiter = new AsyncLimiter(settings.maxConcurrentRequests(), starter);
    }

    S3AsyncClient client() {
        return client;
    }

    AsyncLimiter limiter() {
        return limiter;
    }

    private static S3AsyncClient build(S3ClientSettings s) {
        NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
                .maxConcurrency(s.maxConcurrentRequests())
                .connectionTimeout(s.connectTimeout())
                .readTimeout(s.requestTimeout())
                .writeTimeout(s.requestTimeout())
                .connectionAcquisitionTimeout(s.requestTimeout());
        S3AsyncClientBuilder builder = S3AsyncClient.builder()
                .httpClientBuilder(http)
                .region(Region.of(s.region()))
                .forcePathStyle(s.pathStyle())
                .crossRegionAccessEnabled(s.crossRegionAccess())
                .credentialsProvider(credentials(s))
                // Ranged GETs carry no full-object checksum to validate; skip it (also keeps S3-compatible stores happy).
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(s.requestTimeout())
                        .apiCallTimeout(s.requestTimeout()));
        if (s.endpoint() != null) {
            builder.endpointOverride(s.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3ClientSettings s) {
        if (s.anonymous()) {
            return AnonymousCredentialsProvider.create(); // the SDK sends anonymous requests unsigned
        }
        if (s.credentials() == null) {
            return DefaultCredentialsProvider.builder().build(); // AWS_PROFILE, config files, container, instance
        }
        return StaticCredentialsProvider.create(s.credentials().sessionToken()
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(
                        s.credentials().accessKeyId(), s.credentials().secretAccessKey(), token))
                .orElseGet(() -> AwsBasicCredentials.create(
                        s.credentials().accessKeyId(), s.credentials().secretAccessKey())));
    }

    /** Closes the client and its Netty event loops. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "S3Transport{region=" + settings.region() + ", endpoint=" + settings.endpoint()
                + ", pathStyle=" + settings.pathStyle() + ", anonymous=" + settings.anonymous() + "}";
    }
}
