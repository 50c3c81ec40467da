package dev.stacstream.job.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.job.operators.ItemReferencesCodec;
import dev.stacstream.job.plan.BlockTask;
import dev.stacstream.job.types.CodecTypeInfo;
import dev.stacstream.sinks.kerchunk.LocalManifestStore;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.json.KerchunkJsonReader;
import dev.stacstream.sinks.kerchunk.parquet.ParquetReferenceReader;
import dev.stacstream.sinks.kerchunk.stack.StackContents;
import dev.stacstream.sinks.kerchunk.stack.StackKey;
import dev.stacstream.sinks.manifest.ItemReferences;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Checks of the job's {@code <output.root>/manifests/}, and a failure injector on the way to the manifest sink.
 */
final class Manifests {

    static final String COLLECTION = "sentinel-2-l2a";
    /** The bundled Sentinel-2 catalog's items per tile, in time order. */
    static final Map<String, List<String>> TEST_CATALOG = Map.of(
            "MGRS-33UVU", List.of("S2B_33UVU_20230602_0_L2A", "S2A_33UVU_20230612_0_L2A", "S2A_33UVU_20230702_0_L2A"),
            "MGRS-33UWU", List.of("S2A_33UWU_20230612_0_L2A"));
    static final List<String> ASSETS = List.of("red", "nir", "scl");

    private Manifests() {}

    /** Every item has its manifests, and every (tile, asset) stack lists that tile's items once each, in time order. */
    static void assertCompleteForTestCatalog(Path out) {
        LocalManifestStore store = new LocalManifestStore(out.resolve("manifests"));
        for (Map.Entry<String, List<String>> tile : TEST_CATALOG.entrySet()) {
            for (String id : tile.getValue()) {
                ReferenceSet item = KerchunkJsonReader.read(store.read(COLLECTION + "/items/" + id + ".json")
                        .orElseThrow(() -> new AssertionError("no manifest for item " + id)), id);
                assertThat(item.arrays().keySet()).as(id).contains("red/0", "nir/0", "scl/0");
                assertThat(ParquetReferenceReader.open(store.under(COLLECTION + "/items/" + id + ".parq"))).as(id)
                        .isPresent();
            }
            for (String asset : ASSETS) {
                StackKey key = new StackKey(COLLECTION, tile.getKey(), asset);
                ReferenceSet json = KerchunkJsonReader.read(store.read(key.jsonPath()).orElseThrow(), key.toString());
                ReferenceSet parquet = ParquetReferenceReader.open(store.under(key.parquetRoot())).orElseThrow().readAll();
                assertThat(StackContents.steps(key, json, "json").stream().map(StackContents.Step::itemId))
                        .as("JSON stack %s", key).containsExactlyElementsOf(tile.getValue());
                assertThat(StackContents.steps(key, parquet, "parquet")).as("Parquet stack %s", key)
                        .isEqualTo(StackContents.steps(key, json, "json"));
            }
        }
        assertThat(files(out.resolve("manifests")).keySet()).as("no staging or temporary files")
                .noneMatch(f -> f.contains(".staging") || f.endsWith(".tmp"));
    }

    /** The manifests under {@code out} are byte for byte those under {@code expected}. */
    static void assertSameFiles(Path out, Path expected) {
        Map<String, byte[]> actual = files(out.resolve("manifests"));
        Map<String, byte[]> wanted = files(expected.resolve("manifests"));
        assertThat(actual.keySet()).as("manifest files").containsExactlyElementsOf(wanted.keySet());
        wanted.forEach((file, bytes) -> assertThat(actual.get(file)).as(file).isEqualTo(bytes));
    }

    static Map<String, byte[]> files(Path root) {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The window injector of {@link FailureRecoveryITCase} plus {@link SlowReferences} before the manifest sink. */
    static final class SlowReferencesHook implements TopologyHooks {
        private static final long serialVersionUID = 1L;

        @Override
        public DataStream<BlockTask> afterPlan(DataStream<BlockTask> tasks) {
            return new FailureRecoveryITCase.InjectorHook().afterPlan(tasks);
        }

        @Override
        public DataStream<ItemReferences> beforeManifests(DataStream<ItemReferences> references) {
            return references.map(new SlowReferences())
                    .returns(CodecTypeInfo.of(ItemReferences.class, new ItemReferencesCodec()))
                    .setParallelism(1).uid("test-slow-references").name("test: slow references, fail once");
        }
    }

    /**
     * Lets one item through every {@value #PAUSE_MILLIS} ms, so items reach the manifests in different checkpoints,
     * and fails once, at the first item after some item manifest was published. Static state: the MiniCluster runs
     * in this JVM.
     */
    static final class SlowReferences extends RichMapFunction<ItemReferences, ItemReferences>
            implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private static final long PAUSE_MILLIS = 500;
        private static final int ITEMS = 4;
        private static volatile Path output;
        private static final Set<String> PASSED = ConcurrentHashMap.newKeySet();
        private static final Set<String> CHECKPOINTED = ConcurrentHashMap.newKeySet();
        private static final AtomicBoolean FAILED = new AtomicBoolean();
        private static final AtomicBoolean ALL_CHECKPOINTED = new AtomicBoolean();
        private static volatile Set<String> publishedAtFailure = Set.of();
        private static volatile Set<String> checkpointedAtFailure = Set.of();

        static void arm(Path out) {
            output = out;
            PASSED.clear();
            CHECKPOINTED.clear();
            FAILED.set(false);
            ALL_CHECKPOINTED.set(false);
            publishedAtFailure = Set.of();
            checkpointedAtFailure = Set.of();
        }

        static boolean failed() {
            return FAILED.get();
        }

        /** The items whose manifests existed when the failure was injected. */
        static Set<String> publishedAtFailure() {
            return publishedAtFailure;
        }

        /** The items that had passed before the last checkpoint completed, at the failure. */
        static Set<String> checkpointedAtFailure() {
            return checkpointedAtFailure;
        }

        static void awaitAllCheckpointed(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!ALL_CHECKPOINTED.get()) {
                assertThat(System.nanoTime()).as("every item's references checkpointed in time").isLessThan(deadline);
                Thread.sleep(20);
            }
        }

        @Override
        public ItemReferences map(ItemReferences refs) throws Exception {
            Thread.sleep(PAUSE_MILLIS);
            Set<String> published = publishedItems();
            if (!published.isEmpty() && FAILED.compareAndSet(false, true)) {
                publishedAtFailure = published;
                checkpointedAtFailure = Set.copyOf(CHECKPOINTED);
                throw new IllegalStateException("injected failure before item " + refs.item().id()
                        + ", after the manifests of " + published + " were published");
            }
            PASSED.add(refs.item().id());
            return refs;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTED.addAll(PASSED);
            if (CHECKPOINTED.size() >= ITEMS) {
                ALL_CHECKPOINTED.set(true);
            }
        }

        private static Set<String> publishedItems() throws IOException {
            Path items = output.resolve("manifests").resolve(COLLECTION).resolve("items");
            if (!Files.isDirectory(items)) {
                return Set.of();
            }
            try (Stream<Path> files = Files.list(items)) {
                return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                        .map(n -> n.substring(0, n.length() - ".json".length())).collect(java.util.stream.Collectors.toSet());
            }
        }
    }
}
