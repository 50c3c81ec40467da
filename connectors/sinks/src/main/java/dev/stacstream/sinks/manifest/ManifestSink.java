package dev.stacstream.sinks.manifest;

import java.net.URI;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Writes kerchunk reference manifests ({@code docs/manifest-spec.md}) exactly once with Flink's checkpoints: the
 * writer gathers the {@link ItemReferences} of the items planned since the last checkpoint, and the committer
 * publishes them (item manifests, then the time stacks they join) only after that checkpoint completed. A manifest
 * therefore never names an item that a restore would process again, and a restore never loses one.
 *
 * <pre>{@code
 * references.sinkTo(new ManifestSink(URI.create("file:///out/manifests"), ManifestOptions.defaults()))
 *         .setParallelism(1).uid("manifests");
 * }</pre>
 *
 * Run it with parallelism 1: time stacks are read-modify-write files, and one committer owns them all (it writes
 * metadata only, a few kilobytes per item).
 */
public final class ManifestSink implements Sink<ItemReferences>, SupportsCommitter<ManifestCommittable> {

    private static final long serialVersionUID = 1L;

    private final URI root;
    private final ManifestOptions options;

    /** @param root the manifests folder: a local path URI or any file system Flink has a plugin for */
    public ManifestSink(URI root, ManifestOptions options) {
        this.root = root;
        this.options = options;
    }

    @Override
    public SinkWriter<ItemReferences> createWriter(WriterInitContext context) {
        return new ManifestSinkWriter();
    }

    @Override
    public Committer<ManifestCommittable> createCommitter(CommitterInitContext context) {
        return new ManifestCommitter(new ManifestPublisher(ManifestStores.open(root), options), root.toString(),
                context.metricGroup());
    }

    @Override
    public SimpleVersionedSerializer<ManifestCommittable> getCommittableSerializer() {
        return new ManifestCommittableSerializer();
    }
}
