package dev.stacstream.job.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in pipeline files: a whole number and a unit, with or without a space ({@code 30s}, {@code 5 min},
 * {@code 3 d}); the units are Flink's ({@code ns}, {@code us}, {@code ms}, {@code s}, {@code min}, {@code h},
 * {@code d}, also spelled out). A bare number is rejected rather than guessed to be milliseconds.
 */
final class DurationFormat {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([a-zµ]+)");
    private static final Map<String, ChronoUnit> UNITS = new LinkedHashMap<>();
    /** The short symbol of each unit, the first name registered for it. */
    private static final Map<ChronoUnit, String> SYMBOLS = new EnumMap<>(ChronoUnit.class);
    /** Units {@link #format} may print, largest first. */
    private static final List<ChronoUnit> PRINTED = List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES,
            ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS);

    static {
        register(ChronoUnit.NANOS, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        register(ChronoUnit.MICROS, "us", "µs", "micro", "micros", "microsecond", "microseconds");
        register(ChronoUnit.MILLIS, "ms", "milli", "millis", "millisecond", "milliseconds");
        register(ChronoUnit.SECONDS, "s", "sec", "secs", "second", "seconds");
        register(ChronoUnit.MINUTES, "min", "mins", "minute", "minutes");
        register(ChronoUnit.HOURS, "h", "hour", "hours");
        register(ChronoUnit.DAYS, "d", "day", "days");
    }

    private DurationFormat() {
    }

    /** @throws IllegalArgumentException saying what a duration looks like */
    static Duration parse(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(expected(text));
        }
        ChronoUnit unit = UNITS.get(m.group(2));
        if (unit == null) {
            throw new IllegalArgumentException("unknown unit '" + m.group(2) + "' in '" + text
                    + "' (units: ns, us, ms, s, min, h, d)");
        }
        try {
            return Duration.of(Long.parseLong(m.group(1)), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration", e);
        }
    }

    /** The duration in its largest exact unit, e.g. {@code 90 s}, {@code 3 d}; {@link #parse} reads it back. */
    static String format(Duration duration) {
        if (duration.isZero()) {
            return "0 s";
        }
        for (ChronoUnit unit : PRINTED) {
            Duration one = unit.getDuration();
            long amount = duration.dividedBy(one);
            if (one.multipliedBy(amount).equals(duration)) {
                return amount + " " + SYMBOLS.get(unit);
            }
        }
        throw new IllegalStateException("unreachable: every duration is a whole number of nanoseconds");
    }

    static String expected(String text) {
        return "expected a duration like '30 s', '5 min' or '3 d' (units: ms, s, min, h, d), got '" + text + "'";
    }

    private static void register(ChronoUnit unit, String... names) {
        SYMBOLS.put(unit, names[0]);
        for (String name : names) {
            UNITS.put(name, unit);
        }
    }
}
