package dev.stacstream.sinks.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.sinks.kerchunk.LocalManifestStore;
import dev.stacstream.sinks.kerchunk.ManifestStore;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.item.AssetProblem;
import dev.stacstream.sinks.kerchunk.item.AssetSource;
import dev.stacstream.sinks.kerchunk.item.BandValues;
import dev.stacstream.sinks.kerchunk.item.ItemInfo;
import dev.stacstream.sinks.kerchunk.json.KerchunkJsonReader;
import dev.stacstream.sinks.kerchunk.parquet.ParquetReferenceReader;
import dev.stacstream.sinks.kerchunk.stack.StackContents;
import dev.stacstream.sinks.kerchunk.stack.StackKey;
import dev.stacstream.sinks.kerchunk.testing.Layouts;
import dev.stacstream.sinks.testing.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing batches of items as the committer does: item manifests and time stacks in both forms, late items in
 * their place, idempotence, and recovery from a failure at every single file change.
 */
class ManifestPublisherTest {

    private static final String TILE = "33UVU";
    private static final StackKey RED = new StackKey("sentinel-2-l2a", TILE, "red");
    private static final Instant JUNE_2 = Instant.parse("2023-06-02T10:00:00Z");
    private static final Instant JUNE_12 = Instant.parse("2023-06-12T10:00:00Z");
    private static final Instant AUGUST_1 = Instant.parse("2023-08-01T10:00:00Z");
    /** Smaller than one item's 4 chunks, so time steps straddle Parquet record files. */
    private static final ManifestOptions OPTIONS = new ManifestOptions(true, true, 3);
    /** CCITT Group 3: no zarr codec reads it. */
    private static final int CCITT_T4 = 3;

    @TempDir
    Path tmp;

    @Test
    void publishesEachItemAndItsTimeStackInBothFormsWithLateItemsInTheirPlace() {
        ManifestStore store = new LocalManifestStore(tmp);
        ManifestPublisher publisher = new ManifestPublisher(store, OPTIONS);

        PublishReport first = publisher.publish(List.of(item(0, JUNE_12), item(2, AUGUST_1)));
        PublishReport second = publisher.publish(List.of(item(1, JUNE_2)));

        assertThat(first).isEqualTo(new PublishReport(2, 2, 0, List.of()));
        assertThat(second).isEqualTo(new PublishReport(1, 1, 0, List.of()));
        assertThat(steps(store)).containsExactly(
                new StackContents.Step("item-1", JUNE_2), new StackContents.Step("item-0", JUNE_12),
                new StackContents.Step("item-2", AUGUST_1));
        assertThat(parquetSteps(store)).isEqualTo(steps(store));
        for (String id : List.of("item-0", "item-1", "item-2")) {
            ReferenceSet item = KerchunkJsonReader.read(store.read("sentinel-2-l2a/items/" + id + ".json").orElseThrow(),
                    id);
            assertThat(item.arrays()).containsOnlyKeys("red/0");
            assertThat(ParquetReferenceReader.open(store.under("sentinel-2-l2a/items/" + id + ".parq")).orElseThrow()
                    .readAll().chunks("red/0")).isEqualTo(item.chunks("red/0"));
        }
        assertThat(files(tmp).keySet()).as("no staging folder left").noneMatch(f -> f.contains(".staging"));
    }

    @Test
    void publishingTheSameBatchAgainChangesNoFile() {
        ManifestPublisher publisher = new ManifestPublisher(new LocalManifestStore(tmp), OPTIONS);
        List<ItemReferences> batch = List.of(item(0, JUNE_12), item(1, JUNE_2));
        publisher.publish(batch);
        Map<String, byte[]> before = files(tmp);

        PublishReport again = publisher.publish(batch);

        assertThat(again).isEqualTo(new PublishReport(2, 0, 2, List.of()));
        FileTrees.assertSame(files(tmp), before, "the manifests after publishing again");
    }

    /**
     * The committer's situation after a crash: the publish of a batch stopped at some file change, and Flink commits
     * the same batch again after the restore. For every possible stopping point, the second publish must end with
     * exactly the files of a run that never failed.
     */
    @Test
    void aPublishInterruptedAtAnyFileChangeIsCompletedByPublishingAgain() throws IOException {
        List<ItemReferences> earlier = List.of(item(0, JUNE_12), item(2, AUGUST_1));
        List<ItemReferences> batch = List.of(item(1, JUNE_2), item(3, AUGUST_1.plusSeconds(1)));
        Path reference = tmp.resolve("reference");
        ManifestPublisher healthy = new ManifestPublisher(new LocalManifestStore(reference), OPTIONS);
        healthy.publish(earlier);
        healthy.publish(batch);
        Map<String, byte[]> expected = files(reference);

        int points = 0;
        for (int failAt = 0; ; failAt++) {
            Path dir = tmp.resolve("run-" + failAt);
            LocalManifestStore store = new LocalManifestStore(dir);
            new ManifestPublisher(store, OPTIONS).publish(earlier);
            FaultyStore faulty = new FaultyStore(store, failAt);
            try {
                new ManifestPublisher(faulty, OPTIONS).publish(batch);
            } catch (UncheckedIOException e) {
                assertThat(e).hasMessageContaining("injected failure");
            }
            if (!faulty.failed()) {
                break;
            }
            points++;
            new ManifestPublisher(store, OPTIONS).publish(batch);
            FileTrees.assertSame(files(dir), expected, "the manifests after a failure at change " + failAt);
        }
        assertThat(points).as("failure points exercised").isGreaterThan(20);
    }

