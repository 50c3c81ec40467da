package dev.stacstream.sinks.kerchunk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.stacstream.cog.testing.Prerequisites;
import dev.stacstream.cog.testing.PythonGdal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * A real kerchunk client: Debian's {@code python3-zarr}, {@code python3-fsspec} and {@code python3-xarray} (with
 * GDAL's bindings for the expected values) running {@code kerchunk/read_references.py}. Missing packages fail the
 * test on CI ({@code CI=true}, where {@code .ci/run} installs them) and skip it elsewhere, saying what to install.
 */
public final class PythonZarrClient {

    private static final long TIMEOUT_SECONDS = 600;
    private static final String PROBE = "import zarr, fsspec, xarray, numcodecs; from osgeo import gdal";
    private static final String SCRIPT = "/kerchunk/read_references.py";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonZarrClient() {}

    /** Passes when the client can run; otherwise fails on CI and skips elsewhere. */
    public static void require() {
        Prerequisites.require(run(PythonGdal.python(), "-c", PROBE).exit == 0, "the kerchunk client tests need "
                + PythonGdal.python() + " with zarr, fsspec, xarray and GDAL: apt-get install -y python3-zarr"
                + " python3-fsspec python3-xarray python3-gdal");
    }

    /** Runs the checks ({@code [{"group", "level", "tiff"} | {"stack", "time", "tiff"}]}) against {@code refs}. */
    public static JsonNode check(Path refs, ArrayNode checks, Path workDir) throws IOException {
        Path script = workDir.resolve("read_references.py");
        try (InputStream in = PythonZarrClient.class.getResourceAsStream(SCRIPT)) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path checksFile = workDir.resolve("checks-" + System.nanoTime() + ".json");
        JSON.writeValue(checksFile.toFile(), checks);
        Result r = run(PythonGdal.python(), script.toString(), refs.toString(), checksFile.toString());
        if (r.exit != 0) {
            throw new AssertionError("read_references.py failed (exit " + r.exit + "):\n" + r.output);
        }
        String last = r.output.strip().lines().reduce((a, b) -> b).orElse("");
        return JSON.readTree(last).get("checks");
    }

    private record Result(int exit, String output) {}

    private static Result run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + TIMEOUT_SECONDS + " s: " + output);
            }
            return new Result(p.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command[0], e);
        }
    }
}
