package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * GDAL as the oracle of the codec tests: {@code gdal_translate} writes the TIFFs and decodes the
 * reference pixels (as raw ENVI, native byte order, pixel-interleaved), and Debian's python3 bindings
 * tell where a block lies in the file. Tests call {@link #assumeInstalled()} first.
 */
final class GdalTool {

    private static final String TRANSLATE = "gdal_translate";
    /** Debian's interpreter, which has the osgeo bindings (the python3 on PATH may not). */
    private static final String PYTHON = "/usr/bin/python3";
    private static final long TIMEOUT_SECONDS = 120;
    private static final String FIRST_BLOCK_SCRIPT = String.join("\n",
            "import sys",
            "from osgeo import gdal",
            "dataset = gdal.Open(sys.argv[1])  # keep a reference: the band dies with its dataset",
            "band = dataset.GetRasterBand(1)",
            "print(band.GetMetadataItem('BLOCK_OFFSET_0_0', 'TIFF'))",
            "print(band.GetMetadataItem('BLOCK_SIZE_0_0', 'TIFF'))",
            "print(band.GetMetadataItem('JPEGTABLES', 'TIFF') or '')");

    private GdalTool() {
    }

    /** Skips the test when GDAL is missing; on CI ({@code CI=true}) a missing GDAL fails it instead. */
    static void assumeInstalled() {
        String problem = missingTool();
        if (problem == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("GDAL is required on CI, but " + problem);
        }
        Assumptions.abort("GDAL not installed: " + problem);
    }

    private static String missingTool() {
        try {
            if (exec(List.of(TRANSLATE, "--version")).exitCode() != 0) {
                return TRANSLATE + " --version failed";
            }
            if (exec(List.of(PYTHON, "-c", "import osgeo.gdal")).exitCode() != 0) {
                return PYTHON + " cannot import osgeo.gdal";
            }
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** {@code gdal_translate [options] in out}. */
    static void translate(Path in, Path out, List<String> options) {
        List<String> command = new ArrayList<>();
        command.add(TRANSLATE);
        command.add("-q");
        command.addAll(options);
        command.add(in.toString());
        command.add(out.toString());
        run(command);
    }

    /** The stored bytes of band 1's first block (tile or strip 0) and the file's JPEGTables, if any. */
    static StoredBlock firstBlock(Path tiff) {
        String[] lines = run(List.of(PYTHON, "-c", FIRST_BLOCK_SCRIPT, tiff.toString())).split("\n", -1);
        int offset = Integer.parseInt(lines[0].trim());
        int size = Integer.parseInt(lines[1].trim());
        String tables = lines[2].trim();
        try {
            byte[] file = Files.readAllBytes(tiff);
            return new StoredBlock(Arrays.copyOfRange(file, offset, offset + size),
                    tables.isEmpty() ? null : HexFormat.of().parseHex(tables.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GDAL's decoded samples of a window, pixel-interleaved, in native (little-endian) byte order. */
    static byte[] pixels(Path tiff, int x, int y, int width, int height, Path workDir) {
        Path raw = workDir.resolve(tiff.getFileName() + "." + x + "." + y + ".bin");
        translate(tiff, raw, List.of("-of", "ENVI", "-co", "INTERLEAVE=BIP",
                "-srcwin", String.valueOf(x), String.valueOf(y), String.valueOf(width), String.valueOf(height)));
        try {
            return Files.readAllBytes(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes little-endian, pixel-interleaved samples as an ENVI raster ({@code name.bin} + {@code name.hdr})
     * that gdal_translate can read.
     *
     * @param enviType ENVI data type code: 1 Byte, 2 Int16, 3 Int32, 4 Float32, 5 Float64, 12 UInt16
     */
    static Path writeEnvi(Path dir, String name, byte[] samples, int width, int height, int bands, int enviType) {
        Path bin = dir.resolve(name + ".bin");
        String header = String.join("\n", "ENVI",
                "samples = " + width, "lines = " + height, "bands = " + bands,
                "header offset = 0", "file type = ENVI Standard", "data type = " + enviType,
                "interleave = bip", "byte order = 0", "");
        try {
            Files.write(bin, samples);
            Files.writeString(dir.resolve(name + ".hdr"), header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bin;
    }

    /** A block's bytes as stored in the file, and the file's JPEGTables (null when absent). */
    record StoredBlock(byte[] bytes, byte[] jpegTables) {
    }

    private static String run(List<String> command) {
        try {
            Result result = exec(command);
            if (result.exitCode() != 0) {
                fail(String.join(" ", command) + " exited with " + result.exitCode() + ":\n" + result.output());
            }
            return result.output();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        }
    }

    private static Result exec(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
