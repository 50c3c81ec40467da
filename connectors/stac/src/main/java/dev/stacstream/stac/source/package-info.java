/**
 * {@link dev.stacstream.stac.source.StacSource}: a Flink (FLIP-27) source of STAC items, bounded or continuous,
 * that emits each item of a search exactly once, across failures, restores and savepoints.
 *
 * <h2>How it works</h2>
 * <ul>
 *   <li>The split enumerator (JobManager) runs a <em>discovery round</em> every poll interval: one search pass over
 *       all result pages, narrowed to {@code datetime >= highWaterMark - lookback}. Items it has not emitted yet
 *       become splits, one per item, carrying the item JSON.
 *   <li>Readers ask for one split at a time and emit its item with {@code datetime} as the event time. They do no
 *       I/O.
 *   <li>The checkpoint holds the cursor (high-water mark, floor, round count), the ids of the items inside the
 *       look-back window, and the splits no reader has taken; never the history of the feed.
 * </ul>
 *
 * <h2>Guarantees and limits</h2>
 * <ul>
 *   <li><b>Exactly once</b> per collection and id (and per re-published version under
 *       {@link dev.stacstream.stac.source.config.RepublishPolicy#REEMIT}), for items published at most
 *       {@code lookback} after their {@code datetime} relative to the newest item seen. An item published later
 *       than that is outside the searched range and is missed; the {@code discoveryLagMs} metric and the feed's
 *       ingestion delay tell how to size the look-back.
 *   <li>The cursor is on {@code datetime}, the one temporal filter every STAC API and the static-catalog walker
 *       support. Re-publications ({@code updated}) are recognised inside the look-back window only.
 *   <li>A round's items are held in JobManager memory until applied, and pending splits are checkpointed with their
 *       JSON: bound the first pass of a large archive with the request's {@code datetime} or {@code maxItems}, and
 *       keep {@code max-pending-splits} moderate.
 *   <li>Discovery failures are retried on the next poll; the job fails after more consecutive failures than
 *       configured, with the API or catalog and the last cause in the message.
 * </ul>
 *
 * <h2>Packages</h2>
 * {@code config} (options, starting position, republish policy), {@code enumerator} (discovery, cursor,
 * assignment, checkpoint state), {@code split} (the one-item split and its serializer), {@code reader},
 * {@code metrics}, {@code typeutils} (the {@code StacItem} serializer, so jobs need no Kryo).
 */
package dev.stacstream.stac.source;
