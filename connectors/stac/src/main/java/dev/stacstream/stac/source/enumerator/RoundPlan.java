package dev.stacstream.stac.source.enumerator;

import java.time.Instant;

/**
 * What the next discovery round should do, published by the coordinator thread to the worker thread as one
 * immutable value.
 *
 * @param from the current position
 * @param lowerBound inclusive lower {@code datetime} bound of the search, or null for none
 * @param searchNow false while discovery is paused (too many pending splits) or finished (bounded, pass done)
 * @param handledRounds rounds whose result (items or failure) the coordinator thread has handled; the worker
 *     starts no round while one it started is still unhandled, so that no round searches from a stale cursor
 */
record RoundPlan(DiscoveryPosition from, Instant lowerBound, boolean searchNow, long handledRounds) {
}
