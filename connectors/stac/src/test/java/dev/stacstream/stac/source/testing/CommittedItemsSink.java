package dev.stacstream.stac.source.testing;

import dev.stacstream.stac.model.StacItem;

import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transactional test sink (Sink V2 with a committer): each checkpoint's records become visible in a static
 * {@link Output} only when Flink commits that checkpoint, so the output holds each item exactly once if and only
 * if the pipeline is exactly-once, also across restores and savepoints.
 *
 * <p>Records are {@code collection/id@updated}. Each committable carries a random id and committing an id twice
 * (Flink re-commits restored committables) has no effect. The output is static because MiniCluster tasks run in
 * the test's JVM; each test names its own.
 */
public final class CommittedItemsSink implements Sink<StacItem>, SupportsCommitter<CommittedItemsSink.Batch> {

    private static final long serialVersionUID = 1L;

    private static final Map<String, Output> OUTPUTS = new ConcurrentHashMap<>();

    private final String outputName;

    public CommittedItemsSink(String outputName) {
        this.outputName = outputName;
    }

    /** The committed output of the sinks named {@code name}, created empty on first use. */
    public static Output output(String name) {
        return OUTPUTS.computeIfAbsent(name, n -> new Output());
    }

    /** The output named {@code name}, emptied: for a test that starts from nothing. */
    public static Output emptyOutput(String name) {
        Output output = output(name);
        output.committedBatches.clear();
        output.commits.set(0);
        return output;
    }

    /** The record of {@code item}: collection, id and publication time (or {@code -}). */
    public static String record(StacItem item) {
        return item.collection() + "/" + item.id() + "@" + item.updated().map(Object::toString).orElse("-");
    }

    @Override
    public SinkWriter<StacItem> createWriter(WriterInitContext context) {
        return new Writer();
    }

    @Override
    public Committer<Batch> createCommitter(CommitterInitContext context) {
        return new BatchCommitter(output(outputName));
    }

    @Override
    public SimpleVersionedSerializer<Batch> getCommittableSerializer() {
        return new BatchSerializer();
    }

    /** The records one writer wrote between two checkpoints. */
    public record Batch(String id, List<String> records) {
    }

    /** Committed records, and how many commits happened. */
    public static final class Output {

        private final Map<String, List<String>> committedBatches = new ConcurrentHashMap<>();
        private final AtomicInteger commits = new AtomicInteger();

        /** Every committed record, once per commit of a distinct batch. */
        public List<String> records() {
            List<String> all = new ArrayList<>();
            committedBatches.values().forEach(all::addAll);
            return all;
        }

        /** Commit requests received, empty batches and re-commits included. */
        public int commits() {
            return commits.get();
        }

        /** The committed batches by id, as an earlier job left them (see {@link #restore}). */
        public Map<String, List<String>> batches() {
            return Map.copyOf(committedBatches);
        }

        /** Makes {@code batches} committed, as if an earlier job had committed them to this output. */
        public void restore(Map<String, List<String>> batches) {
            committedBatches.putAll(batches);
        }
    }

    private static final class Writer implements CommittingSinkWriter<StacItem, Batch> {

        private final List<String> buffered = new ArrayList<>();

        @Override
        public void write(StacItem item, Context context) {
            buffered.add(record(item));
        }

        @Override
        public void flush(boolean endOfInput) {
            // Records become committables in prepareCommit, which follows every flush.
        }

        @Override
        public Collection<Batch> prepareCommit() {
            Batch batch = new Batch(UUID.randomUUID().toString(), List.copyOf(buffered));
            buffered.clear();
            return List.of(batch);
        }

        @Override
        public void close() {
        }
    }

    private static final class BatchCommitter implements Committer<Batch> {

        private final Output output;

        private BatchCommitter(Output output) {
            this.output = output;
        }

        @Override
        public void commit(Collection<CommitRequest<Batch>> requests) {
            for (CommitRequest<Batch> request : requests) {
                Batch batch = request.getCommittable();
                output.committedBatches.putIfAbsent(batch.id(), batch.records());
                output.commits.incrementAndGet();
            }
        }

        @Override
        public void close() {
        }
    }

    private static final class BatchSerializer implements SimpleVersionedSerializer<Batch> {

        private static final int VERSION = 1;

        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(Batch batch) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(batch.id());
                out.writeInt(batch.records().size());
                for (String record : batch.records()) {
                    out.writeUTF(record);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public Batch deserialize(int version, byte[] serialized) throws IOException {
            if (version != VERSION) {
                throw new IOException("Unknown batch version " + version);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                String id = in.readUTF();
                int count = in.readInt();
                List<String> records = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    records.add(in.readUTF());
                }
                return new Batch(id, records);
            }
        }
    }
}
