package dev.stacstream.storage.s3;

/**
 * The bucket and key of an {@code s3://bucket/key} URI. The key is taken verbatim (no percent-decoding), as GDAL's
 * {@code /vsis3/} does, so keys with spaces or {@code %} need no escaping.
 */
record S3Location(String bucket, String key) {

    private static final String PREFIX = "s3://";

    /** @throws IllegalArgumentException naming {@code uri} if it has no bucket or no key */
    static S3Location parse(String uri) {
        if (!uri.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new IllegalArgumentException(uri + ": not an s3://bucket/key URI");
        }
        String rest = uri.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException(uri + ": expected s3://bucket/key with a non-empty bucket and key");
        }
        return new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }
}
