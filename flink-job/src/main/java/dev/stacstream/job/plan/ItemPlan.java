package dev.stacstream.job.plan;

import dev.stacstream.sinks.manifest.ItemReferences;
import java.util.List;
import java.util.Objects;

/**
 * The plan of one item: its work windows, and the references of the assets whose headers planning read (for the
 * item's manifest and its time stacks, at no further read).
 */
public record ItemPlan(List<BlockTask> tasks, ItemReferences references) {

    public ItemPlan {
        tasks = List.copyOf(tasks);
        Objects.requireNonNull(references, "references");
    }
}
