package dev.stacstream.stac.client;

import dev.stacstream.stac.model.Rfc3339;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code datetime} parameter of a STAC search: a closed interval {@code [start, end]} whose ends may be open,
 * or a single instant (start = end). Immutable.
 *
 * <p>Text form (STAC API / OGC API Features): {@code 2023-10-08T00:00:00Z}, {@code a/b}, {@code ../b},
 * {@code a/..}, with empty ends meaning open as well. Like pystac-client, a calendar period stands for all of it:
 * {@code 2023}, {@code 2023-10} and {@code 2023-10-08} expand to their first and last second in UTC
 * ({@code 2023-10-08} = {@code 2023-10-08T00:00:00Z/2023-10-08T23:59:59Z}); as an interval end, a period contributes
 * its first second (start) or its last second (end).
 */
public final class DatetimeInterval implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String OPEN = "..";
    private static final String SEPARATOR = "/";
    private static final int YEAR_LENGTH = 4;
    private static final int YEAR_MONTH_LENGTH = 7;
    private static final int DATE_LENGTH = 10;

    private final Instant start;
    private final Instant end;

    private DatetimeInterval(Instant start, Instant end) {
        if (start != null && end != null && start.isAfter(end)) {
            throw new IllegalArgumentException(String.format(
                    "datetime interval start %s is after its end %s", Rfc3339.format(start), Rfc3339.format(end)));
        }
        this.start = start;
        this.end = end;
    }

    /** {@code [start, end]}; {@code null} for an open end. */
    public static DatetimeInterval of(Instant start, Instant end) {
        return new DatetimeInterval(start, end);
    }

    /** The single instant {@code t}. */
    public static DatetimeInterval at(Instant t) {
        Objects.requireNonNull(t, "instant");
        return new DatetimeInterval(t, t);
    }

    /** Every time: {@code ../..}. */
    public static DatetimeInterval unbounded() {
        return new DatetimeInterval(null, null);
    }

    /**
     * Parses the text form described on the class.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static DatetimeInterval parse(String text) {
        Objects.requireNonNull(text, "datetime");
        String trimmed = text.trim();
        int slash = trimmed.indexOf(SEPARATOR);
        Instant start;
        Instant end;
        try {
            if (slash < 0) {
                if (trimmed.isEmpty() || trimmed.equals(OPEN)) {
                    throw new IllegalArgumentException("a single datetime cannot be open");
                }
                start = first(trimmed);
                end = last(trimmed);
            } else {
                if (trimmed.indexOf(SEPARATOR, slash + 1) >= 0) {
                    throw new IllegalArgumentException("more than one '/'");
                }
                String from = trimmed.substring(0, slash).trim();
                String to = trimmed.substring(slash + 1).trim();
                start = isOpen(from) ? null : first(from);
                end = isOpen(to) ? null : last(to);
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(String.format("datetime '%s' is not an RFC 3339 date-time, a date "
                    + "(YYYY, YYYY-MM, YYYY-MM-DD) or an interval of them ('a/b', '../b', 'a/..'): %s",
                    text, e.getMessage()), e);
        }
        if (start != null && end != null && start.isAfter(end)) {
            throw new IllegalArgumentException(String.format("datetime '%s': the interval starts (%s) after it ends (%s)",
                    text, Rfc3339.format(start), Rfc3339.format(end)));
        }
        return new DatetimeInterval(start, end);
    }

    public Optional<Instant> start() {
        return Optional.ofNullable(start);
    }

    public Optional<Instant> end() {
        return Optional.ofNullable(end);
    }

    /** Whether this is a single instant rather than an interval. */
    public boolean isInstant() {
        return start != null && start.equals(end);
    }

    /** Whether {@code t} lies in {@code [start, end]}. */
    public boolean contains(Instant t) {
        return (start == null || !t.isBefore(start)) && (end == null || !t.isAfter(end));
    }

    /** Whether the closed range {@code [from, to]} (e.g. an item's start/end datetime) meets this interval. */
    public boolean overlaps(Instant from, Instant to) {
        return (start == null || !to.isBefore(start)) && (end == null || !from.isAfter(end));
    }

    /** The common part of both intervals, or empty when they do not meet. */
    public Optional<DatetimeInterval> intersect(DatetimeInterval other) {
        Instant from = later(start, other.start);
        Instant to = earlier(end, other.end);
        if (from != null && to != null && from.isAfter(to)) {
            return Optional.empty();
        }
        return Optional.of(new DatetimeInterval(from, to));
    }

    /** The STAC API text form: an instant, or {@code start/end} with {@code ..} for open ends. */
    public String format() {
        if (isInstant()) {
            return Rfc3339.format(start);
        }
        return (start == null ? OPEN : Rfc3339.format(start)) + SEPARATOR + (end == null ? OPEN : Rfc3339.format(end));
    }

    private static boolean isOpen(String end) {
        return end.isEmpty() || end.equals(OPEN);
    }

    /** The first second of a date/period, or the instant itself. */
    private static Instant first(String value) {
        return switch (value.length()) {
            case YEAR_LENGTH -> Year.parse(value).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            case YEAR_MONTH_LENGTH -> YearMonth.parse(value).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            case DATE_LENGTH -> LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            default -> Rfc3339.parse(value);
        };
    }

    /** The last second of a date/period (pystac-client's convention), or the instant itself. */
    private static Instant last(String value) {
        return switch (value.length()) {
            case YEAR_LENGTH -> Year.parse(value).plusYears(1).atDay(1).atStartOfDay()
                    .toInstant(ZoneOffset.UTC).minusSeconds(1);
            case YEAR_MONTH_LENGTH -> YearMonth.parse(value).plusMonths(1).atDay(1).atStartOfDay()
                    .toInstant(ZoneOffset.UTC).minusSeconds(1);
            case DATE_LENGTH -> LocalDate.parse(value).plusDays(1).atStartOfDay()
                    .toInstant(ZoneOffset.UTC).minusSeconds(1);
            default -> Rfc3339.parse(value);
        };
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatetimeInterval d && Objects.equals(start, d.start) && Objects.equals(end, d.end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end);
    }

    @Override
    public String toString() {
        return format();
    }
}
