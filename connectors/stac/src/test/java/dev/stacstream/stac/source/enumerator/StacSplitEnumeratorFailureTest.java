package dev.stacstream.stac.source.enumerator;

import static dev.stacstream.stac.source.enumerator.EnumeratorFixture.at;
import static dev.stacstream.stac.source.enumerator.EnumeratorFixture.settings;
import static dev.stacstream.stac.source.testing.TestItems.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.stac.client.DatetimeInterval;
import dev.stacstream.stac.client.StacHttpException;
import dev.stacstream.stac.client.StacIoException;
import dev.stacstream.stac.source.config.RepublishPolicy;
import dev.stacstream.stac.source.config.StacStartingPosition;
import dev.stacstream.stac.source.metrics.StacDiscoveryMetrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Discovery failures: retried on the next poll, counted, and fatal only past the tolerated streak. */
class StacSplitEnumeratorFailureTest {

    private static final String SEARCH_URL = "https://stac.example.test/v1/search";

    private final EnumeratorFixture fixture = new EnumeratorFixture(1);

    @Test
    void failedRoundsAreRetriedFromTheSameCursorCountedAndForgottenAfterASuccess() {
        // Given a discovered item, then a server that fails two searches (one fewer than tolerated + 1)
        fixture.search.publish(item("a", at(10)));
        StacSplitEnumerator enumerator = fixture.start();
        fixture.context.runDiscoveryRound();
        fixture.search.publish(item("b", at(11)));
        fixture.search.failNextSearches(unavailable(), timeout());

        // When three rounds run
        fixture.context.runDiscoveryRound();
        fixture.context.runDiscoveryRound();
        assertThat(fixture.context.gauge(StacDiscoveryMetrics.CONSECUTIVE_DISCOVERY_FAILURES)).isEqualTo(2);
        fixture.context.runDiscoveryRound();

        // Then every retry searched the same range, the third round found b, and the streak was reset
        assertThat(fixture.search.requests().subList(1, 4)).containsOnly(fixture.search.requests().get(1));
        assertThat(fixture.search.requests().get(1).datetime())
                .contains(DatetimeInterval.of(at(10).minus(EnumeratorFixture.LOOKBACK), null));
        assertThat(fixture.drain(enumerator, 0)).containsExactly("a", "b");
        assertThat(fixture.context.counter(StacDiscoveryMetrics.DISCOVERY_FAILURES)).isEqualTo(2);
        assertThat(fixture.context.gauge(StacDiscoveryMetrics.CONSECUTIVE_DISCOVERY_FAILURES)).isZero();
    }

    @ParameterizedTest(name = "{0} tolerated")
    @ValueSource(ints = {0, 1, 3})
    void theJobFailsWhenOneMoreRoundFailsThanTolerated(int tolerated) {
        // Given a source that tolerates `tolerated` consecutive failures, and a server that keeps failing
        fixture.start(settings(RepublishPolicy.SKIP, tolerated, 100), StacStartingPosition.earliest(), false);
        for (int i = 0; i <= tolerated; i++) {
            fixture.search.failNextSearches(unavailable());
        }

        // When the tolerated rounds fail
        for (int i = 0; i < tolerated; i++) {
            fixture.context.runDiscoveryRound();
        }

        // Then the next failure throws on the coordinator thread (failing the job), naming the search,
        // the setting and the last cause
        assertThatThrownBy(fixture.context::runDiscoveryRound)
                .isInstanceOf(StacDiscoveryException.class)
                .hasMessageContaining("FakeItemSearch(https://stac.example.test/v1)")
                .hasMessageContaining("failed " + (tolerated + 1) + " time(s) in a row")
                .hasMessageContaining("source.stac.discovery.max-consecutive-failures")
                .hasMessageContaining("503")
                .hasCauseInstanceOf(StacHttpException.class);
        assertThat(fixture.context.counter(StacDiscoveryMetrics.DISCOVERY_FAILURES)).isEqualTo(tolerated + 1);
    }

    private static StacHttpException unavailable() {
        return new StacHttpException("POST", SEARCH_URL, 503, "Service Unavailable", 4);
    }

    private static StacIoException timeout() {
        return new StacIoException(SEARCH_URL, "request timed out after 30 s", 4, true, null);
    }
}
