package dev.stacstream.storage;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * Static AWS credentials for {@link StorageOptions}: an access key pair and an optional session token.
 *
 * <p>{@link Serializable} so that options carrying them can be shipped with a Flink job; prefer the environment or
 * a profile (the default credential chain) in production so secrets stay out of job graphs. {@link #toString()}
 * never prints the secret or the token.
 */
public final class S3Credentials implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;

    private S3Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        this.accessKeyId = requireNonBlank(accessKeyId, "S3 accessKeyId");
        this.secretAccessKey = requireNonBlank(secretAccessKey, "S3 secretAccessKey");
        this.sessionToken = sessionToken == null || sessionToken.isBlank() ? null : sessionToken;
    }

    /** Long-lived credentials (no session token). */
    public static S3Credentials of(String accessKeyId, String secretAccessKey) {
        return new S3Credentials(accessKeyId, secretAccessKey, null);
    }

    /** Temporary credentials; a blank {@code sessionToken} counts as none. */
    public static S3Credentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new S3Credentials(accessKeyId, secretAccessKey, sessionToken);
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String secretAccessKey() {
        return secretAccessKey;
    }

    public Optional<String> sessionToken() {
        return Optional.ofNullable(sessionToken);
    }

    private static String requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof S3Credentials c
                && accessKeyId.equals(c.accessKeyId)
                && secretAccessKey.equals(c.secretAccessKey)
                && Objects.equals(sessionToken, c.sessionToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKeyId, secretAccessKey, sessionToken);
    }

    @Override
    public String toString() {
        return "S3Credentials{accessKeyId=" + accessKeyId + ", secretAccessKey=***"
                + (sessionToken != null ? ", sessionToken=***" : "") + "}";
    }
}
