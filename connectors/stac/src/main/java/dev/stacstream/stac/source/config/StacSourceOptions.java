package dev.stacstream.stac.source.config;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.time.Duration;

/**
 * Typed configuration keys of the {@code StacSource}'s discovery. They can be passed as a Flink
 * {@link org.apache.flink.configuration.Configuration} to {@code StacSourceBuilder.setConfiguration(..)}.
 *
 * <p><b>Precedence</b>, highest first: a value given to the builder's own setter ({@code setPollInterval(..)} and
 * so on), then the value in the configuration passed to {@code setConfiguration(..)}, then the default below.
 *
 * <p><b>The cursor.</b> Continuous discovery searches {@code datetime >= highWaterMark - lookback}, where the
 * high-water mark is the largest item {@code datetime} seen so far (never later than the wall clock of the round
 * that saw it). The cursor is on {@code datetime} rather than {@code updated} because {@code datetime} is the one
 * temporal filter that every STAC API (core item search) and the static-catalog walker support; {@code updated} is
 * only used to recognise re-published items (see {@link RepublishPolicy}).
 */
public final class StacSourceOptions {

    private static final String PREFIX = "source.stac.discovery.";

    public static final ConfigOption<Duration> POLL_INTERVAL = ConfigOptions.key(PREFIX + "interval")
            .durationType()
            .defaultValue(Duration.ofMinutes(1))
            .withDescription("Time between the starts of two discovery rounds of a continuous source (a round that"
                    + " takes longer delays the next one). A bounded source retries a failed pass after this"
                    + " interval.");

    public static final ConfigOption<Duration> LOOKBACK = ConfigOptions.key(PREFIX + "lookback")
            .durationType()
            .defaultValue(Duration.ofDays(3))
            .withDescription("How far below the high-water mark of item datetimes each round searches again. Items"
                    + " published later than this after their acquisition are missed, so set it to the feed's"
                    + " worst ingestion delay. The recent-item set that deduplicates the overlap holds the items of"
                    + " this window, so it also bounds the checkpointed state.");

    public static final ConfigOption<RepublishPolicy> REPUBLISHED_ITEMS = ConfigOptions.key(
                    PREFIX + "republished-items")
            .enumType(RepublishPolicy.class)
            .defaultValue(RepublishPolicy.SKIP)
            .withDescription("What to do with an item found again with a newer 'updated' inside the look-back"
                    + " window: SKIP it or REEMIT it.");

    public static final ConfigOption<Integer> MAX_CONSECUTIVE_FAILURES = ConfigOptions.key(
                    PREFIX + "max-consecutive-failures")
            .intType()
            .defaultValue(10)
            .withDescription("Failed discovery rounds tolerated in a row; each is retried on the next poll and"
                    + " counted in the discoveryFailures metric. The job fails when one more round fails"
                    + " (0 fails it on the first failure). A successful round, and a restart of the job, reset"
                    + " the count.");

    public static final ConfigOption<Integer> MAX_PENDING_SPLITS = ConfigOptions.key(PREFIX + "max-pending-splits")
            .intType()
            .defaultValue(1000)
            .withDescription("Discovery pauses while this many discovered items wait for a reader (each pending"
                    + " split holds its item JSON in JobManager memory and in the checkpoint). A single round can"
                    + " still exceed it.");

    private StacSourceOptions() {
    }
}
