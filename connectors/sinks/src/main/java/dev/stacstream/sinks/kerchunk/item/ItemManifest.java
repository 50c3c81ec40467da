package dev.stacstream.sinks.kerchunk.item;

import dev.stacstream.sinks.kerchunk.ReferenceSet;
import java.util.List;

/**
 * The references of one item (or one set of files), and the assets or levels that had to be left out.
 *
 * @param groups the asset groups written, in the order they were added
 * @param problems what was left out and why (for the {@code errors} table)
 */
public record ItemManifest(ReferenceSet references, List<String> groups, List<AssetProblem> problems) {

    public ItemManifest {
        groups = List.copyOf(groups);
        problems = List.copyOf(problems);
    }
}
