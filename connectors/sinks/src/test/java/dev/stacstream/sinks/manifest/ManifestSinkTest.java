package dev.stacstream.sinks.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.sinks.kerchunk.LocalManifestStore;
import dev.stacstream.sinks.kerchunk.stack.StackContents;
import dev.stacstream.sinks.testing.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer.CommitRequest;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink's parts without a cluster: the writer hands over what arrived since the last checkpoint, committables
 * survive the checkpoint serializer, and the committer publishes them, asks Flink to retry on a storage failure,
 * and changes nothing when Flink commits the same committable again after a restore. The job-level tests
 * (flink-job {@code ManifestsITCase}) run the sink in Flink with failures and savepoints.
 */
class ManifestSinkTest {

    private static final Instant T0 = Instant.parse("2023-06-02T10:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void theWriterHandsOverExactlyTheItemsSinceTheLastCheckpoint() {
        ManifestSinkWriter writer = new ManifestSinkWriter();
        writer.write(ManifestPublisherTest.item(0, T0), null);
        writer.write(ManifestPublisherTest.item(1, T0.plusSeconds(1)), null);

        Collection<ManifestCommittable> first = writer.prepareCommit();
        Collection<ManifestCommittable> empty = writer.prepareCommit();
        writer.write(ManifestPublisherTest.item(2, T0.plusSeconds(2)), null);
        Collection<ManifestCommittable> second = writer.prepareCommit();

        assertThat(first).singleElement().extracting(c -> c.items().stream().map(i -> i.item().id()).toList())
                .isEqualTo(List.of("item-0", "item-1"));
        assertThat(empty).as("no committable for a checkpoint without items").isEmpty();
        assertThat(second).singleElement().extracting(c -> c.items().size()).isEqualTo(1);
    }

    @Test
    void committablesSurviveTheCheckpointSerializer() throws Exception {
        ManifestCommittable committable = new ManifestCommittable(List.of(ManifestPublisherTest.item(0, T0),
                ManifestPublisherTest.item(3, T0.plusSeconds(9))));
        ManifestCommittableSerializer serializer = new ManifestCommittableSerializer();

        ManifestCommittable back = serializer.deserialize(serializer.getVersion(), serializer.serialize(committable));

        assertThat(back).isEqualTo(committable);
    }

    @Test
    void theCommitterPublishesAndARepeatedCommitChangesNothing() throws Exception {
        ManifestSink sink = new ManifestSink(tmp.toUri(), new ManifestOptions(true, true, 3));
        ManifestCommittable committable = new ManifestCommittable(List.of(ManifestPublisherTest.item(1, T0.plusSeconds(5)),
                ManifestPublisherTest.item(0, T0)));
        var committer = new ManifestCommitter(new ManifestPublisher(new LocalManifestStore(tmp),
                new ManifestOptions(true, true, 3)), tmp.toString(), new UnregisteredMetricsGroup());

        FakeRequest request = new FakeRequest(committable);
        committer.commit(List.of(request));
        var before = ManifestPublisherTest.files(tmp);
        FakeRequest again = new FakeRequest(committable);
        committer.commit(List.of(again));

        assertThat(request.outcomes).isEmpty();
        assertThat(again.outcomes).isEmpty();
        assertThat(ManifestPublisherTest.steps(new LocalManifestStore(tmp))).extracting(StackContents.Step::itemId)
                .containsExactly("item-0", "item-1");
        FileTrees.assertSame(ManifestPublisherTest.files(tmp), before, "the manifests after a repeated commit");
        assertThat(sink.getCommittableSerializer()).isInstanceOf(ManifestCommittableSerializer.class);
    }

    @Test
    void aStorageFailureAsksFlinkToRetryTheCommit() throws Exception {
        Path blocked = tmp.resolve("blocked");
        Files.writeString(blocked, "a file where the manifests folder should be");
        var committer = new ManifestCommitter(new ManifestPublisher(new LocalManifestStore(blocked),
                ManifestOptions.defaults()), blocked.toString(), new UnregisteredMetricsGroup());
        FakeRequest request = new FakeRequest(new ManifestCommittable(List.of(ManifestPublisherTest.item(0, T0))));

        committer.commit(List.of(request));

        assertThat(request.outcomes).containsExactly("retryLater");
    }

    /** Records what the committer asked Flink to do with a committable. */
    private static final class FakeRequest implements CommitRequest<ManifestCommittable> {
        private final ManifestCommittable committable;
        final List<String> outcomes = new ArrayList<>();

        FakeRequest(ManifestCommittable committable) {
            this.committable = committable;
        }

        @Override
        public ManifestCommittable getCommittable() {
            return committable;
        }

        @Override
        public int getNumberOfRetries() {
            return 0;
        }

        @Override
        public void signalFailedWithKnownReason(Throwable t) {
            outcomes.add("failedWithKnownReason");
        }

        @Override
        public void signalFailedWithUnknownReason(Throwable t) {
            outcomes.add("failedWithUnknownReason");
        }

        @Override
        public void retryLater() {
            outcomes.add("retryLater");
        }

        @Override
        public void updateAndRetryLater(ManifestCommittable c) {
            outcomes.add("updateAndRetryLater");
        }

        @Override
        public void signalAlreadyCommitted() {
            outcomes.add("alreadyCommitted");
        }
    }
}
