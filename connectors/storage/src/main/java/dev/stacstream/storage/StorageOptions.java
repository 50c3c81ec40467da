package dev.stacstream.storage;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How readers reach storage: S3 addressing and credentials, timeouts, retries, coalescing and concurrency.
 *
 * <p>Immutable, built with {@link #builder()}, and {@link Serializable} so it can travel inside Flink operators;
 * readers and clients are created from it where they run (see {@link RangeReaders}).
 *
 * <p><b>Precedence.</b> The S3 settings left unset here ({@code Optional.empty()}) are resolved when a reader is
 * opened, on the machine that opens it: an explicit option wins, then the usual AWS environment variables
 * ({@code AWS_REGION}/{@code AWS_DEFAULT_REGION}, {@code AWS_ENDPOINT_URL_S3}/{@code AWS_ENDPOINT_URL},
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN}, {@code AWS_PROFILE} via the
 * SDK's default credential chain) and GDAL's switches ({@code AWS_NO_SIGN_REQUEST=YES},
 * {@code AWS_REQUEST_PAYER=requester}, {@code AWS_VIRTUAL_HOSTING=FALSE}), then the defaults documented on each
 * getter. The other settings always have a value (the {@code DEFAULT_*} constants unless set).
 */
public final class StorageOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Default time allowed to open a TCP (and TLS) connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Default time allowed for one attempt of one request, from sending it to the last body byte. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Default cap on requests in flight per shared client (HTTP, S3) or file I/O threads. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

    /** Upper bound accepted for {@link #maxConcurrentRequests()}. */
    public static final int MAX_CONCURRENT_REQUESTS_LIMIT = 4096;

    private static final StorageOptions DEFAULTS = builder().build();

    private final String s3Region;
    private final URI s3Endpoint;
    private final Boolean s3PathStyle;
    private final Boolean s3Anonymous;
    private final Boolean s3RequesterPays;
    private final S3Credentials s3Credentials;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final boolean coalescingEnabled;
    private final long coalesceMaxGapBytes;
    private final long coalesceMaxRequestBytes;
    private final int maxConcurrentRequests;

    private StorageOptions(Builder b) {
        this.s3Region = b.s3Region;
        this.s3Endpoint = b.s3Endpoint;
        this.s3PathStyle = b.s3PathStyle;
        this.s3Anonymous = b.s3Anonymous;
        this.s3RequesterPays = b.s3RequesterPays;
        this.s3Credentials = b.s3Credentials;
        this.connectTimeout = requirePositive(b.connectTimeout, "connectTimeout");
        this.requestTimeout = requirePositive(b.requestTimeout, "requestTimeout");
        this.retryPolicy = Objects.requireNonNull(b.retryPolicy, "retryPolicy");
        this.coalescingEnabled = b.coalescingEnabled;
        this.coalesceMaxGapBytes = b.coalesceMaxGapBytes;
        this.coalesceMaxRequestBytes = b.coalesceMaxRequestBytes;
        this.maxConcurrentRequests = b.maxConcurrentRequests;
        if (maxConcurrentRequests < 1 || maxConcurrentRequests > MAX_CONCURRENT_REQUESTS_LIMIT) {
            throw new IllegalArgumentException(String.format(
                    "maxConcurrentRequests must be in [1, %d], got %d",
                    MAX_CONCURRENT_REQUESTS_LIMIT, maxConcurrentRequests));
        }
        if (s3Anonymous == Boolean.TRUE && s3Credentials != null) {
            throw new IllegalArgumentException("s3Anonymous and s3Credentials are mutually exclusive");
        }
        coalescer(); // validates the coalescing limits with their own messages
    }

    /** Options with every setting at its default (S3 settings resolved from the environment). */
    public static StorageOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.s3Region = s3Region;
        b.s3Endpoint = s3Endpoint;
        b.s3PathStyle = s3PathStyle;
        b.s3Anonymous = s3Anonymous;
        b.s3RequesterPays = s3RequesterPays;
        b.s3Credentials = s3Credentials;
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.retryPolicy = retryPolicy;
        b.coalescingEnabled = coalescingEnabled;
        b.coalesceMaxGapBytes = coalesceMaxGapBytes;
        b.coalesceMaxRequestBytes = coalesceMaxRequestBytes;
        b.maxConcurrentRequests = maxConcurrentRequests;
        return b;
    }

    /**
     * AWS region for S3 requests and signing. Unset: {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}, then
     * {@code us-east-1} with cross-region redirects enabled (the SDK follows a bucket's real region).
     */
    public Optional<String> s3Region() {
        return Optional.ofNullable(s3Region);
    }

    /**
     * S3 endpoint override for S3-compatible stores (MinIO, Ceph, s3proxy). Unset: {@code AWS_ENDPOINT_URL_S3},
     * then {@code AWS_ENDPOINT_URL}, then AWS's own endpoint for the region.
     */
    public Optional<URI> s3Endpoint() {
        return Optional.ofNullable(s3Endpoint);
    }

    /**
     * Path-style addressing ({@code endpoint/bucket/key}) instead of virtual-hosted ({@code bucket.endpoint/key}).
     * Unset: {@code true} if {@code AWS_VIRTUAL_HOSTING=FALSE} (GDAL's switch), else {@code false}.
     */
    public Optional<Boolean> s3PathStyle() {
        return Optional.ofNullable(s3PathStyle);
    }

    /**
     * Unsigned requests, for public buckets. Unset: {@code true} if {@code AWS_NO_SIGN_REQUEST=YES} (GDAL's switch),
     * else {@code false}.
     */
    public Optional<Boolean> s3Anonymous() {
        return Optional.ofNullable(s3Anonymous);
    }

    /**
     * Send {@code x-amz-request-payer: requester} so the caller pays for reads of requester-pays buckets. Unset:
     * {@code true} if {@code AWS_REQUEST_PAYER=requester}, else {@code false}.
     */
    public Optional<Boolean> s3RequesterPays() {
        return Optional.ofNullable(s3RequesterPays);
    }

    /**
     * Static S3 credentials. Unset: {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN},
     * then the SDK's default chain (system properties, {@code AWS_PROFILE} and the shared config files, container
     * and instance credentials). Ignored when anonymous.
     */
    public Optional<S3Credentials> s3Credentials() {
        return Optional.ofNullable(s3Credentials);
    }

    /** Time allowed to open a connection (HTTP and S3). Default {@link #DEFAULT_CONNECT_TIMEOUT}. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Time allowed for one attempt of one request, until the last body byte (HTTP and S3); a timed-out attempt is
     * a transient failure and is retried. Default {@link #DEFAULT_REQUEST_TIMEOUT}.
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Retry policy of every remote request. Default {@link RetryPolicy#defaults()}. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** Whether {@code readAll} merges nearby ranges into fewer requests. Default {@code true}. */
    public boolean coalescingEnabled() {
        return coalescingEnabled;
    }

    /** Largest gap read in between two ranges to save a request. Default {@link RangeCoalescer#DEFAULT_MAX_GAP_BYTES}. */
    public long coalesceMaxGapBytes() {
        return coalesceMaxGapBytes;
    }

    /** Largest merged request. Default {@link RangeCoalescer#DEFAULT_MAX_REQUEST_BYTES}. */
    public long coalesceMaxRequestBytes() {
        return coalesceMaxRequestBytes;
    }

    /** The coalescer these options describe ({@link RangeCoalescer#disabled()} when coalescing is off). */
    public RangeCoalescer coalescer() {
        return coalescingEnabled
                ? new RangeCoalescer(coalesceMaxGapBytes, coalesceMaxRequestBytes)
                : RangeCoalescer.disabled();
    }

    /**
     * Cap on requests in flight per shared client: concurrent HTTP exchanges and S3 connections per client, and
     * threads of the local-file I/O pool. Further requests queue. Default {@link #DEFAULT_MAX_CONCURRENT_REQUESTS}.
     */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    private static Duration requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StorageOptions s
                && Objects.equals(s3Region, s.s3Region)
                && Objects.equals(s3Endpoint, s.s3Endpoint)
                && Objects.equals(s3PathStyle, s.s3PathStyle)
                && Objects.equals(s3Anonymous, s.s3Anonymous)
                && Objects.equals(s3RequesterPays, s.s3RequesterPays)
                && Objects.equals(s3Credentials, s.s3Credentials)
                && connectTimeout.equals(s.connectTimeout)
                && requestTimeout.equals(s.requestTimeout)
                && retryPolicy.equals(s.retryPolicy)
                && coalescingEnabled == s.coalescingEnabled
                && coalesceMaxGapBytes == s.coalesceMaxGapBytes
                && coalesceMaxRequestBytes == s.coalesceMaxRequestBytes
                && maxConcurrentRequests == s.maxConcurrentRequests;
    }

    @Override
    public int hashCode() {
        return Objects.hash(s3Region, s3Endpoint, s3PathStyle, s3Anonymous, s3RequesterPays, s3Credentials,
                connectTimeout, requestTimeout, retryPolicy, coalescingEnabled, coalesceMaxGapBytes,
                coalesceMaxRequestBytes, maxConcurrentRequests);
    }

    @Override
    public String toString() {
        return "StorageOptions{s3Region=" + s3Region + ", s3Endpoint=" + s3Endpoint + ", s3PathStyle=" + s3PathStyle
                + ", s3Anonymous=" + s3Anonymous + ", s3RequesterPays=" + s3RequesterPays
                + ", s3Credentials=" + s3Credentials + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", retryPolicy=" + retryPolicy + ", coalescer=" + coalescer()
                + ", maxConcurrentRequests=" + maxConcurrentRequests + "}";
    }

    /** Builds {@link StorageOptions}; every setter overrides a default (or the environment, for S3 settings). */
    public static final class Builder {

        private String s3Region;
        private URI s3Endpoint;
        private Boolean s3PathStyle;
        private Boolean s3Anonymous;
        private Boolean s3RequesterPays;
        private S3Credentials s3Credentials;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private boolean coalescingEnabled = true;
        private long coalesceMaxGapBytes = RangeCoalescer.DEFAULT_MAX_GAP_BYTES;
        private long coalesceMaxRequestBytes = RangeCoalescer.DEFAULT_MAX_REQUEST_BYTES;
        private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;

        private Builder() {}

        /** See {@link StorageOptions#s3Region()}. */
        public Builder s3Region(String region) {
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("s3Region must not be blank");
            }
            this.s3Region = region.trim();
            return this;
        }

        /** See {@link StorageOptions#s3Endpoint()}; an absolute {@code http} or {@code https} URI. */
        public Builder s3Endpoint(String endpoint) {
            URI uri;
            try {
                uri = URI.create(Objects.requireNonNull(endpoint, "s3Endpoint").trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("s3Endpoint is not a valid URI: " + endpoint, e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("s3Endpoint must be an http(s)://host[:port] URI, got " + endpoint);
            }
            this.s3Endpoint = uri;
            return this;
        }

        /** See {@link StorageOptions#s3PathStyle()}. */
        public Builder s3PathStyle(boolean pathStyle) {
            this.s3PathStyle = pathStyle;
            return this;
        }

        /** See {@link StorageOptions#s3Anonymous()}. */
        public Builder s3Anonymous(boolean anonymous) {
            this.s3Anonymous = anonymous;
            return this;
        }

        /** See {@link StorageOptions#s3RequesterPays()}. */
        public Builder s3RequesterPays(boolean requesterPays) {
            this.s3RequesterPays = requesterPays;
            return this;
        }

        /** See {@link StorageOptions#s3Credentials()}. */
        public Builder s3Credentials(S3Credentials credentials) {
            this.s3Credentials = Objects.requireNonNull(credentials, "s3Credentials");
            return this;
        }

        /** See {@link StorageOptions#connectTimeout()}. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** See {@link StorageOptions#requestTimeout()}. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** See {@link StorageOptions#retryPolicy()}. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        /** Enables coalescing with these limits; see {@link RangeCoalescer}. */
        public Builder coalescing(long maxGapBytes, long maxRequestBytes) {
            this.coalescingEnabled = true;
            this.coalesceMaxGapBytes = maxGapBytes;
            this.coalesceMaxRequestBytes = maxRequestBytes;
            return this;
        }

        /** Every range of {@code readAll} becomes its own request. */
        public Builder disableCoalescing() {
            this.coalescingEnabled = false;
            return this;
        }

        /** See {@link StorageOptions#maxConcurrentRequests()}. */
        public Builder maxConcurrentRequests(int max) {
            this.maxConcurrentRequests = max;
            return this;
        }

        /** @throws IllegalArgumentException naming the first invalid setting */
        public StorageOptions build() {
            return new StorageOptions(this);
        }
    }
}
