package dev.stacstream.sinks.row;

import static org.apache.flink.util.Preconditions.checkArgument;
import static org.apache.flink.util.Preconditions.checkNotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The aggregation period of a {@code grid_stats} row: its label, which is both the {@code period} column and the
 * {@code period=} folder of the table, and its bounds in UTC.
 *
 * <p>Use the factories, which fix the label format and the bounds of each period kind:
 * <ul>
 *   <li>{@link #day}: label {@code 2020-02-19}, bounds {@code [2020-02-19T00:00Z, 2020-02-20T00:00Z)};
 *   <li>{@link #month}: label {@code 2020-02}, bounds {@code [2020-02-01T00:00Z, 2020-03-01T00:00Z)};
 *   <li>{@link #item}: label = the STAC item id, and start = end = the item's {@code datetime}: one acquisition
 *       is an instant, not an interval.
 * </ul>
 * Bounds are half-open {@code [start, end)} except for the degenerate item period.
 *
 * @param label the period's name: non-blank; escaped for the folder name by the bucket assigner, stored verbatim
 * @param start first instant of the period (inclusive)
 * @param end end of the period (exclusive), never before {@code start}
 */
public record OutputPeriod(String label, Instant start, Instant end) {

    public OutputPeriod {
        checkNotNull(label, "period label is null");
        checkArgument(!label.isBlank(), "period label is blank");
        checkNotNull(start, "start of period '%s' is null", label);
        checkNotNull(end, "end of period '%s' is null", label);
        checkArgument(!end.isBefore(start), "period '%s' ends (%s) before it starts (%s)", label, end, start);
    }

    /** The UTC calendar day {@code date}, labelled {@code yyyy-MM-dd}. */
    public static OutputPeriod day(LocalDate date) {
        checkNotNull(date, "date is null");
        return new OutputPeriod(date.toString(), startOf(date), startOf(date.plusDays(1)));
    }

    /** The UTC calendar month {@code month}, labelled {@code yyyy-MM}. */
    public static OutputPeriod month(YearMonth month) {
        checkNotNull(month, "month is null");
        return new OutputPeriod(month.toString(), startOf(month.atDay(1)), startOf(month.plusMonths(1).atDay(1)));
    }

    /** The single acquisition of STAC item {@code itemId}, labelled with the item id, at {@code datetime}. */
    public static OutputPeriod item(String itemId, Instant datetime) {
        return new OutputPeriod(itemId, datetime, datetime);
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
