package dev.stacstream.sinks.kerchunk.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.sinks.kerchunk.ChunkRef;
import dev.stacstream.sinks.kerchunk.LocalManifestStore;
import dev.stacstream.sinks.kerchunk.ManifestStore;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.item.BandValues;
import dev.stacstream.sinks.kerchunk.json.KerchunkJsonReader;
import dev.stacstream.sinks.kerchunk.parquet.ParquetReferenceReader;
import dev.stacstream.sinks.kerchunk.testing.Layouts;
import dev.stacstream.sinks.testing.FileTrees;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time stacks as items arrive: order, idempotence by item id, late items, record-file boundaries, reopening, and the
 * JSON and Parquet forms agreeing. Items are synthetic block tables ({@link Layouts}) so every expected reference is
 * known: item {@code k}'s block {@code b} is {@code [1000 (k + 1) + 100 b, ... + 50 + b)}.
 */
class TimeStackTest {

    private static final StackKey KEY = new StackKey("sentinel-2-l2a", "33UVU", "red");
    private static final Instant JUNE_2 = Instant.parse("2023-06-02T10:00:00Z");
    private static final Instant JUNE_12 = Instant.parse("2023-06-12T10:00:00Z");
    private static final Instant JULY_2 = Instant.parse("2023-07-02T10:00:00Z");
    private static final Instant AUGUST_1 = Instant.parse("2023-08-01T10:00:00Z");
    /** Smaller than one time step's 4 chunks, so steps straddle record files. */
    private static final int RECORD_SIZE = 3;

    @TempDir
    Path tmp;

    @Test
    void itemsAreStackedInTimeOrderWithTheirBlocksAndCoordinates() {
        ManifestStore store = new LocalManifestStore(tmp.resolve("red.parq"));
        AppendResult result = ParquetTimeStack.appendInPlace(KEY, store, List.of(
                Layouts.stackItem(2, JULY_2), Layouts.stackItem(0, JUNE_2, 3), Layouts.stackItem(1, JUNE_12)), RECORD_SIZE);

        assertThat(result.appended()).containsExactly("item-0", "item-1", "item-2");
        assertThat(result.timeSteps()).isEqualTo(3);
        ReferenceSet refs = ParquetReferenceReader.open(store).orElseThrow().readAll();
        assertThat(refs.arrays().get("red").shape()).containsExactly(3, 20, 20);
        assertThat(refs.arrays().get("red").chunks()).containsExactly(1, 10, 10);
        assertThat(blocks(refs)).isEqualTo(expectedBlocks(new int[][] {{0, 3}, {1}, {2}}));
        assertThat(entries(refs)).containsExactly(
                new StackEntry("item-0", StackCoordinates.micros(JUNE_2), Layouts.scale(0), Layouts.OFFSET),
                new StackEntry("item-1", StackCoordinates.micros(JUNE_12), Layouts.scale(1), Layouts.OFFSET),
                new StackEntry("item-2", StackCoordinates.micros(JULY_2), Layouts.scale(2), Layouts.OFFSET));
    }

