package dev.stacstream.stac.source.enumerator;

import dev.stacstream.stac.source.split.SplitFixtures;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Enumerator states with fixed content for serializer tests and golden files. */
final class StateFixtures {

    /** A source from {@code earliest()} before its first round. */
    static final StacEnumeratorState FRESH = StacEnumeratorState.initial(new DiscoveryPosition(null, null, 0, false));

    /** A source from {@code latest()} before its baseline round. */
    static final StacEnumeratorState LATEST_BASELINE_PENDING = StacEnumeratorState.initial(
            new DiscoveryPosition(null, Instant.parse("2025-06-10T12:00:00Z"), 0, true));

    /** A source from {@code fromDatetime(..)} after 42 rounds, with a window and pending splits. */
    static final StacEnumeratorState RUNNING = new StacEnumeratorState(
            new DiscoveryPosition(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-06-01T10:27:19.024123Z"),
                    42, false),
            List.of(
                    new SeenItem(null, "no-collection", Instant.parse("2025-05-30T08:00:00Z"), null),
                    new SeenItem("sentinel-2-l2a", "S2A_32TMT_20250530_0_L2A",
                            Instant.parse("2025-05-30T10:17:21Z"), Instant.parse("2025-05-31T01:02:03.5Z")),
                    new SeenItem("sentinel-2-l2a", "S2B_32TMT_20250601_0_L2A",
                            Instant.parse("2025-06-01T10:27:19.024123Z"), Instant.parse("2025-06-02T03:14:15.926Z"))),
            List.of(SplitFixtures.FULL, SplitFixtures.MINIMAL));

    static final Map<String, StacEnumeratorState> BY_NAME = byName();

    private StateFixtures() {
    }

    private static Map<String, StacEnumeratorState> byName() {
        Map<String, StacEnumeratorState> fixtures = new LinkedHashMap<>();
        fixtures.put("fresh", FRESH);
        fixtures.put("latest-baseline-pending", LATEST_BASELINE_PENDING);
        fixtures.put("running", RUNNING);
        return fixtures;
    }
}
