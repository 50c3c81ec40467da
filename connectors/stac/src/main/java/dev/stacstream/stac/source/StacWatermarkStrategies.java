package dev.stacstream.stac.source;

import dev.stacstream.stac.model.StacItem;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

import java.time.Duration;

/**
 * Watermark strategies for streams of STAC items, whose event time is the item {@code datetime} (acquisition
 * time, not publication time).
 *
 * <p>How late items are: a feed publishes an acquisition hours to days after it was taken, and not in
 * acquisition order, so {@code maxOutOfOrderness} should be about the feed's ingestion delay; that is also the
 * right {@code lookback} for the source. Items later than that reach event-time windows as late records (use
 * {@code allowedLateness} or a late side output), or window on processing time and keep {@code datetime} as a
 * column.
 *
 * <p>Why idleness is required: readers ask for one item at a time and a continuous feed is quiet between
 * publications, so most readers have nothing most of the time. A reader without records holds the watermark of
 * every downstream operator back until it is declared idle after {@code idleTimeout}.
 */
public final class StacWatermarkStrategies {

    private StacWatermarkStrategies() {
    }

    /**
     * Bounded out-of-orderness on item {@code datetime}, with idle readers excluded after {@code idleTimeout}.
     *
     * @param maxOutOfOrderness how far behind the largest datetime seen an item may arrive without being late
     * @param idleTimeout time without records after which a reader stops holding the watermark back
     */
    public static WatermarkStrategy<StacItem> forItemDatetime(Duration maxOutOfOrderness, Duration idleTimeout) {
        return WatermarkStrategy.<StacItem>forBoundedOutOfOrderness(maxOutOfOrderness)
                .withTimestampAssigner(new ItemDatetimeAssigner())
                .withIdleness(idleTimeout);
    }

    /** Event time = item {@code datetime}, in epoch milliseconds (the source also attaches it to each record). */
    static final class ItemDatetimeAssigner implements SerializableTimestampAssigner<StacItem> {

        private static final long serialVersionUID = 1L;

        @Override
        public long extractTimestamp(StacItem item, long recordTimestamp) {
            return item.datetime().toEpochMilli();
        }
    }
}
