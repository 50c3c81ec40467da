package dev.stacstream.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacstream.cog.testing.TestCorpus;
import dev.stacstream.sinks.kerchunk.ChunkRef;
import dev.stacstream.sinks.kerchunk.LocalManifestStore;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.json.KerchunkJsonReader;
import dev.stacstream.sinks.kerchunk.parquet.ParquetReferenceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code stacstream refs} run in-process: COG URIs and a STAC item file to kerchunk JSON and Parquet, the references
 * checked against kerchunk's own for the same file and against the item; bad input gives one line and exit 1.
 */
class RefsCommandITCase {

    private static final Path ROOT = Path.of(System.getProperty("stacstream.root", "..")).toAbsolutePath().normalize();
    private static final Path ITEM = ROOT.resolve(
            "test-data/catalog/sentinel-2-l2a/S2B_33UVU_20230602_0_L2A/S2B_33UVU_20230602_0_L2A.json");
    private static final String SCENE = "rasters/sentinel2/S2A_29RKH_20200219_0_L2A/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private record Result(int exit, String out, String err) {}

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StacstreamCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void cogUrisBecomeOneGroupPerFileWithKerchunksChunks() throws IOException {
        TestCorpus corpus = TestCorpus.require();
        Path b04 = corpus.resolve(SCENE + "B04.tif");
        Path out = tmp.resolve("scene.json");

        Result r = cli("refs", b04.toString(), corpus.resolve(SCENE + "SCL.tif").toString(), "--out", out.toString());

        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains(out.toString()).contains("2 group(s)");
        ReferenceSet ours = KerchunkJsonReader.read(Files.readAllBytes(out), out.toString());
        ReferenceSet kerchunk = KerchunkJsonReader.read(Files.readAllBytes(corpus.resolve(SCENE
                + "B04.tif.kerchunk-v1.json")), "golden");
        assertThat(ours.arrays()).containsOnlyKeys("B04/0", "B04/1", "B04/2", "SCL/0", "SCL/1");
        for (String level : List.of("0", "1", "2")) {
            assertThat(offsets(ours.chunks("B04/" + level))).as("B04 level %s", level)
                    .isEqualTo(offsets(kerchunk.chunks(level)));
            assertThat(((ChunkRef.Range) ours.chunks("B04/" + level).firstEntry().getValue()).url())
                    .isEqualTo(b04.toString());
        }
        assertThat(ours.metadata().get(".zattrs").get("stacstream").get("manifest").asText()).isEqualTo("files");
    }

    @Test
    void aStacItemBecomesOneGroupPerCogAssetWithItsBandValues() throws IOException {
        Path out = tmp.resolve("item.json");

        Result r = cli("refs", ITEM.toString(), "--out", out.toString());

        assertThat(r.exit).as(r.err).isZero();
        ReferenceSet refs = KerchunkJsonReader.read(Files.readAllBytes(out), out.toString());
        JsonNode root = refs.metadata().get(".zattrs");
        assertThat(root.get("item_id").asText()).isEqualTo("S2B_33UVU_20230602_0_L2A");
        assertThat(root.get("collection").asText()).isEqualTo("sentinel-2-l2a");
        assertThat(root.get("datetime").asText()).isEqualTo("2023-06-02T10:06:19.024Z");
        assertThat(refs.metadata()).containsKeys("red/.zgroup", "nir/.zgroup", "scl/.zgroup");
        JsonNode red = refs.metadata().get("red/.zattrs");
        assertThat(red.get("epsg").asInt()).isEqualTo(32633);
        assertThat(red.get("nodata").asInt()).isZero();
        assertThat(red.get("scale").get(0).asDouble()).isEqualTo(0.0001);
        assertThat(red.get("offset").get(0).asDouble()).isEqualTo(-0.1);
        assertThat(red.get("multiscales").get(0).get("datasets")).hasSize(refs.arrays().keySet().stream()
                .filter(p -> p.startsWith("red/")).toList().size());
        JsonNode red0 = refs.metadata().get("red/0/.zattrs");
        assertThat(red0.get("scale_factor").asDouble()).isEqualTo(0.0001);
        assertThat(red0.get("add_offset").asDouble()).isEqualTo(-0.1);
        assertThat(refs.metadata().get("red/0/.zarray").get("filters").get(0).get("id").asText())
                .isEqualTo("imagecodecs_delta");
        assertThat(refs.metadata().get("scl/.zattrs").has("scale")).isFalse();
        assertThat(refs.metadata().get("scl/1/.zattrs").get("_ARRAY_DIMENSIONS").toString()).isEqualTo("[\"y1\",\"x1\"]");
        ChunkRef.Range first = (ChunkRef.Range) refs.chunks("scl/0").firstEntry().getValue();
        assertThat(first.url()).isEqualTo(ITEM.resolveSibling("SCL.tif").toUri().toString());
    }

