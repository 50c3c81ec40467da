package dev.stacstream.sinks.kerchunk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.testing.TestCorpus;
import dev.stacstream.sinks.kerchunk.item.AssetSource;
import dev.stacstream.sinks.kerchunk.item.ItemManifest;
import dev.stacstream.sinks.kerchunk.item.ItemManifestBuilder;
import dev.stacstream.sinks.kerchunk.json.KerchunkJsonReader;
import dev.stacstream.sinks.kerchunk.json.KerchunkJsonWriter;
import dev.stacstream.sinks.kerchunk.zarr.ZarrArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every reference set kerchunk's {@code tiff_to_zarr} made from a corpus TIFF (MANIFEST.md "kerchunk references"),
 * compared with ours for the same file: the same arrays (shape, chunks, dtype, compressor, filters, fill value),
 * the same chunk keys (mapped from kerchunk's layout, {@code L/i.j} or {@code i.j}, to ours, {@code name/L/i.j}),
 * offsets and lengths. The golden JSON is read as JSON and compared structurally; the {@code .zarray} strings are
 * also compared as text, since ours are printed as tifffile prints them.
 */
class GoldenReferencesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "kerchunk/lcmap_tiny_cog_2019.tif.kerchunk.json",
        "kerchunk/lcmap_tiny_cog_2019.tif.kerchunk-v1.json",
        "rasters/geotiff/rasterio/rgb_lzw.tif.kerchunk.json",
        "rasters/geotiff/rasterio/rgb_lzw.tif.kerchunk-v1.json",
        "rasters/sentinel2/S2A_29RKH_20200219_0_L2A/B04.tif.kerchunk.json",
        "rasters/sentinel2/S2A_29RKH_20200219_0_L2A/B04.tif.kerchunk-v1.json",
        "rasters/sentinel2/S2A_29RKH_20200219_0_L2A/SCL.tif.kerchunk.json",
        "rasters/sentinel2/S2A_29RKH_20200219_0_L2A/SCL.tif.kerchunk-v1.json"})
    void referencesMatchKerchunks(String golden) throws IOException {
        TestCorpus corpus = TestCorpus.require();
        Path goldenFile = corpus.resolve(golden);
        Path tiff = goldenFile.resolveSibling(golden.substring(golden.lastIndexOf('/') + 1, golden.indexOf(".kerchunk")));
        ReferenceSet expected = KerchunkJsonReader.read(Files.readAllBytes(goldenFile), goldenFile.toString());
        byte[] ours = oursFor(tiff);
        ReferenceSet actual = KerchunkJsonReader.read(ours, "ours");

        boolean multiscale = expected.metadata().containsKey(ReferenceSet.ZGROUP);
        assertThat(expected.arrays()).as("golden arrays").isNotEmpty();
        assertThat(actual.arrays()).hasSameSizeAs(expected.arrays());
        for (Map.Entry<String, ZarrArray> e : expected.arrays().entrySet()) {
            String level = multiscale ? e.getKey() : "0";
            String ourPath = "v/" + level;
            ZarrArray mine = actual.arrays().get(ourPath);
            assertThat(mine).as("array %s", ourPath).isNotNull();
            assertThat(normalised(mine)).as("array %s", ourPath).isEqualTo(normalised(e.getValue()));
            assertThat(chunkTable(actual.chunks(ourPath))).as("chunks of %s", ourPath)
                    .isEqualTo(chunkTable(expected.chunks(e.getKey())))
                    .isNotEmpty();
            assertThat(zarrayText(ours, ourPath)).isEqualTo(zarrayText(Files.readAllBytes(goldenFile),
                    multiscale ? e.getKey() : ""));
        }
    }

    private static byte[] oursFor(Path tiff) {
        try (CogFile cog = CogFile.open(tiff.toString())) {
            ItemManifest manifest = ItemManifestBuilder.forFiles().add(AssetSource.of("v", tiff.toString(), cog)).build();
            assertThat(manifest.problems()).isEmpty();
            return KerchunkJsonWriter.toBytes(manifest.references());
        }
    }

    /** Compared as JSON values (an IntNode and a LongNode holding 0 are the same fill value). */
    private static JsonNode normalised(ZarrArray array) throws IOException {
        return JSON.readTree(JSON.writeValueAsString(array.toJson()));
    }

    /** Chunk number to "file name, offset, length": the URLs differ in directory (kerchunk wrote ./name). */
    private static NavigableMap<Long, String> chunkTable(NavigableMap<Long, ChunkRef> chunks) {
        NavigableMap<Long, String> out = new TreeMap<>();
        chunks.forEach((n, ref) -> {
            ChunkRef.Range r = (ChunkRef.Range) ref;
            String name = Path.of(r.url()).getFileName().toString();
            out.put(n, name + " " + r.offset() + " " + r.length());
        });
        return out;
    }

    private static String zarrayText(byte[] manifest, String path) throws IOException {
        JsonNode root = JSON.readTree(manifest);
        JsonNode refs = root.has("refs") ? root.get("refs") : root;
        return refs.get(ReferenceSet.key(path, ReferenceSet.ZARRAY)).textValue();
    }
}
