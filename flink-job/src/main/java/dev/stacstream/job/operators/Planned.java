package dev.stacstream.job.operators;

import dev.stacstream.job.plan.BlockTask;
import dev.stacstream.sinks.row.ErrorRow;

/** One output of the plan stage: a block task, or the error that stopped an item from being planned. */
public record Planned(BlockTask task, ErrorRow error) {

    public static Planned task(BlockTask task) {
        return new Planned(task, null);
    }

    public static Planned error(ErrorRow error) {
        return new Planned(null, error);
    }
}
