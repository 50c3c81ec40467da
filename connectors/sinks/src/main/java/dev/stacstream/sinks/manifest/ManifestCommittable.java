package dev.stacstream.sinks.manifest;

import java.util.List;

/**
 * The items one writer subtask received between two checkpoints: published by the committer once the checkpoint
 * that holds them has completed.
 */
public record ManifestCommittable(List<ItemReferences> items) {

    public ManifestCommittable {
        items = List.copyOf(items);
    }
}
