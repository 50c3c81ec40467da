package dev.stacstream.job.operators;

import java.util.Map;

/**
 * Names of the accumulators the job keeps for its progress line and end summary. Counted in the synchronous
 * operators (Flink does not offer accumulators to async functions); read with {@code JobClient.getAccumulators()}.
 */
public final class JobProgress {

    /** Items planned. */
    public static final String ITEMS = "stacstream.items";
    /** Work windows planned, over all items. */
    public static final String WINDOWS_PLANNED = "stacstream.windows.planned";
    /** Work windows decoded and aggregated. */
    public static final String WINDOWS_DONE = "stacstream.windows.done";
    /** Stored (compressed) bytes of the blocks decoded. */
    public static final String BYTES_READ = "stacstream.bytes.read";
    /** Band pixels aggregated, and those of them that were valid. */
    public static final String PIXELS = "stacstream.pixels";
    public static final String PIXELS_VALID = "stacstream.pixels.valid";
    /** Error rows recorded by the plan, read and decode stages. */
    public static final String ERRORS = "stacstream.errors";
    /** grid_stats rows emitted to the sink. */
    public static final String ROWS = "stacstream.rows";
    /** Point observations (point x band x item) sampled, and those of them that were valid. */
    public static final String POINT_OBSERVATIONS = "stacstream.points.observations";
    public static final String POINT_OBSERVATIONS_VALID = "stacstream.points.observations.valid";
    /** points rows emitted to the sink. */
    public static final String POINT_ROWS = "stacstream.points.rows";
    /** pixels rows (polygon pixels of an item) emitted to the sink. */
    public static final String PIXEL_ROWS = "stacstream.pixels.rows";

    private JobProgress() {}

    /** A counter's value from an accumulator map, 0 when absent. */
    public static long get(Map<String, Object> accumulators, String name) {
        Object v = accumulators.get(name);
        return v instanceof Number n ? n.longValue() : 0;
    }
}
