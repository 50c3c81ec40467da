package dev.stacstream.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacstream.cog.testing.GdalOracle;
import dev.stacstream.cog.testing.OracleDescription;
import dev.stacstream.cog.testing.OracleRaster;
import dev.stacstream.cog.testing.OracleWindow;
import dev.stacstream.cog.testing.TestCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code inspect} and {@code read} commands run in-process, checked against GDAL's view of the same files. */
class CliITCase {

    private static final Path FIXTURE = Path.of(System.getProperty("stacstream.root", "..")).resolve(
            "test-data/cog/s2like_b04_uint16_deflate_pred2_tile256_1000x1000.tif").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @BeforeAll
    static void requireGdal() {
        GdalOracle.requireGdal();
    }

    private record Result(int exit, String out, String err) {}

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StacstreamCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void inspectDescribesTheFixtureAsGdalSeesIt() throws IOException {
        Result r = cli("inspect", FIXTURE.toString());
        assertThat(r.exit).as(r.err).isZero();
        JsonNode doc = JSON.readTree(r.out);
        OracleDescription gdal = GdalOracle.shared().describe(FIXTURE);

        assertThat(doc.get("byte_order").asText()).isEqualTo("little-endian");
        assertThat(doc.get("bigtiff").asBoolean()).isFalse();
        assertThat(doc.get("header_requests").asInt()).isEqualTo(1);
        assertThat(doc.get("levels")).hasSize(gdal.levels().size());
        for (int i = 0; i < gdal.levels().size(); i++) {
            assertThat(doc.get("levels").get(i).get("width").asInt()).isEqualTo(gdal.levels().get(i).width());
            assertThat(doc.get("levels").get(i).get("height").asInt()).isEqualTo(gdal.levels().get(i).height());
        }
        assertThat(doc.get("cog_layout").get("valid").asBoolean()).as(doc.get("cog_layout").toString()).isTrue();
        assertThat(doc.get("gdal_structural_metadata").get("LAYOUT").asText()).isEqualTo("IFDS_BEFORE_DATA");

        JsonNode ifd0 = doc.get("ifds").get(0);
        assertThat(ifd0.get("kind").asText()).isEqualTo("image");
        assertThat(ifd0.get("layout").asText()).isEqualTo("tiled");
        assertThat(ifd0.get("block_width").asInt()).isEqualTo(gdal.levels().get(0).blockWidth());
        assertThat(ifd0.get("dtype").asText()).isEqualTo(gdal.levels().get(0).dtype());
        assertThat(ifd0.get("compression").get("name").asText()).isEqualTo("DEFLATE");
        assertThat(ifd0.get("predictor").asInt()).isEqualTo(2);
        assertThat(ifd0.get("nodata").asDouble()).isEqualTo(0.0);
        assertThat(ifd0.get("epsg").asInt()).isEqualTo(32629);
        assertThat(ifd0.get("scale").get(0).asDouble()).isEqualTo(0.0001);
        assertThat(ifd0.get("offset").get(0).asDouble()).isEqualTo(-0.1);
        assertThat(JSON.convertValue(ifd0.get("geotransform"), double[].class))
                .containsExactly(300000, 10, 0, 3100020, 0, -10);
        assertThat(ifd0.has("blocks")).isFalse();
    }

    @Test
    void inspectBlocksListsEveryBlockRange() throws IOException {
        Result r = cli("inspect", "--blocks", FIXTURE.toString());
        assertThat(r.exit).as(r.err).isZero();
        JsonNode ifd0 = JSON.readTree(r.out).get("ifds").get(0);
        JsonNode blocks = ifd0.get("blocks");
        assertThat(blocks).hasSize(ifd0.get("block_count").asInt()).hasSize(16);
        long fileSize = Files.size(FIXTURE);
        for (JsonNode b : blocks) {
            assertThat(b.get(0).asLong()).isPositive();
            assertThat(b.get(0).asLong() + b.get(1).asLong()).isLessThanOrEqualTo(fileSize);
        }
    }