    @Test
    void reAppendingTheSameItemsChangesNothing() throws IOException {
        ManifestStore store = new LocalManifestStore(tmp.resolve("red.parq"));
        List<StackItem> items = List.of(Layouts.stackItem(0, JUNE_2), Layouts.stackItem(1, JUNE_12));
        ParquetTimeStack.appendInPlace(KEY, store, items, RECORD_SIZE);
        Map<String, byte[]> before = files(tmp.resolve("red.parq"));

        AppendResult again = ParquetTimeStack.appendInPlace(KEY, store, items, RECORD_SIZE);

        assertThat(again.changed()).isFalse();
        assertThat(again.duplicates()).containsExactly("item-0", "item-1");
        assertThat(files(tmp.resolve("red.parq"))).containsOnlyKeys(before.keySet());
        before.forEach((name, bytes) -> assertThat(files(tmp.resolve("red.parq")).get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void aLateItemGoesToItsSortedPlaceInANewStoreOpenedOnTheSameFolder() {
        ParquetTimeStack.appendInPlace(KEY, new LocalManifestStore(tmp.resolve("red.parq")),
                List.of(Layouts.stackItem(0, JUNE_2), Layouts.stackItem(2, JULY_2), Layouts.stackItem(3, AUGUST_1)),
                RECORD_SIZE);

        ManifestStore reopened = new LocalManifestStore(tmp.resolve("red.parq"));
        AppendResult late = ParquetTimeStack.appendInPlace(KEY, reopened,
                List.of(Layouts.stackItem(1, JUNE_12, 0), Layouts.stackItem(0, JUNE_2)), RECORD_SIZE);

        assertThat(late.appended()).containsExactly("item-1");
        assertThat(late.duplicates()).containsExactly("item-0");
        ReferenceSet refs = ParquetReferenceReader.open(reopened).orElseThrow().readAll();
        assertThat(entries(refs)).extracting(StackEntry::itemId).containsExactly("item-0", "item-1", "item-2", "item-3");
        assertThat(blocks(refs)).isEqualTo(expectedBlocks(new int[][] {{0}, {1, 0}, {2}, {3}}));
    }

    @Test
    void everyRecordFileHasRecordSizeRowsAcrossStepBoundaries() {
        ManifestStore store = new LocalManifestStore(tmp.resolve("red.parq"));
        ParquetTimeStack.appendInPlace(KEY, store, List.of(Layouts.stackItem(0, JUNE_2), Layouts.stackItem(1, JUNE_12),
                Layouts.stackItem(2, JULY_2)), RECORD_SIZE);
        ParquetReferenceReader reader = ParquetReferenceReader.open(store).orElseThrow();

        // 3 steps x 4 chunks = 12 chunks = 4 records of 3; chunk 5 (step 1, block 1) is row 2 of record 1.
        assertThat(tmp.resolve("red.parq/red")).isDirectoryContaining("glob:**/refs.3.parq")
                .isDirectoryNotContaining("glob:**/refs.4.parq");
        for (int r = 0; r < 4; r++) {
            assertThat(reader.record("red", r)).hasSize(RECORD_SIZE);
        }
        assertThat(reader.record("red", 1)[2]).isEqualTo(range(1, 1));
        assertThat(reader.record("time", 0)).hasSize(RECORD_SIZE);
        assertThat(reader.record("time", 0)[1]).isNull();
    }

    @Test
    void appendingToAFreshTargetGivesTheSameVersionAsInPlace() {
        List<StackItem> first = List.of(Layouts.stackItem(0, JUNE_2), Layouts.stackItem(2, JULY_2));
        List<StackItem> second = List.of(Layouts.stackItem(3, AUGUST_1), Layouts.stackItem(1, JUNE_12));
        ManifestStore inPlace = new LocalManifestStore(tmp.resolve("a/red.parq"));
        ParquetTimeStack.appendInPlace(KEY, inPlace, first, RECORD_SIZE);
        ParquetTimeStack.appendInPlace(KEY, inPlace, second, RECORD_SIZE);
        ManifestStore v1 = new LocalManifestStore(tmp.resolve("b/v1/red.parq"));
        ManifestStore v2 = new LocalManifestStore(tmp.resolve("b/v2/red.parq"));
        ParquetTimeStack.appendInPlace(KEY, v1, first, RECORD_SIZE);

        ParquetTimeStack.append(KEY, v1, v2, second, RECORD_SIZE);

        assertThat(files(tmp.resolve("b/v2/red.parq"))).containsOnlyKeys(files(tmp.resolve("a/red.parq")).keySet());
        assertThat(ParquetReferenceReader.open(v2).orElseThrow().readAll())
                .isEqualTo(ParquetReferenceReader.open(inPlace).orElseThrow().readAll());
        assertThat(entries(ParquetReferenceReader.open(v1).orElseThrow().readAll())).hasSize(2);
    }

    @Test
    void jsonAndParquetStacksHoldTheSameReferences() {
        List<StackItem> first = List.of(Layouts.stackItem(2, JULY_2), Layouts.stackItem(0, JUNE_2, 1));
        List<StackItem> late = List.of(Layouts.stackItem(1, JUNE_12));
        ManifestStore store = new LocalManifestStore(tmp);
        JsonTimeStack.append(KEY, store, KEY.jsonPath(), first);
        JsonTimeStack.append(KEY, store, KEY.jsonPath(), late);
        ManifestStore parquet = new LocalManifestStore(tmp.resolve(KEY.parquetRoot()));
        ParquetTimeStack.appendInPlace(KEY, parquet, first, RECORD_SIZE);
        ParquetTimeStack.appendInPlace(KEY, parquet, late, RECORD_SIZE);

        ReferenceSet json = KerchunkJsonReader.read(store.read(KEY.jsonPath()).orElseThrow(), KEY.jsonPath());
        assertThat(json).isEqualTo(ParquetReferenceReader.open(parquet).orElseThrow().readAll());
        assertThat(blocks(json)).isEqualTo(expectedBlocks(new int[][] {{0, 1}, {1}, {2}}));
        assertThat(json.metadata().get(".zattrs").get("stacstream").get("manifest").asText()).isEqualTo("time-stack");
        assertThat(json.metadata().get("red/.zattrs").get("coordinates").asText()).isEqualTo("item_id offset scale");
        assertThat(json.metadata().get("time/.zattrs").get("units").asText()).isEqualTo("microseconds since 1970-01-01");
    }

    @Test
    void anItemWithAnotherTilingIsRejectedWithTheFieldAndBothValues() {
        ManifestStore store = new LocalManifestStore(tmp.resolve("red.parq"));
        ParquetTimeStack.appendInPlace(KEY, store, List.of(Layouts.stackItem(0, JUNE_2)), RECORD_SIZE);
        StackItem other = Layouts.stackItem("other", JUNE_12, Layouts.tiled(20, 20, 20, Layouts.DEFLATE, 1,
                new long[] {500}, new long[] {60}), new BandValues(0.0, new double[] {1}, new double[] {0}));

        AppendResult result = ParquetTimeStack.appendInPlace(KEY, store, List.of(other), RECORD_SIZE);

        assertThat(result.changed()).isFalse();
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.itemId()).isEqualTo("other");
            assertThat(r.reason()).isEqualTo("chunks [1, 20, 20] differ from the stack's [1, 10, 10]");
        });
    }

