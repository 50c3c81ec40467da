package dev.stacstream.sinks.kerchunk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.testing.TestCorpus;
import dev.stacstream.sinks.kerchunk.item.AssetProblem;
import dev.stacstream.sinks.kerchunk.item.AssetSource;
import dev.stacstream.sinks.kerchunk.item.BandValues;
import dev.stacstream.sinks.kerchunk.item.ChunkInliner;
import dev.stacstream.sinks.kerchunk.item.ItemInfo;
import dev.stacstream.sinks.kerchunk.item.ItemManifest;
import dev.stacstream.sinks.kerchunk.item.ItemManifestBuilder;
import dev.stacstream.sinks.kerchunk.item.RangeReaderChunkBytes;
import dev.stacstream.sinks.kerchunk.json.KerchunkJsonWriter;
import dev.stacstream.sinks.kerchunk.stack.JsonTimeStack;
import dev.stacstream.sinks.kerchunk.stack.StackItem;
import dev.stacstream.sinks.kerchunk.stack.StackKey;
import dev.stacstream.sinks.kerchunk.testing.GdalFixtures;
import dev.stacstream.sinks.kerchunk.testing.PythonZarrClient;
import dev.stacstream.sinks.kerchunk.tiff.LevelLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our JSON references opened by a real client, Debian's zarr + fsspec + xarray, and every level's values compared
 * with GDAL's decode of the same TIFF: corpus DEFLATE COGs and files {@code gdal_translate} writes for the layouts
 * that matter (chunky and planar bands, big-endian, NaN nodata, strips, sparse tiles, no compression), with small
 * chunks inlined; and a time stack of three Sentinel-2 bands read along its time axis.
 */
class PythonClientITCase {

    private static final List<String> CORPUS = List.of(
            "rasters/sentinel2/S2A_29RKH_20200219_0_L2A/B04.tif",
            "rasters/sentinel2/S2A_29RKH_20200219_0_L2A/SCL.tif",
            "kerchunk/lcmap_tiny_cog_2019.tif",
            "rasters/geotiff/rio-tiler/cog_int16.tif",
            "rasters/geotiff/rio-cogeo/image_rioCOG_gdal3.1.tif");
    /** Inlines SCL's overview tiles (39 to 85 bytes, binary: base64 in the JSON) among others. */
    private static final int INLINE_THRESHOLD = 100;
    private static final String SCENE = "rasters/sentinel2/S2A_29RKH_20200219_0_L2A";

    @TempDir
    static Path tmp;
    private static TestCorpus corpus;

    @BeforeAll
    static void requireClient() {
        corpus = TestCorpus.require();
        PythonZarrClient.require();
        GdalFixtures.requireGdalTranslate();
    }

    @Test
    void everyLevelOfEveryFileReadsAsGdalDecodesIt() throws IOException {
        List<Path> files = new ArrayList<>();
        CORPUS.forEach(rel -> files.add(corpus.resolve(rel)));
        Path sceneDir = corpus.resolve(SCENE + "/B04.tif").getParent();
        for (GdalFixtures.Fixture f : GdalFixtures.ALL) {
            files.add(GdalFixtures.generate(f, sceneDir, tmp));
        }
        ItemManifestBuilder builder = ItemManifestBuilder.forFiles()
                .inline(new ChunkInliner(INLINE_THRESHOLD, RangeReaderChunkBytes.defaults()));
        ArrayNode checks = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String group = "f" + i;
            try (CogFile cog = CogFile.open(file.toString())) {
                AssetSource asset = AssetSource.of(group, file.toString(), cog);
                builder.add(asset);
                for (int level = 0; level < cog.levels().size(); level++) {
                    LevelLayout layout = asset.levels().get(level);
                    boolean sparse = IntStream.range(0, layout.blockCount()).anyMatch(layout::isSparse);
                    checks.addObject().put("group", group).put("level", level).put("tiff", file.toString())
                            .put("absent_chunks", sparse);
                }
            }
        }
        ItemManifest manifest = builder.build();
        assertThat(manifest.problems()).isEmpty();
        Path refs = Files.write(tmp.resolve("files.json"), KerchunkJsonWriter.toBytes(manifest.references()));

        JsonNode results = PythonZarrClient.check(refs, checks, tmp);

