package dev.stacstream.sinks.kerchunk.testing;

import dev.stacstream.cog.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * COGs written by {@code gdal_translate} at test time from corpus files, one per layout the references must get
 * right with the codecs Debian's zarr has (zlib, none): chunky and planar multi-band, big-endian, float with NaN
 * nodata, complete strips, sparse tiles. Self-describing names; nothing is committed.
 */
public final class GdalFixtures {

    private static final long TIMEOUT_SECONDS = 120;

    private GdalFixtures() {}

    /** One generated file: its name and the {@code gdal_translate} options that make it from {@code source}. */
    public record Fixture(String name, String source, List<String> options) {}

    /** The fixtures, relative to the corpus directory of the Sentinel-2 scene. */
    public static final List<Fixture> ALL = List.of(
            new Fixture("tci_u8_3band_chunky_deflate_tile256_cog.tif", "TCI.tif",
                    List.of("-of", "COG", "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=NO", "-co", "BLOCKSIZE=256")),
            new Fixture("tci_u16_3band_planar_bigendian_deflate_tile256.tif", "TCI.tif",
                    List.of("-ot", "UInt16", "-co", "TILED=YES", "-co", "BLOCKXSIZE=256", "-co", "BLOCKYSIZE=256",
                            "-co", "COMPRESS=DEFLATE", "-co", "INTERLEAVE=BAND", "-co", "ENDIANNESS=BIG")),
            new Fixture("b04_f32_nodata_nan_deflate_tile512.tif", "B04.tif",
                    List.of("-ot", "Float32", "-a_nodata", "nan", "-co", "TILED=YES", "-co", "BLOCKXSIZE=512",
                            "-co", "BLOCKYSIZE=512", "-co", "COMPRESS=DEFLATE")),
            new Fixture("b04_u16_deflate_strips61.tif", "B04.tif",
                    List.of("-co", "COMPRESS=DEFLATE", "-co", "BLOCKYSIZE=61")),
            new Fixture("b04_u16_deflate_tile256_sparse.tif", "B04.tif",
                    List.of("-srcwin", "700", "700", "1000", "1000", "-a_nodata", "0", "-co", "TILED=YES",
                            "-co", "BLOCKXSIZE=256", "-co", "BLOCKYSIZE=256", "-co", "COMPRESS=DEFLATE",
                            "-co", "SPARSE_OK=TRUE")),
            new Fixture("scl_u8_uncompressed_tile256.tif", "SCL.tif",
                    List.of("-co", "TILED=YES", "-co", "BLOCKXSIZE=256", "-co", "BLOCKYSIZE=256",
                            "-co", "COMPRESS=NONE")));

    /** Writes {@code fixture} into {@code dir} from the scene in {@code sceneDir}; returns its path. */
    public static Path generate(Fixture fixture, Path sceneDir, Path dir) {
        Path out = dir.resolve(fixture.name());
        List<String> command = new ArrayList<>(List.of("gdal_translate", "-q"));
        command.addAll(fixture.options());
        command.add(sceneDir.resolve(fixture.source()).toString());
        command.add(out.toString());
        run(command);
        return out;
    }

    /** Fails (on CI) or skips the test when {@code gdal_translate} cannot run. */
    public static void requireGdalTranslate() {
        boolean ok;
        try {
            Process p = new ProcessBuilder("gdal_translate", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted probing gdal_translate", e);
        }
        Prerequisites.require(ok, "gdal_translate (GDAL's command line tools) is not on PATH");
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }
}
