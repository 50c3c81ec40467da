package dev.stacstream.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StorageOptionsTest {

    @Test
    void defaultsLeaveS3SettingsToTheEnvironmentAndUseTheNamedConstants() {
        StorageOptions defaults = StorageOptions.defaults();

        assertThat(defaults.s3Region()).isEmpty();
        assertThat(defaults.s3Endpoint()).isEmpty();
        assertThat(defaults.s3PathStyle()).isEmpty();
        assertThat(defaults.s3Anonymous()).isEmpty();
        assertThat(defaults.s3RequesterPays()).isEmpty();
        assertThat(defaults.s3Credentials()).isEmpty();
        assertThat(defaults.connectTimeout()).isEqualTo(StorageOptions.DEFAULT_CONNECT_TIMEOUT);
        assertThat(defaults.requestTimeout()).isEqualTo(StorageOptions.DEFAULT_REQUEST_TIMEOUT);
        assertThat(defaults.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(defaults.coalescer()).isEqualTo(RangeCoalescer.defaults());
        assertThat(defaults.maxConcurrentRequests()).isEqualTo(StorageOptions.DEFAULT_MAX_CONCURRENT_REQUESTS);
    }

    @Test
    void survivesJavaSerializationAsFlinkOperatorsShipIt() throws Exception {
        StorageOptions options = StorageOptions.builder()
                .s3Region("eu-central-1")
                .s3Endpoint("http://127.0.0.1:9000")
                .s3PathStyle(true)
                .s3RequesterPays(true)
                .s3Credentials(S3Credentials.of("AKIA", "secret", "token"))
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(7))
                .retryPolicy(RetryPolicy.of(3, Duration.ofMillis(50), Duration.ofSeconds(1), 3.0))
                .coalescing(1024, 1 << 20)
                .maxConcurrentRequests(8)
                .build();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(options);
        }
        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        assertThat(copy).isEqualTo(options).hasSameHashCodeAs(options);
        assertThat(((StorageOptions) copy).s3Endpoint()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(options.toBuilder().build()).isEqualTo(options);
    }

    @Test
    void toStringNeverShowsSecrets() {
        StorageOptions options = StorageOptions.builder()
                .s3Credentials(S3Credentials.of("AKIAEXAMPLE", "wJalrXUtnFEMI", "FwoGZXIvYXdzE"))
                .build();

        assertThat(options.toString()).contains("AKIAEXAMPLE").doesNotContain("wJalrXUtnFEMI", "FwoGZXIvYXdzE");
    }

    @Test
    void disablingCoalescingYieldsTheDisabledCoalescer() {
        StorageOptions options = StorageOptions.builder().disableCoalescing().build();

        assertThat(options.coalescingEnabled()).isFalse();
        assertThat(options.coalescer().isMerging()).isFalse();
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid("zero connect timeout", b -> b.connectTimeout(Duration.ZERO), "connectTimeout must be positive"),
                invalid("negative request timeout", b -> b.requestTimeout(Duration.ofSeconds(-1)),
                        "requestTimeout must be positive"),
                invalid("no concurrency", b -> b.maxConcurrentRequests(0), "maxConcurrentRequests must be in [1, 4096]"),
                invalid("negative gap", b -> b.coalescing(-1, 10), "coalescing maxGapBytes must be >= 0"),
                invalid("blank region", b -> b.s3Region(" "), "s3Region must not be blank"),
                invalid("endpoint without scheme", b -> b.s3Endpoint("minio:9000"),
                        "s3Endpoint must be an http(s)://host[:port] URI, got minio:9000"),
                invalid("endpoint with bad characters", b -> b.s3Endpoint("http://a b"),
                        "s3Endpoint is not a valid URI: http://a b"),
                invalid("anonymous with credentials",
                        b -> b.s3Anonymous(true).s3Credentials(S3Credentials.of("a", "b")),
                        "s3Anonymous and s3Credentials are mutually exclusive"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void rejectsInvalidSettingsNamingThem(String name, Consumer<StorageOptions.Builder> setting, String message) {
        assertThatThrownBy(() -> {
                    StorageOptions.Builder builder = StorageOptions.builder();
                    setting.accept(builder);
                    builder.build();
                })
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    private static Arguments invalid(String name, Consumer<StorageOptions.Builder> setting, String message) {
        return Arguments.of(name, setting, message);
    }
}