        assertThat(results).hasSize(checks.size());
        for (JsonNode r : results) {
            String what = r.get("tiff").asText() + " level " + r.get("level").asInt();
            assertThat(r.get("zarr_equal").asBoolean()).as("zarr read of %s equals GDAL", what).isTrue();
            assertThat(r.get("xarray_equal").asBoolean()).as("xarray read of %s equals GDAL", what).isTrue();
            assertThat(r.get("nonzero").asLong()).as("%s has data", what).isPositive();
        }
        assertThat(inlinedChunks(manifest.references())).as("chunks inlined").isPositive();
        String sparse = "f" + (CORPUS.size() + GdalFixtures.ALL.indexOf(GdalFixtures.ALL.stream()
                .filter(f -> f.name().contains("sparse")).findFirst().orElseThrow()));
        assertThat(manifest.references().chunks(sparse + "/0")).as("sparse tiles are omitted")
                .hasSizeLessThan((int) manifest.references().arrays().get(sparse + "/0").grid().size());
        assertThat(results).extracting(r -> r.get("dtype").asText()).contains(">u2", "<f4", "<i2", "|u1", "<u2");
        assertThat(results).filteredOn(r -> r.get("absent_chunks").asBoolean()).isNotEmpty();
    }

    @Test
    void aTimeStackOfThreeBandsReadsAlongTimeAsGdalDecodesEach() throws IOException {
        Path sceneDir = corpus.resolve(SCENE + "/B04.tif").getParent();
        Map<String, Instant> items = Map.of(
                "B02", Instant.parse("2023-06-12T10:00:00.123456Z"),
                "B03", Instant.parse("2023-07-02T10:00:00Z"),
                "B04", Instant.parse("2023-06-02T10:00:00Z"));
        StackKey key = new StackKey("sentinel-2-l2a", "29RKH", "red");
        LocalManifestStore store = new LocalManifestStore(tmp);
        for (String band : List.of("B02", "B03", "B04")) {
            Path file = sceneDir.resolve(band + ".tif");
            try (CogFile cog = CogFile.open(file.toString())) {
                AssetSource asset = AssetSource.of("red", file.toString(), cog)
                        .withValues(new BandValues(0.0, new double[] {1e-4}, new double[] {band.equals("B02") ? -0.1 : 0}));
                JsonTimeStack.append(key, store, key.jsonPath(),
                        List.of(new StackItem(new ItemInfo("S2_" + band, items.get(band), "sentinel-2-l2a"), asset)));
            }
        }
        ArrayNode checks = JsonNodeFactory.instance.arrayNode();
        List<String> order = List.of("B04", "B02", "B03");
        for (int t = 0; t < order.size(); t++) {
            checks.addObject().put("stack", "red").put("time", t).put("tiff", sceneDir.resolve(order.get(t) + ".tif")
                    .toString());
        }

        JsonNode results = PythonZarrClient.check(tmp.resolve(key.jsonPath()), checks, tmp);

        assertThat(results).hasSize(3);
        for (int t = 0; t < 3; t++) {
            JsonNode r = results.get(t);
            assertThat(r.get("zarr_equal").asBoolean()).as("time %d zarr", t).isTrue();
            assertThat(r.get("xarray_equal").asBoolean()).as("time %d xarray", t).isTrue();
            assertThat(r.get("item_id").asText()).isEqualTo("S2_" + order.get(t));
            assertThat(r.get("time_dtype").asText()).isEqualTo("datetime64[ns]");
            assertThat(r.get("scale").asDouble()).isEqualTo(1e-4);
        }
        assertThat(results.get(0).get("datetime").asText()).isEqualTo("2023-06-02T10:00:00.000000000");
        assertThat(results.get(1).get("datetime").asText()).isEqualTo("2023-06-12T10:00:00.123456000");
        assertThat(results.get(1).get("offset").asDouble()).isEqualTo(-0.1);
    }

    @Test
    void incompleteStripsAreReportedNotReferenced() {
        Path file = corpus.resolve("rasters/geotiff/rasterio/rgb_deflate.tif");
        try (CogFile cog = CogFile.open(file.toString())) {
            ItemManifest m = ItemManifestBuilder.forItem(new ItemInfo("x", Instant.EPOCH, null))
                    .add(AssetSource.of("rgb", file.toString(), cog)).build();
            assertThat(m.groups()).isEmpty();
            assertThat(m.problems()).singleElement().extracting(AssetProblem::reason).isEqualTo(
                    "incomplete chunks are not supported by the fsspec ReferenceFileSystem: ImageLength 718 is not a"
                            + " multiple of RowsPerStrip 3");
            assertThat(m.references().metadata()).containsOnlyKeys(".zgroup", ".zattrs");
        }
    }

    private static long inlinedChunks(ReferenceSet refs) {
        return refs.arrays().keySet().stream().flatMap(p -> refs.chunks(p).values().stream())
                .filter(ChunkRef.Inline.class::isInstance).count();
    }
}
