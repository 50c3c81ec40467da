package dev.stacstream.job.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.testing.TestCorpus;
import dev.stacstream.sinks.kerchunk.item.AssetSource;
import dev.stacstream.sinks.kerchunk.item.ItemInfo;
import dev.stacstream.sinks.manifest.ItemReferences;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.storage.CountingRangeReader;
import dev.stacstream.storage.RangeReaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plans the real Sentinel-2 corpus scene (B04/B08 at 100 m in 512 blocks, SCL at 200 m) with its real STAC item. */
class ItemPlannerTest {

    private static Path scene;
    private static StacItem item;

    @BeforeAll
    static void loadItem() throws IOException {
        scene = TestCorpus.require()
                .resolve("rasters/sentinel2/S2A_29RKH_20200219_0_L2A/S2A_29RKH_20200219_0_L2A.json").getParent();
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(scene.resolve("S2A_29RKH_20200219_0_L2A.json").toFile());
        // The recorded hrefs point at the public bucket; this machine has the same files on disk.
        for (Map.Entry<String, String> e : Map.of("red", "B04.tif", "nir", "B08.tif", "scl", "SCL.tif").entrySet()) {
            ((ObjectNode) json.get("assets").get(e.getKey())).put("href", scene.resolve(e.getValue()).toUri().toString());
        }
        item = StacItem.fromNode(json);
    }

    private static List<BlockTask> plan(PlanOptions options, List<CountingRangeReader> opened) {
        return planWithReferences(options, opened).tasks();
    }

    private static ItemPlan planWithReferences(PlanOptions options, List<CountingRangeReader> opened) {
        return new ItemPlanner(options, href -> {
            CountingRangeReader r = new CountingRangeReader(RangeReaders.open(href));
            opened.add(r);
            return r;
        }).plan(item);
    }

    @Test
    void theItemsReferencesComeFromTheSameHeaderReads() {
        List<CountingRangeReader> opened = new ArrayList<>();
        ItemPlan plan = planWithReferences(new PlanOptions(List.of("red", "nir"), "scl", 0, 0, true), opened);

        assertThat(opened).hasSize(3).allSatisfy(r -> assertThat(r.stats().requests()).isEqualTo(1));
        ItemReferences refs = plan.references();
        assertThat(refs.item()).isEqualTo(ItemInfo.of(item));
        assertThat(refs.tile()).isEqualTo("MGRS-29RKH");
        assertThat(refs.assets()).extracting(AssetSource::name).containsExactly("red", "nir", "scl");
        for (AssetSource asset : refs.assets()) {
            try (CogFile cog = CogFile.open(asset.href())) {
                assertThat(asset).isEqualTo(AssetSource.of(item.assets().get(asset.name()), cog));
            }
        }
        assertThat(refs.manifest().problems()).isEmpty();
    }

    /**
     * The SCL (200 m, 512 blocks) has half the bands' resolution (100 m, 512 blocks), so one SCL block covers 2 x 2
     * band blocks, and a window spans those 2 x 2 blocks: 1098 px in windows of 1024 are 2 x 2 windows, and each SCL
     * block is read by exactly one of them.
     */
    @Test
    void windowsSpanTheBandBlocksOneMaskBlockCovers() {
        List<CountingRangeReader> opened = new ArrayList<>();
        List<BlockTask> tasks = plan(new PlanOptions(List.of("red", "nir"), "scl", 0, 0, true), opened);

        assertThat(tasks).hasSize(4);
        assertThat(tasks).allSatisfy(t -> assertThat(t.windows()).isEqualTo(new WindowGrid(1098, 1098, 1024, 1024)));
        assertThat(opened).hasSize(3).allSatisfy(r -> assertThat(r.stats().requests()).isEqualTo(1));
        BlockTask first = tasks.get(0);
        assertThat(first.tile()).isEqualTo("MGRS-29RKH"); // grid:code
        assertThat(first.assets()).extracting(AssetWindow::band).containsExactly("red", "nir", "scl");
        AssetWindow red = first.assets().get(0);
        assertThat(red.window()).isEqualTo(new PixelWindow(0, 0, 1024, 1024));
        assertThat(red.blocks()).extracting(b -> b.blockCol() + "," + b.blockRow()).containsExactly("0,0", "1,0", "0,1", "1,1");
        assertThat(red.nodata()).isEqualTo(0.0);
        assertThat(red.scale()).isEqualTo(0.0001);
        AssetWindow mask = first.assets().get(2);
        assertThat(mask.role()).isEqualTo(AssetRole.MASK);
        assertThat(mask.window()).isEqualTo(new PixelWindow(0, 0, 512, 512));
        assertThat(mask.blocks()).hasSize(1);
        assertThat(mask.geoTransform()).containsExactly(199980, 200, 0, 2800020, 0, -200);
        assertThat(tasks.get(1).assets().get(0).window()).isEqualTo(new PixelWindow(1024, 0, 74, 1024));
        assertThat(tasks.get(1).assets().get(0).blocks()).hasSize(2);
        BlockTask last = tasks.get(3);
        assertThat(last.assets().get(0).window()).isEqualTo(new PixelWindow(1024, 1024, 74, 74));
        assertThat(last.assets().get(2).window()).isEqualTo(new PixelWindow(512, 512, 37, 37));
        List<Integer> maskBlocks = new ArrayList<>();
        tasks.forEach(t -> t.assets().get(2).blocks().forEach(b -> maskBlocks.add(b.index())));
        assertThat(maskBlocks).containsExactly(0, 1, 2, 3);
    }

