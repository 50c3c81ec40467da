package dev.stacstream.stac.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.stac.client.ItemSearchProvider;
import dev.stacstream.stac.client.SearchRequest;
import dev.stacstream.stac.source.config.DiscoverySettings;
import dev.stacstream.stac.source.config.RepublishPolicy;
import dev.stacstream.stac.source.config.StacSourceOptions;
import dev.stacstream.stac.source.config.StacStartingPosition;
import dev.stacstream.stac.source.enumerator.StacEnumeratorStateSerializer;
import dev.stacstream.stac.source.split.StacItemSplitSerializer;
import dev.stacstream.stac.source.typeutils.StacItemTypeInfo;
import dev.stacstream.storage.StorageOptions;

import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.InstantiationUtil;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

class StacSourceBuilderTest {

    private static final ItemSearchProvider API =
            ItemSearchProvider.api("https://stac.example.test/v1", StorageOptions.defaults());
    private static final SearchRequest REQUEST = SearchRequest.builder().collections("sentinel-2-l2a").build();

    private static StacSourceBuilder complete() {
        return StacSource.builder().setSearch(API).setRequest(REQUEST);
    }

    @Test
    void defaultsAreEarliestContinuousAndTheOptionDefaults() {
        StacSource source = complete().build();

        assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(source.startingPosition()).isEqualTo(StacStartingPosition.earliest());
        assertThat(source.settings()).isEqualTo(DiscoverySettings.defaults());
        assertThat(source.settings().pollInterval()).isEqualTo(StacSourceOptions.POLL_INTERVAL.defaultValue());
        assertThat(source.getProducedType()).isEqualTo(StacItemTypeInfo.INSTANCE);
        assertThat(source.getSplitSerializer()).isSameAs(StacItemSplitSerializer.INSTANCE);
        assertThat(source.getEnumeratorCheckpointSerializer()).isSameAs(StacEnumeratorStateSerializer.INSTANCE);
    }

    @Test
    void settersWinOverTheConfigurationWhateverTheOrderAndTheConfigurationWinsOverDefaults() {
        // Given a configuration with interval and look-back, and a setter for the interval called before it
        Configuration configuration = new Configuration();
        configuration.set(StacSourceOptions.POLL_INTERVAL, Duration.ofMinutes(5));
        configuration.set(StacSourceOptions.LOOKBACK, Duration.ofDays(1));
        configuration.set(StacSourceOptions.REPUBLISHED_ITEMS, RepublishPolicy.REEMIT);

        // When the source is built
        StacSource source = complete()
                .setPollInterval(Duration.ofSeconds(30))
                .setConfiguration(configuration)
                .setMaxPendingSplits(7)
                .build();

        // Then each setting comes from the highest layer that sets it
        assertThat(source.settings()).isEqualTo(new DiscoverySettings(Duration.ofSeconds(30), Duration.ofDays(1),
                RepublishPolicy.REEMIT, StacSourceOptions.MAX_CONSECUTIVE_FAILURES.defaultValue(), 7));
    }

    static Stream<Arguments> invalidBuilders() {
        return Stream.of(
                invalid("no search", b -> b.setSearch(null), "setSearch(ItemSearchProvider.api(..))"),
                invalid("no request", b -> b.setRequest(null), "setRequest(SearchRequest.builder()"),
                invalid("no starting position", b -> b.setStartingPosition(null), "setStartingPosition(null)"),
                invalid("bounded latest", b -> b.setBounded(true).setStartingPosition(StacStartingPosition.latest()),
                        "a bounded source (setBounded(true)) never waits for"),
                invalid("zero interval", b -> b.setPollInterval(Duration.ZERO),
                        "'source.stac.discovery.interval' (StacSourceBuilder.setPollInterval) must be positive"),
                invalid("negative lookback", b -> b.setLookback(Duration.ofHours(-1)),
                        "'source.stac.discovery.lookback' (StacSourceBuilder.setLookback) must be in"),
                invalid("endless lookback", b -> b.setLookback(Duration.ofDays(40_000)),
                        "'source.stac.discovery.lookback' (StacSourceBuilder.setLookback) must be in"),
                invalid("negative failures", b -> b.setMaxConsecutiveDiscoveryFailures(-1),
                        "'source.stac.discovery.max-consecutive-failures'"
                                + " (StacSourceBuilder.setMaxConsecutiveDiscoveryFailures) must be >= 0, got -1"),
                invalid("no pending splits", b -> b.setMaxPendingSplits(0),
                        "'source.stac.discovery.max-pending-splits' (StacSourceBuilder.setMaxPendingSplits)"
                                + " must be >= 1, got 0"));
    }

    private static Arguments invalid(String name, UnaryOperator<StacSourceBuilder> change, String message) {
        return Arguments.of(name, change, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBuilders")
    void buildRejectsAnInvalidSettingNamingIt(
            String name, UnaryOperator<StacSourceBuilder> change, String expectedMessage) {
        assertThatThrownBy(() -> change.apply(complete()).build())
                .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class)
                .hasMessageContaining(expectedMessage);
    }

    @Test
    void theSourceTravelsAsJavaSerializedBytes() throws Exception {
        // Given a bounded source from a datetime (Flink ships sources to the JobManager serialized)
        StacSource source = complete()
                .setBounded(true)
                .setStartingPosition(StacStartingPosition.fromDatetime(Instant.parse("2025-01-01T00:00:00Z")))
                .build();

        // When it is serialized and deserialized
        StacSource copy = InstantiationUtil.clone(source);

        // Then nothing was lost
        assertThat(copy.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(copy.request()).isEqualTo(REQUEST);
        assertThat(copy.search()).isEqualTo(API);
        assertThat(copy.startingPosition()).isEqualTo(source.startingPosition());
        assertThat(copy.settings()).isEqualTo(source.settings());
    }
}
