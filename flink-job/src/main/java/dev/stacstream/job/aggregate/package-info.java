/**
 * Grid aggregation, Flink-free: partial statistics of masked blocks per output cell, mergeable across block
 * edges and items.
 *
 * <p>Flow, continuing {@code dev.stacstream.job.mask} (one {@link dev.stacstream.job.aggregate.BlockAggregator}
 * per thread):
 * <pre>{@code
 * GridSpec spec = GridSpec.byFactor(10);          // or byResolution(100.0), bySize(1098, 1098); serializable
 * BlockAggregate partial = aggregator.aggregate(masked);
 * partial.forEachCell((band, cellX, cellY, stats) -> out.collect(...));   // key by (grid, period, band, cell)
 * // running state: CellStats.merge; bytes: CellStatsSerializer; cell centre and polygon: partial.grid()
 * }</pre>
 */
package dev.stacstream.job.aggregate;
