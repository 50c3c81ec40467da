package dev.stacstream.storage.s3;

import dev.stacstream.storage.S3Credentials;
import dev.stacstream.storage.StorageOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an {@code S3AsyncClient} is built from, resolved from {@link StorageOptions} and the environment with
 * the precedence explicit option &gt; environment variable &gt; default. Equal settings share one client, so this
 * record is the client cache key.
 *
 * @param region signing region
 * @param crossRegionAccess let the SDK follow a bucket's real region (set when the region is only the default)
 * @param endpoint endpoint override, or {@code null} for AWS
 * @param pathStyle path-style addressing
 * @param anonymous unsigned requests
 * @param credentials static credentials, or {@code null} for the SDK's default chain (profile, container, instance)
 */
record S3ClientSettings(
        String region,
        boolean crossRegionAccess,
        URI endpoint,
        boolean pathStyle,
        boolean anonymous,
        S3Credentials credentials,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxConcurrentRequests) {

    /** Region used when neither the options nor the environment name one (GDAL's default too). */
    static final String DEFAULT_REGION = "us-east-1";

    private static final Set<String> TRUE_WORDS = Set.of("YES", "TRUE", "ON", "1");
    private static final Set<String> FALSE_WORDS = Set.of("NO", "FALSE", "OFF", "0");

    /** Resolves the client settings; {@code env} is {@link System#getenv()} outside tests. */
    static S3ClientSettings resolve(StorageOptions options, Map<String, String> env) {
        Optional<String> region = options.s3Region()
                .or(() -> nonBlank(env, "AWS_REGION"))
                .or(() -> nonBlank(env, "AWS_DEFAULT_REGION"));
        URI endpoint = options.s3Endpoint()
                .or(() -> nonBlank(env, "AWS_ENDPOINT_URL_S3").map(e -> endpoint("AWS_ENDPOINT_URL_S3", e)))
                .or(() -> nonBlank(env, "AWS_ENDPOINT_URL").map(e -> endpoint("AWS_ENDPOINT_URL", e)))
                .orElse(null);
        boolean pathStyle = options.s3PathStyle()
                .or(() -> flag(env, "AWS_VIRTUAL_HOSTING").map(virtualHosting -> !virtualHosting))
                .orElse(false);
        boolean anonymous = options.s3Anonymous()
                .or(() -> flag(env, "AWS_NO_SIGN_REQUEST"))
                .orElse(false);
        S3Credentials credentials = anonymous ? null : options.s3Credentials().or(() -> envCredentials(env)).orElse(null);
        return new S3ClientSettings(
                region.orElse(DEFAULT_REGION),
                region.isEmpty() && endpoint == null,
                endpoint,
                pathStyle,
                anonymous,
                credentials,
                options.connectTimeout(),
                options.requestTimeout(),
                options.maxConcurrentRequests());
    }

    /** Whether to send {@code x-amz-request-payer: requester}: the option, else {@code AWS_REQUEST_PAYER=requester}. */
    static boolean resolveRequesterPays(StorageOptions options, Map<String, String> env) {
        return options.s3RequesterPays()
                .orElseGet(() -> nonBlank(env, "AWS_REQUEST_PAYER")
                        .map(v -> v.equalsIgnoreCase("requester"))
                        .orElse(false));
    }

    private static Optional<S3Credentials> envCredentials(Map<String, String> env) {
        Optional<String> keyId = nonBlank(env, "AWS_ACCESS_KEY_ID");
        Optional<String> secret = nonBlank(env, "AWS_SECRET_ACCESS_KEY");
        if (keyId.isEmpty() || secret.isEmpty()) {
            return Optional.empty(); // the default chain will try the profile and instance credentials
        }
        return Optional.of(S3Credentials.of(keyId.get(), secret.get(), env.get("AWS_SESSION_TOKEN")));
    }

    private static Optional<String> nonBlank(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** A GDAL-style boolean (YES/NO, TRUE/FALSE, ON/OFF, 1/0, any case). */
    private static Optional<Boolean> flag(Map<String, String> env, String name) {
        return nonBlank(env, name).map(value -> {
            String word = value.toUpperCase(Locale.ROOT);
            if (TRUE_WORDS.contains(word)) {
                return true;
            }
            if (FALSE_WORDS.contains(word)) {
                return false;
            }
            throw new IllegalArgumentException(String.format(
                    "environment variable %s=%s is not a boolean (expected YES/NO, TRUE/FALSE, ON/OFF, 1/0)",
                    name, value));
        });
    }

    private static URI endpoint(String variable, String value) {
        try {
            return StorageOptions.builder().s3Endpoint(value).build().s3Endpoint().orElseThrow();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("environment variable " + variable + ": " + e.getMessage(), e);
        }
    }
}
