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
    },
    DAY {
        @Override
        public OutputPeriod periodOf(String itemId, Instant datetime) {
            return OutputPeriod.day(LocalDate.ofInstant(datetime, ZoneOffset.UTC));
        }
    },
    MONTH {
        @Override
        public OutputPeriod periodOf(String itemId, Instant datetime) {
            return OutputPeriod.month(YearMonth.from(datetime.atZone(ZoneOffset.UTC)));
        }
    };

    public abstract OutputPeriod periodOf(String itemId, Instant datetime);
}
