package dev.stacstream.storage.internal;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code Content-Range} response header (RFC 9110 §14.4), converted to half-open offsets. Used for
 * HTTP responses and for S3's {@code GetObject} {@code contentRange}.
 *
 * @param start first byte of the body, or -1 for an unsatisfied range ({@code bytes *&#47;total})
 * @param end exclusive end of the body, or -1 for an unsatisfied range
 * @param total the complete object's length, if the server knows it ({@code *} otherwise)
 */
public record ContentRange(long start, long end, OptionalLong total) {

    private static final Pattern SATISFIED = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern UNSATISFIED = Pattern.compile("bytes\\s+\\*/(\\d+)");

    /** Parses a header value; empty for a missing or malformed header. */
    public static Optional<ContentRange> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            Matcher m = SATISFIED.matcher(value);
            if (m.matches()) {
                long first = Long.parseLong(m.group(1));
                long last = Long.parseLong(m.group(2));
                if (last < first) {
                    return Optional.empty();
                }
                OptionalLong total = m.group(3).equals("*")
                        ? OptionalLong.empty()
                        : OptionalLong.of(Long.parseLong(m.group(3)));
                return Optional.of(new ContentRange(first, last + 1, total));
            }
            Matcher u = UNSATISFIED.matcher(value);
            if (u.matches()) {
                return Optional.of(new ContentRange(-1, -1, OptionalLong.of(Long.parseLong(u.group(1)))));
            }
        } catch (NumberFormatException e) {
            return Optional.empty(); // digits beyond a long: treat as malformed
        }
        return Optional.empty();
    }

    /** Whether this describes returned bytes (not {@code bytes *&#47;total}). */
    public boolean isSatisfied() {
        return start >= 0;
    }
}