    private static ChunkRef range(int k, int b) {
        return new ChunkRef.Range("s3://bucket/item-" + k + ".tif", Layouts.offset(k, b), Layouts.length(b));
    }

    /** Per time step: item number, then the blocks that are absent. */
    private static TreeMap<Long, ChunkRef> expectedBlocks(int[][] steps) {
        TreeMap<Long, ChunkRef> out = new TreeMap<>();
        for (int t = 0; t < steps.length; t++) {
            int k = steps[t][0];
            for (int b = 0; b < Layouts.BLOCKS; b++) {
                boolean sparse = false;
                for (int i = 1; i < steps[t].length; i++) {
                    sparse |= steps[t][i] == b;
                }
                if (!sparse) {
                    out.put((long) t * Layouts.BLOCKS + b, range(k, b));
                }
            }
        }
        return out;
    }

    @Test
    void appendChangesWritesOnlyWhatChangesAndLaidOverTheStackGivesTheNextVersion() throws IOException {
        List<StackItem> first = List.of(Layouts.stackItem(0, JUNE_2), Layouts.stackItem(1, JUNE_12),
                Layouts.stackItem(2, JULY_2));
        ManifestStore stack = new LocalManifestStore(tmp.resolve("stack/red.parq"));
        ManifestStore expected = new LocalManifestStore(tmp.resolve("expected/red.parq"));
        ParquetTimeStack.appendInPlace(KEY, stack, first, RECORD_SIZE);
        ParquetTimeStack.appendInPlace(KEY, expected, first, RECORD_SIZE);
        ManifestStore delta = new LocalManifestStore(tmp.resolve("delta"));

        ParquetTimeStack.appendChanges(KEY, stack, delta, List.of(Layouts.stackItem(3, AUGUST_1)), RECORD_SIZE);
        ParquetTimeStack.appendInPlace(KEY, expected, List.of(Layouts.stackItem(3, AUGUST_1)), RECORD_SIZE);

        // 3 steps x 4 chunks fill records 0-3 (3 rows each); step 3 is chunks 12-15, records 4 and 5.
        assertThat(files(tmp.resolve("delta")).keySet()).filteredOn(f -> f.startsWith("red/"))
                .containsExactly("red/refs.4.parq", "red/refs.5.parq");
        files(tmp.resolve("delta")).forEach((file, bytes) -> stack.write(file, bytes));
        FileTrees.assertSame(files(tmp.resolve("stack/red.parq")), files(tmp.resolve("expected/red.parq")),
                "the stack with the delta laid over it");
    }

    private static TreeMap<Long, ChunkRef> blocks(ReferenceSet refs) {
        return new TreeMap<>(refs.chunks("red"));
    }

    private static List<StackEntry> entries(ReferenceSet refs) {
        Map<String, byte[]> chunks = new TreeMap<>();
        StackCoordinates.NAMES.forEach(n -> chunks.put(n, ((ChunkRef.Inline) refs.chunks(n).get(0L)).data()));
        return StackState.decode(KEY, refs.metadata(), chunks, "test").entries();
    }

    private static Map<String, byte[]> files(Path root) {
        return FileTrees.read(root);
    }
}
