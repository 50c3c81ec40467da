package dev.stacstream.stac.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 3339 date-times as STAC uses them ({@code 2023-10-08T18:02:55.276Z}, {@code 2020-07-14T11:55:52+00:00}):
 * a full date, {@code T}, a time with optional fraction, and a mandatory offset ({@code Z} or {@code ±hh:mm}).
 * RFC 3339 allows lower-case {@code t}/{@code z}; a date-time without an offset is not RFC 3339 and is rejected.
 */
public final class Rfc3339 {

    private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT);

    private Rfc3339() {}

    /**
     * Parses an RFC 3339 date-time.
     *
     * @throws DateTimeParseException if {@code text} is not one
     */
    public static Instant parse(String text) {
        return OffsetDateTime.parse(text.trim(), PARSER).toInstant();
    }

    /** The instant, or empty if {@code text} is not an RFC 3339 date-time. */
    public static Optional<Instant> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Formats in UTC with {@code Z} and only as many fraction digits as needed ({@code 2023-10-08T00:00:00Z}). */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
