package dev.stacstream.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.storage.S3Credentials;
import dev.stacstream.storage.StorageOptions;
import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Precedence: explicit option, then environment variable, then default. */
class S3ClientSettingsTest {

    private static final StorageOptions DEFAULTS = StorageOptions.defaults();

    static Stream<Arguments> regions() {
        return Stream.of(
                Arguments.of(DEFAULTS, Map.of(), "us-east-1", true),
                Arguments.of(DEFAULTS, Map.of("AWS_DEFAULT_REGION", "eu-west-1"), "eu-west-1", false),
                Arguments.of(DEFAULTS, Map.of("AWS_DEFAULT_REGION", "eu-west-1", "AWS_REGION", "us-west-2"),
                        "us-west-2", false),
                Arguments.of(StorageOptions.builder().s3Region("ap-south-1").build(),
                        Map.of("AWS_REGION", "us-west-2"), "ap-south-1", false),
                Arguments.of(DEFAULTS, Map.of("AWS_REGION", "  "), "us-east-1", true));
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("regions")
    void resolvesTheRegion(StorageOptions options, Map<String, String> env, String region, boolean crossRegion) {
        S3ClientSettings settings = S3ClientSettings.resolve(options, env);

        assertThat(settings.region()).isEqualTo(region);
        assertThat(settings.crossRegionAccess()).isEqualTo(crossRegion);
    }

    @Test
    void endpointOverridePrefersTheOptionThenTheS3SpecificVariable() {
        Map<String, String> env = Map.of(
                "AWS_ENDPOINT_URL", "http://generic:9000", "AWS_ENDPOINT_URL_S3", "http://s3-specific:9000");

        assertThat(S3ClientSettings.resolve(DEFAULTS, env).endpoint()).isEqualTo(URI.create("http://s3-specific:9000"));
        assertThat(S3ClientSettings.resolve(DEFAULTS, Map.of("AWS_ENDPOINT_URL", "http://generic:9000")).endpoint())
                .isEqualTo(URI.create("http://generic:9000"));
        assertThat(S3ClientSettings.resolve(StorageOptions.builder().s3Endpoint("https://option:443").build(), env)
                .endpoint()).isEqualTo(URI.create("https://option:443"));
        assertThat(S3ClientSettings.resolve(DEFAULTS, env).crossRegionAccess()).isFalse();
    }

    @ParameterizedTest(name = "AWS_VIRTUAL_HOSTING={0} -> path style {1}")
    @CsvSource({"FALSE, true", "false, true", "NO, true", "TRUE, false", "YES, false", "'', false"})
    void virtualHostingSwitchSelectsPathStyle(String value, boolean pathStyle) {
        assertThat(S3ClientSettings.resolve(DEFAULTS, Map.of("AWS_VIRTUAL_HOSTING", value)).pathStyle())
                .isEqualTo(pathStyle);
        assertThat(S3ClientSettings.resolve(StorageOptions.builder().s3PathStyle(!pathStyle).build(),
                Map.of("AWS_VIRTUAL_HOSTING", value)).pathStyle()).isEqualTo(!pathStyle);
    }

    @ParameterizedTest(name = "AWS_NO_SIGN_REQUEST={0} -> anonymous {1}")
    @CsvSource({"YES, true", "yes, true", "1, true", "ON, true", "NO, false", "0, false"})
    void noSignRequestSwitchSelectsAnonymousAccess(String value, boolean anonymous) {
        Map<String, String> env = Map.of("AWS_NO_SIGN_REQUEST", value, "AWS_ACCESS_KEY_ID", "AKIA",
                "AWS_SECRET_ACCESS_KEY", "secret");

        S3ClientSettings settings = S3ClientSettings.resolve(DEFAULTS, env);

        assertThat(settings.anonymous()).isEqualTo(anonymous);
        assertThat(settings.credentials()).isEqualTo(anonymous ? null : S3Credentials.of("AKIA", "secret"));
        assertThat(S3ClientSettings.resolve(StorageOptions.builder().s3Anonymous(false).build(), env).anonymous())
                .isFalse();
    }

    @Test
    void malformedBooleanVariableIsRejectedNamingIt() {
        assertThatThrownBy(() -> S3ClientSettings.resolve(DEFAULTS, Map.of("AWS_NO_SIGN_REQUEST", "maybe")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("environment variable AWS_NO_SIGN_REQUEST=maybe is not a boolean");
    }

    @Test
    void malformedEndpointVariableIsRejectedNamingIt() {
        assertThatThrownBy(() -> S3ClientSettings.resolve(DEFAULTS, Map.of("AWS_ENDPOINT_URL_S3", "minio:9000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("environment variable AWS_ENDPOINT_URL_S3: s3Endpoint must be");
    }

    @Test
    void credentialsPreferTheOptionThenTheEnvironmentThenTheDefaultChain() {
        Map<String, String> env = Map.of(
                "AWS_ACCESS_KEY_ID", "ENVKEY", "AWS_SECRET_ACCESS_KEY", "envsecret", "AWS_SESSION_TOKEN", "envtoken");
        S3Credentials explicit = S3Credentials.of("OPTKEY", "optsecret");

        assertThat(S3ClientSettings.resolve(StorageOptions.builder().s3Credentials(explicit).build(), env).credentials())
                .isEqualTo(explicit);
        assertThat(S3ClientSettings.resolve(DEFAULTS, env).credentials())
                .isEqualTo(S3Credentials.of("ENVKEY", "envsecret", "envtoken"));
        // Only a profile: leave it to the SDK's default chain (which reads AWS_PROFILE).
        assertThat(S3ClientSettings.resolve(DEFAULTS, Map.of("AWS_PROFILE", "dev")).credentials()).isNull();
        assertThat(S3ClientSettings.resolve(DEFAULTS, Map.of("AWS_ACCESS_KEY_ID", "ONLYKEY")).credentials()).isNull();
    }

    @ParameterizedTest(name = "AWS_REQUEST_PAYER={0} -> {1}")
    @CsvSource({"requester, true", "REQUESTER, true", "owner, false", "'', false"})
    void requestPayerVariable(String value, boolean requesterPays) {
        assertThat(S3ClientSettings.resolveRequesterPays(DEFAULTS, Map.of("AWS_REQUEST_PAYER", value)))
                .isEqualTo(requesterPays);
        assertThat(S3ClientSettings.resolveRequesterPays(
                StorageOptions.builder().s3RequesterPays(!requesterPays).build(), Map.of("AWS_REQUEST_PAYER", value)))
                .isEqualTo(!requesterPays);
    }

    @Test
    void equalOptionsAndEnvironmentGiveEqualSettingsSoTheyShareAClient() {
        Map<String, String> env = Map.of("AWS_REGION", "eu-west-1");

        assertThat(S3ClientSettings.resolve(DEFAULTS, env)).isEqualTo(S3ClientSettings.resolve(DEFAULTS, Map.copyOf(env)));
        assertThat(S3ClientSettings.resolve(DEFAULTS, env))
                .isNotEqualTo(S3ClientSettings.resolve(DEFAULTS, Map.of("AWS_REGION", "eu-west-2")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "s3://bucket/key.tif, bucket, key.tif",
        "s3://my.bucket/dir/sub dir/a%20b.tif, my.bucket, dir/sub dir/a%20b.tif",
        "S3://Bucket/k, Bucket, k",
    })
    void parsesLocationsVerbatim(String uri, String bucket, String key) {
        assertThat(S3Location.parse(uri)).isEqualTo(new S3Location(bucket, key));
    }
}
