package dev.stacstream.sinks.manifest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;

/**
 * Collects the items that arrive between two checkpoints and hands them over as one committable when the
 * checkpoint barrier passes. It keeps no state of its own: what it held is then in the committer's state of that
 * checkpoint, and what arrives later belongs to the next one.
 */
final class ManifestSinkWriter implements CommittingSinkWriter<ItemReferences, ManifestCommittable> {

    private List<ItemReferences> pending = new ArrayList<>();

    @Override
    public void write(ItemReferences element, Context context) {
        pending.add(element);
    }

    @Override
    public void flush(boolean endOfInput) {
        // Nothing buffered outside `pending`, which prepareCommit hands over.
    }

    @Override
    public Collection<ManifestCommittable> prepareCommit() {
        if (pending.isEmpty()) {
            return List.of();
        }
        ManifestCommittable committable = new ManifestCommittable(pending);
        pending = new ArrayList<>();
        return List.of(committable);
    }

    @Override
    public void close() {
        pending = List.of();
    }
}
