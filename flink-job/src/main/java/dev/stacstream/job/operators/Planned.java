package dev.stacstream.job.operators;

import dev.stacstream.job.plan.BlockTask;
import dev.stacstream.sinks.manifest.ItemReferences;
import dev.stacstream.sinks.row.ErrorRow;

/**
 * One output of the plan stage: a block task, an item's references for the manifests, or an error (an item that
 * could not be planned, or an asset its manifest has to leave out). Exactly one field is set.
 */
public record Planned(BlockTask task, ErrorRow error, ItemReferences references) {

    public Planned {
        int set = (task != null ? 1 : 0) + (error != null ? 1 : 0) + (references != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("a plan output holds exactly one of task, error and references");
        }
    }

    public static Planned task(BlockTask task) {
        return new Planned(task, null, null);
    }

    public static Planned error(ErrorRow error) {
        return new Planned(null, error, null);
    }

    public static Planned references(ItemReferences references) {
        return new Planned(null, null, references);
    }
}
