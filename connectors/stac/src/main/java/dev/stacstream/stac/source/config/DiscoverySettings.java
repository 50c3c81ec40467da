package dev.stacstream.stac.source.config;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The validated discovery settings of one source: the resolved values of {@link StacSourceOptions}.
 *
 * <p>Immutable and {@link Serializable} (it travels with the source to the JobManager). Validation messages name
 * the configuration key and the builder setter of the bad value.
 */
public record DiscoverySettings(
        Duration pollInterval,
        Duration lookback,
        RepublishPolicy republishPolicy,
        int maxConsecutiveFailures,
        int maxPendingSplits) implements Serializable {

    /**
     * Longest look-back accepted: a century covers every STAC datetime there is, and keeps
     * {@code highWaterMark - lookback} far from the ends of {@link java.time.Instant}'s range.
     */
    public static final Duration MAX_LOOKBACK = Duration.ofDays(36_525);

    public DiscoverySettings {
        requirePositive(pollInterval, StacSourceOptions.POLL_INTERVAL, "setPollInterval");
        Objects.requireNonNull(lookback, describe(StacSourceOptions.LOOKBACK, "setLookback"));
        if (lookback.isNegative() || lookback.compareTo(MAX_LOOKBACK) > 0) {
            throw new IllegalArgumentException(String.format("%s must be in [0, %s], got %s",
                    describe(StacSourceOptions.LOOKBACK, "setLookback"), MAX_LOOKBACK, lookback));
        }
        Objects.requireNonNull(republishPolicy, describe(StacSourceOptions.REPUBLISHED_ITEMS, "setRepublishedItems"));
        if (maxConsecutiveFailures < 0) {
            throw new IllegalArgumentException(String.format("%s must be >= 0, got %d",
                    describe(StacSourceOptions.MAX_CONSECUTIVE_FAILURES, "setMaxConsecutiveDiscoveryFailures"),
                    maxConsecutiveFailures));
        }
        if (maxPendingSplits < 1) {
            throw new IllegalArgumentException(String.format("%s must be >= 1, got %d",
                    describe(StacSourceOptions.MAX_PENDING_SPLITS, "setMaxPendingSplits"), maxPendingSplits));
        }
    }

    /** Reads every option of {@link StacSourceOptions} from {@code config}, defaults included, and validates it. */
    public static DiscoverySettings from(Configuration config) {
        return new DiscoverySettings(
                config.get(StacSourceOptions.POLL_INTERVAL),
                config.get(StacSourceOptions.LOOKBACK),
                config.get(StacSourceOptions.REPUBLISHED_ITEMS),
                config.get(StacSourceOptions.MAX_CONSECUTIVE_FAILURES),
                config.get(StacSourceOptions.MAX_PENDING_SPLITS));
    }

    /** The default settings. */
    public static DiscoverySettings defaults() {
        return from(new Configuration());
    }

    private static void requirePositive(Duration value, ConfigOption<Duration> option, String setter) {
        Objects.requireNonNull(value, describe(option, setter));
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(String.format(
                    "%s must be positive, got %s", describe(option, setter), value));
        }
    }

    private static String describe(ConfigOption<?> option, String setter) {
        return String.format("'%s' (StacSourceBuilder.%s)", option.key(), setter);
    }
}
