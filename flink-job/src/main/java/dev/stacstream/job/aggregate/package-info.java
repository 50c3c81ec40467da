/**
 * Grid aggregation, Flink-free: partial statistics of masked blocks per output cell, mergeable across block
 * edges and items.
 *
 * <p>Flow, continuing {@code dev.stacstream.job.mask} (one {@link dev.stacstream.job.aggregate.BlockAggregator}
 * per thread):
 * <pre>{@code
 * GridSpec spec = GridSpec.byFactor(10);          // or byResolution(100.0), bySize(1098, 1098); serializable
 * BlockAggregate partial = aggregator.aggregate(masked);   // a view of the aggregator's storage until its next block
 * CellColumns red = partial.cells(0);                      // column-wise, mergeable: region(...), merge(x, y, other)
 * partial.forEachCell((band, cellX, cellY, stats) -> ...); // or one CellStats per cell
 * // running state: CellColumns.merge or CellStats.merge; cell centre and polygon: partial.grid()
 * }</pre>
 */
package dev.stacstream.job.aggregate;