    @Test
    void parquetOutputHoldsTheSameReferencesAsJson() throws IOException {
        Path json = tmp.resolve("item.json");
        Path parquet = tmp.resolve("item.parq");
        assertThat(cli("refs", ITEM.toString(), "--out", json.toString()).exit).isZero();

        Result r = cli("refs", ITEM.toString(), "--out", parquet.toString(), "--format", "parquet",
                "--record-size", "5");

        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains("record size 5");
        ParquetReferenceReader reader = ParquetReferenceReader.open(new LocalManifestStore(parquet)).orElseThrow();
        assertThat(reader.recordSize()).isEqualTo(5);
        assertThat(parquet.resolve("red/0/refs.0.parq")).isRegularFile();
        assertThat(reader.readAll()).isEqualTo(KerchunkJsonReader.read(Files.readAllBytes(json), json.toString()));
    }

    @Test
    void smallChunksAreInlinedAsBase64() throws IOException {
        Path out = tmp.resolve("inline.json");

        Result r = cli("refs", ITEM.resolveSibling("SCL.tif").toString(), "--out", out.toString(),
                "--inline-threshold", "2000");

        assertThat(r.exit).as(r.err).isZero();
        JsonNode refs = JSON.readTree(out.toFile()).get("refs");
        List<String> inline = new java.util.ArrayList<>();
        refs.fields().forEachRemaining(e -> {
            if (!e.getKey().contains(".z") && e.getValue().isTextual()) {
                inline.add(e.getValue().asText());
            }
        });
        assertThat(inline).isNotEmpty().allSatisfy(v -> assertThat(v).startsWith("base64:"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "not a TIFF;notes.txt;malformed",
        "incomplete strips;CORPUS:rasters/geotiff/rasterio/rgb_deflate.tif;incomplete chunks are not supported",
        "missing file;nope.tif;io:",
        "broken item JSON;item.json;malformed JSON"})
    void badInputIsOneLineNamingItAndExitsOne(String what, String input, String expected) throws IOException {
        Path file;
        if (input.startsWith("CORPUS:")) {
            file = TestCorpus.require().resolve(input.substring("CORPUS:".length()));
        } else {
            file = tmp.resolve(input);
            if (!input.startsWith("nope")) {
                Files.writeString(file, input.endsWith(".json") ? "{\"type\": \"Feature\", " : "just some text\n");
            }
        }

        Result r = cli("refs", file.toString(), "--out", tmp.resolve("out.json").toString());

        assertThat(r.exit).as(what).isEqualTo(StacstreamCli.EXIT_INPUT_ERROR);
        assertThat(r.err.strip().lines()).as(r.err).hasSize(1);
        assertThat(r.err).startsWith("stacstream refs: ").contains(file.toString()).contains(expected);
        assertThat(tmp.resolve("out.json")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "--record-size;0;--record-size 0 is not a positive",
        "--inline-threshold;-1;--inline-threshold -1 is negative",
        "--format;xml;Invalid value for option '--format'"})
    void badOptionsAreRejected(String option, String value, String expected) {
        Result r = cli("refs", ITEM.toString(), "--out", tmp.resolve("o.parq").toString(), option, value);

        assertThat(r.exit).isIn(StacstreamCli.EXIT_INPUT_ERROR, StacstreamCli.EXIT_USAGE);
        assertThat(r.err).contains(expected);
    }

    @Test
    void aParquetFolderWithJsonInItsPathIsRefused() {
        Result r = cli("refs", ITEM.toString(), "--out", tmp.resolve("refs.json.d").toString(), "--format", "parquet");

        assertThat(r.exit).isEqualTo(StacstreamCli.EXIT_INPUT_ERROR);
        assertThat(r.err).contains("must not have '.json' in its path");
    }

    private static Map<Long, String> offsets(Map<Long, ChunkRef> chunks) {
        Map<Long, String> out = new TreeMap<>();
        chunks.forEach((n, ref) -> out.put(n, ((ChunkRef.Range) ref).offset() + "+" + ((ChunkRef.Range) ref).length()));
        return out;
    }
}
