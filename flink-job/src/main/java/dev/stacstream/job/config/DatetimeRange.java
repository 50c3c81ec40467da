package dev.stacstream.job.config;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code source.datetime} filter: a closed interval of item datetimes, either end open, as in the STAC API
 * ({@code 2023-06-01T00:00:00Z/2023-06-30T23:59:59Z}, {@code 2023-06-01T00:00:00Z/..}, a single instant).
 *
 * <p>Besides RFC 3339 date-times, calendar dates are accepted for convenience: a date that starts the interval
 * means the first instant of that UTC day, a date that ends it means the last nanosecond of that day, and a
 * single date means the whole day. So {@code 2023-06-01/2023-06-30} is all of June 2023 (UTC).
 */
public final class DatetimeRange implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String OPEN = "..";
    private static final Duration ONE_NANO = Duration.ofNanos(1);
    private static final DatetimeRange UNBOUNDED = new DatetimeRange(null, null);

    private final Instant start;
    private final Instant end;

    private DatetimeRange(Instant start, Instant end) {
        if (start != null && end != null && start.isAfter(end)) {
            throw new IllegalArgumentException("the start " + start + " is after the end " + end);
        }
        this.start = start;
        this.end = end;
    }

    /** Every datetime: no filter. */
    public static DatetimeRange unbounded() {
        return UNBOUNDED;
    }

    /** The closed interval {@code [start, end]}. */
    public static DatetimeRange between(Instant start, Instant end) {
        return new DatetimeRange(Objects.requireNonNull(start, "start"), Objects.requireNonNull(end, "end"));
    }

    /** The interval {@code [start, ..)}, open at the end. */
    public static DatetimeRange atOrAfter(Instant start) {
        return new DatetimeRange(Objects.requireNonNull(start, "start"), null);
    }

    /** The interval {@code (.., end]}, open at the start. */
    public static DatetimeRange atOrBefore(Instant end) {
        return new DatetimeRange(null, Objects.requireNonNull(end, "end"));
    }

    /**
     * Parses a STAC datetime interval or single value (see the class documentation).
     *
     * @throws IllegalArgumentException naming the part that does not parse, or an interval that ends before it starts
     */
    public static DatetimeRange parse(String text) {
        Objects.requireNonNull(text, "datetime text");
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            if (trimmed.equals(OPEN)) {
                throw new IllegalArgumentException("'..' is only allowed as one end of an interval like '../2023-06-30'");
            }
            return new DatetimeRange(parseBound(trimmed, false), parseBound(trimmed, true));
        }
        String from = trimmed.substring(0, slash).trim();
        String to = trimmed.substring(slash + 1).trim();
        if (to.indexOf('/') >= 0) {
            throw new IllegalArgumentException("expected START/END, got '" + text + "'");
        }
        return new DatetimeRange(from.equals(OPEN) ? null : parseBound(from, false),
                to.equals(OPEN) ? null : parseBound(to, true));
    }

    /** The first instant kept, inclusive; empty when the interval is open at the start. */
    public Optional<Instant> start() {
        return Optional.ofNullable(start);
    }

    /** The last instant kept, inclusive (STAC intervals are closed); empty when open at the end. */
    public Optional<Instant> end() {
        return Optional.ofNullable(end);
    }

    /** Whether this range keeps every datetime (then a search should not send a datetime parameter at all). */
    public boolean isUnbounded() {
        return start == null && end == null;
    }

    /** Whether {@code datetime} is inside the closed interval. */
    public boolean contains(Instant datetime) {
        return (start == null || !datetime.isBefore(start)) && (end == null || !datetime.isAfter(end));
    }

    /** The interval as a STAC API {@code datetime} parameter, e.g. {@code 2023-06-01T00:00:00Z/..}. */
    public String toStacInterval() {
        return (start == null ? OPEN : start.toString()) + "/" + (end == null ? OPEN : end.toString());
    }

    private static Instant parseBound(String text, boolean isEnd) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an empty interval bound; write '..' for an open end");
        }
        if (text.length() == "yyyy-mm-dd".length()) {
            try {
                LocalDate day = LocalDate.parse(text);
                Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                return isEnd ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(ONE_NANO) : dayStart;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a valid date (yyyy-mm-dd)", e);
            }
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            if (isLocalDateTime(text)) {
                throw new IllegalArgumentException("'" + text + "' has no time zone; add Z (UTC) or an offset like"
                        + " +02:00", e);
            }
            throw new IllegalArgumentException("'" + text + "' is not an RFC 3339 date-time (like"
                    + " 2023-06-01T00:00:00Z) or a date (like 2023-06-01)", e);
        }
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatetimeRange other && Objects.equals(start, other.start) && Objects.equals(end, other.end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end);
    }

    @Override
    public String toString() {
        return toStacInterval();
    }
}
