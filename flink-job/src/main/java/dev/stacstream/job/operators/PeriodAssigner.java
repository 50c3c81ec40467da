package dev.stacstream.job.operators;

import dev.stacstream.sinks.row.OutputPeriod;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Maps an item to its output period by its datetime (UTC): the item itself, its day, or its month. */
public enum PeriodAssigner implements Serializable {
    ITEM {
        @Override
        public OutputPeriod periodOf(String itemId, Instant datetime) {
            return OutputPeriod.item(itemId, datetime);
        }

        @Override
        public OutputPeriod next(OutputPeriod period) {
            return null;
        }
    },
    DAY {
        @Override
        public OutputPeriod periodOf(String itemId, Instant datetime) {
            return OutputPeriod.day(LocalDate.ofInstant(datetime, ZoneOffset.UTC));
        }

        @Override
        public OutputPeriod next(OutputPeriod period) {
            return OutputPeriod.day(LocalDate.ofInstant(period.end(), ZoneOffset.UTC));
        }
    },
    MONTH {
        @Override
        public OutputPeriod periodOf(String itemId, Instant datetime) {
            return OutputPeriod.month(YearMonth.from(datetime.atZone(ZoneOffset.UTC)));
        }

        @Override
        public OutputPeriod next(OutputPeriod period) {
            return OutputPeriod.month(YearMonth.from(period.end().atZone(ZoneOffset.UTC)));
        }
    };

    public abstract OutputPeriod periodOf(String itemId, Instant datetime);

    /**
     * The calendar period right after {@code period} (one of this assigner's), or {@code null} for items, which
     * have no calendar: only the periods that were observed exist.
     */
    public abstract OutputPeriod next(OutputPeriod period);
}