    @Test
    void withoutAMaskEachBandBlockIsAWindow() {
        List<BlockTask> tasks = plan(new PlanOptions(List.of("red", "nir"), null, 0, 0, false), new ArrayList<>());

        assertThat(tasks).hasSize(9); // 1098 px in 512 blocks: 3 x 3
        assertThat(tasks.get(4).assets()).hasSize(2);
        assertThat(tasks.get(4).assets().get(0).window()).isEqualTo(new PixelWindow(512, 512, 512, 512));
        assertThat(tasks.get(4).assets().get(0).blocks()).hasSize(1);
    }

    @Test
    void theMaskHaloWidensTheMaskWindowWithinTheImage() {
        List<BlockTask> tasks = plan(new PlanOptions(List.of("red"), "scl", 0, 5, false), new ArrayList<>());
        assertThat(tasks.get(0).assets().get(1).window()).isEqualTo(new PixelWindow(0, 0, 517, 517));
        assertThat(tasks.get(0).assets().get(1).blocks()).hasSize(4); // the halo reaches into the neighbouring blocks
        assertThat(tasks.get(3).assets().get(1).window()).isEqualTo(new PixelWindow(507, 507, 42, 42));
        assertThat(tasks.get(0).assets().get(0).scale()).isNull();
    }

    @Test
    void anOverviewLevelPicksTheMaskLevelOfTheSameResolution() {
        List<BlockTask> tasks = plan(new PlanOptions(List.of("red"), "scl", 1, 0, false), new ArrayList<>());
        AssetWindow mask = tasks.get(0).assets().get(1);
        assertThat(tasks.get(0).assets().get(0).geoTransform()[1]).isEqualTo(200.0);
        assertThat(mask.level()).isZero();
        assertThat(mask.window()).isEqualTo(tasks.get(0).assets().get(0).window());
    }

    @Test
    void aMissingBandNamesTheItemAndTheAssetsThereAre() {
        assertThatThrownBy(() -> plan(new PlanOptions(List.of("thermal"), null, 0, 0, false), new ArrayList<>()))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("item S2A_29RKH_20200219_0_L2A").hasMessageContaining("no asset for 'thermal'")
                .extracting(e -> ((PlanException) e).kind()).isEqualTo("missing-asset");
    }

    @Test
    void anAssetThatIsNotACogIsMalformedWithItsHref() throws IOException {
        Path text = Files.createTempFile("not-a-cog", ".tif");
        Files.writeString(text, "not a tiff");
        ObjectNode json = (ObjectNode) item.toNode();
        ((ObjectNode) json.get("assets").get("red")).put("href", text.toUri().toString());
        StacItem broken = StacItem.fromNode(json);
        assertThatThrownBy(() -> new ItemPlanner(new PlanOptions(List.of("red"), null, 0, 0, false), RangeReaders::open)
                .plan(broken))
                .isInstanceOf(PlanException.class).hasMessageContaining(text.toUri().toString())
                .extracting(e -> ((PlanException) e).kind()).isEqualTo("malformed");
        Files.delete(text);
    }

    /**
     * A mask whose pixel is not a whole multiple of the bands' (here the Landsat corpus QA_PIXEL, 600.08 m, as the
     * SCL of 100 m bands) cannot be mapped onto them: the item is not planned, and the error names the mask asset.
     */
    @Test
    void aMaskThatIsNotAWholeMultipleOfTheBandsIsMisaligned() {
        Path qa = TestCorpus.require().resolve("rasters/landsat/LC08_L2SP_001062_20201031_20201106_02_T2/QA_PIXEL.TIF");
        ObjectNode json = (ObjectNode) item.toNode();
        ((ObjectNode) json.get("assets").get("scl")).put("href", qa.toUri().toString());
        StacItem odd = StacItem.fromNode(json);

        assertThatThrownBy(() -> new ItemPlanner(new PlanOptions(List.of("red"), "scl", 0, 0, false), RangeReaders::open)
                .plan(odd))
                .isInstanceOf(PlanException.class).hasMessageContaining("asset scl")
                .hasMessageContaining("is not a whole multiple of the band pixel size 100.0")
                .extracting(e -> ((PlanException) e).kind()).isEqualTo("misaligned");
    }
}
