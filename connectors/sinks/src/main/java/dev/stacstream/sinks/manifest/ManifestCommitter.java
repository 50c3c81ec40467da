package dev.stacstream.sinks.manifest;

import java.io.UncheckedIOException;
import java.util.Collection;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the items of each completed checkpoint. Flink calls it after the checkpoint that holds the
 * committables completed, and again with the same committables after a restore from that checkpoint when it
 * cannot know whether the first call finished; {@link ManifestPublisher} makes the repeat change nothing. It also
 * runs for the final checkpoint of a finishing (bounded or drained) job, so bounded runs end with complete
 * manifests: unlike a post-commit topology, a committer is not affected by FLINK-38614.
 *
 * <p>A storage failure is retried by Flink ({@code retryLater}); anything else fails the job rather than losing
 * items from the manifests.
 */
final class ManifestCommitter implements Committer<ManifestCommittable> {

    private static final Logger LOG = LoggerFactory.getLogger(ManifestCommitter.class);

    private final ManifestPublisher publisher;
    private final String root;
    private final Counter itemsPublished;
    private final Counter stepsAppended;
    private final Counter itemsRejected;

    ManifestCommitter(ManifestPublisher publisher, String root, MetricGroup metrics) {
        this.publisher = publisher;
        this.root = root;
        MetricGroup group = metrics.addGroup("manifests");
        this.itemsPublished = group.counter("itemsPublished");
        this.stepsAppended = group.counter("timeStepsAppended");
        this.itemsRejected = group.counter("stackRejections");
    }

    @Override
    public void commit(Collection<CommitRequest<ManifestCommittable>> requests) {
        for (CommitRequest<ManifestCommittable> request : requests) {
            ManifestCommittable committable = request.getCommittable();
            try {
                PublishReport report = publisher.publish(committable.items());
                itemsPublished.inc(report.items());
                stepsAppended.inc(report.appended());
                itemsRejected.inc(report.rejected().size());
                report.rejected().forEach(r -> LOG.warn("{}: {}", root, r.message()));
                LOG.info("{}: published {} item manifest(s), {} new time step(s), {} already present", root,
                        report.items(), report.appended(), report.duplicates());
            } catch (UncheckedIOException e) {
                LOG.warn("{}: publishing {} item manifest(s) failed (attempt {}), retrying: {}", root,
                        committable.items().size(), request.getNumberOfRetries() + 1, e.getMessage());
                request.retryLater();
            }
        }
    }

    @Override
    public void close() {
        // The publisher holds no resources.
    }
}