    @Test
    void anAssetNoCodecCanExpressIsLeftOutOfTheManifestAndItsStackAndReportedAtPlanTime() {
        ItemReferences good = item(0, JUNE_12);
        AssetSource fax = new AssetSource("fax", "s3://bucket/fax.tif", List.of(Layouts.tiled(Layouts.SIZE,
                Layouts.SIZE, Layouts.TILE, CCITT_T4, 1, new long[] {10, 20, 30, 40}, new long[] {5, 5, 5, 5})),
                null, 0, new BandValues(null, new double[] {1}, new double[] {0}));
        ItemReferences refs = new ItemReferences(good.item(), TILE, List.of(good.assets().get(0), fax));
        ManifestStore store = new LocalManifestStore(tmp);

        List<AssetProblem> problems = refs.manifest().problems();
        new ManifestPublisher(store, OPTIONS).publish(List.of(refs));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.asset()).isEqualTo("fax");
            assertThat(p.wholeAsset()).isTrue();
            assertThat(p.message()).contains("s3://bucket/fax.tif").contains("compression 3");
        });
        ReferenceSet item = KerchunkJsonReader.read(store.read("sentinel-2-l2a/items/item-0.json").orElseThrow(), "item");
        assertThat(item.arrays()).containsOnlyKeys("red/0");
        assertThat(store.read("sentinel-2-l2a/" + TILE + "/fax.json")).isEmpty();
        assertThat(store.read(RED.jsonPath())).isPresent();
    }

    @Test
    void anItemWhoseTilesDifferFromTheStacksIsRejectedWithTheReasonAndTheOthersAreStacked() {
        ManifestPublisher publisher = new ManifestPublisher(new LocalManifestStore(tmp), OPTIONS);
        publisher.publish(List.of(item(0, JUNE_12)));
        AssetSource bigTiles = new AssetSource("red", "s3://bucket/odd.tif", List.of(Layouts.tiled(Layouts.SIZE,
                Layouts.SIZE, Layouts.SIZE, Layouts.DEFLATE, 1, new long[] {10}, new long[] {5})), null, 0,
                new BandValues(0.0, new double[] {1}, new double[] {0}));
        ItemReferences odd = new ItemReferences(new ItemInfo("odd", JUNE_2, "sentinel-2-l2a"), TILE, List.of(bigTiles));

        PublishReport report = publisher.publish(List.of(odd, item(1, AUGUST_1)));

        assertThat(report.appended()).isEqualTo(1);
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.stack()).isEqualTo(RED);
            assertThat(r.message()).contains("odd").contains("chunks");
        });
        assertThat(steps(new LocalManifestStore(tmp))).extracting(StackContents.Step::itemId)
                .containsExactly("item-0", "item-1");
        assertThat(new LocalManifestStore(tmp).read("sentinel-2-l2a/items/odd.json")).as("its own manifest").isPresent();
    }

    @Test
    void optionsMustWriteAtLeastOneForm() {
        assertThatThrownBy(() -> new ManifestOptions(false, false, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither JSON nor Parquet");
    }

    /** Item {@code k} of {@link Layouts} on {@link #TILE}: asset {@code red}, 4 blocks. */
    static ItemReferences item(int k, Instant time) {
        var stackItem = Layouts.stackItem(k, time);
        ItemInfo info = new ItemInfo("item-" + k, time, "sentinel-2-l2a");
        return new ItemReferences(info, TILE, List.of(stackItem.asset()));
    }

    static List<StackContents.Step> steps(ManifestStore store) {
        return StackContents.steps(RED, KerchunkJsonReader.read(store.read(RED.jsonPath()).orElseThrow(), "stack"),
                "stack");
    }

    static List<StackContents.Step> parquetSteps(ManifestStore store) {
        return StackContents.steps(RED, ParquetReferenceReader.open(store.under(RED.parquetRoot())).orElseThrow()
                .readAll(), "stack");
    }

    static Map<String, byte[]> files(Path root) {
        return FileTrees.read(root);
    }
}