    @ParameterizedTest(name = "read level {0} window {1}")
    @CsvSource(delimiter = ';', value = {"0; ", "1; ", "2; ", "0;250,250,20,30", "1;100,37,300,200"})
    void readWritesExactlyWhatGdalDecodes(int level, String window) throws IOException {
        Path out = tmp.resolve("px.raw");
        Result r = window == null
                ? cli("read", FIXTURE.toString(), "--level", Integer.toString(level), "--out", out.toString())
                : cli("read", FIXTURE.toString(), "--level", Integer.toString(level), "--window", window, "--out", out.toString());
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains(out.toString());

        OracleRaster gdal = window == null ? GdalOracle.shared().read(FIXTURE, level)
                : GdalOracle.shared().read(FIXTURE, level, parse(window));
        JsonNode meta = JSON.readTree(out.resolveSibling("px.raw.json").toFile());
        assertThat(meta.get("dtype").asText()).isEqualTo("uint16");
        assertThat(JSON.convertValue(meta.get("shape"), int[].class))
                .containsExactly(gdal.pixels().bands(), gdal.pixels().height(), gdal.pixels().width());
        assertThat(meta.get("nodata").asDouble()).isEqualTo(0.0);
        assertThat(meta.get("epsg").asInt()).isEqualTo(32629);
        assertThat(Files.readAllBytes(out)).isEqualTo(gdal.pixels().data());
    }

    @Test
    void readOfABigEndianPlanarCorpusFileMatchesGdal() throws IOException {
        TestCorpus corpus = TestCorpus.require();
        for (String rel : new String[] {"rasters/geotiff/async-tiff/minisblack-1c-16b.tiff",
            "rasters/geotiff/rasterio/rgb_deflate.tif"}) {
            Path file = corpus.resolve(rel);
            Path out = tmp.resolve(file.getFileName() + ".raw");
            Result r = cli("read", file.toString(), "--out", out.toString());
            assertThat(r.exit).as(r.err).isZero();
            assertThat(Files.readAllBytes(out)).as(rel).isEqualTo(GdalOracle.shared().read(file, 0).pixels().data());
        }
    }

    @Test
    void nonTiffInputIsOneLineNamingTheFileAndTheProblem() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "just some text, not an image\n");
        Result r = cli("inspect", text.toString());
        assertThat(r.exit).isEqualTo(StacstreamCli.EXIT_INPUT_ERROR);
        assertThat(r.err.strip().lines()).hasSize(1);
        assertThat(r.err).contains("malformed").contains(text.toString()).contains("not a TIFF");
    }

    @Test
    void aMissingFileIsAnIoErrorNamingIt() {
        String missing = tmp.resolve("nope.tif").toString();
        Result r = cli("read", missing, "--out", tmp.resolve("x.raw").toString());
        assertThat(r.exit).isEqualTo(StacstreamCli.EXIT_INPUT_ERROR);
        assertThat(r.err.strip().lines()).hasSize(1);
        assertThat(r.err).contains(missing);
    }

    @Test
    void aLevelThatDoesNotExistIsMisuse() {
        Result r = cli("read", FIXTURE.toString(), "--level", "7", "--out", tmp.resolve("x.raw").toString());
        assertThat(r.exit).isEqualTo(StacstreamCli.EXIT_INPUT_ERROR);
        assertThat(r.err).contains("misuse").contains("level 7 does not exist").contains(FIXTURE.toString());
    }

    @Test
    void aBadWindowIsNamed() {
        Result r = cli("read", FIXTURE.toString(), "--window", "1,2,3", "--out", tmp.resolve("x.raw").toString());
        assertThat(r.exit).isEqualTo(StacstreamCli.EXIT_INPUT_ERROR);
        assertThat(r.err).contains("--window").contains("COL,ROW,W,H");
        Result outside = cli("read", FIXTURE.toString(), "--window", "900,900,200,10", "--out", tmp.resolve("x.raw").toString());
        assertThat(outside.err).contains("misuse").contains("outside level 0");
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        Result r = cli("read", FIXTURE.toString());
        assertThat(r.exit).isEqualTo(StacstreamCli.EXIT_USAGE);
        assertThat(r.err).contains("--out");
    }

    @Test
    void stackTracesOnlyWhenAsked() throws IOException {
        Path text = Files.writeString(tmp.resolve("bad.tif"), "II*\0garbage");
        assertThat(cli("inspect", text.toString()).err).doesNotContain("\tat ");
        assertThat(cli("--stacktrace", "inspect", text.toString()).err).contains("\tat dev.stacstream");
    }

    private static OracleWindow parse(String w) {
        String[] p = w.split(",");
        return new OracleWindow(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]));
    }
}
