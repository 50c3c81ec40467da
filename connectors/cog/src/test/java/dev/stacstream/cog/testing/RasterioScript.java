package dev.stacstream.cog.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python oracle script that needs rasterio (GDAL and PROJ through Python) with the test Python
 * ({@link PythonGdal#python()}): {@code python -c SCRIPT input output}. The script gets a guard in front that exits
 * with a known status when rasterio cannot be imported, which skips the calling test (or fails it on CI, as
 * {@link Prerequisites} does); any other non-zero exit fails it with what the script printed.
 */
public final class RasterioScript {

    private static final int NO_RASTERIO_EXIT = 3;
    private static final long TIMEOUT_SECONDS = 120;
    private static final String GUARD = String.join("\n",
            "import sys",
            "try:",
            "    import rasterio",
            "except ImportError as e:",
            "    print('rasterio is not importable:', e)",
            "    sys.exit(" + NO_RASTERIO_EXIT + ")",
            "");

    private RasterioScript() {}

    /**
     * Runs {@code script} on {@code input}, writing {@code output}; returns what the script printed.
     *
     * @param oracle what the oracle is, for the skip message (e.g. "the PROJ oracle")
     */
    public static String run(String oracle, String script, Path input, Path output) throws IOException,
            InterruptedException {
        Path log = output.resolveSibling(output.getFileName() + ".log");
        Process process;
        try {
            process = new ProcessBuilder(PythonGdal.python(), "-c", GUARD + script, input.toString(), output.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            Prerequisites.require(false, "cannot run " + PythonGdal.python() + " (" + e.getMessage() + ", set -D"
                    + PythonGdal.PYTHON_PROPERTY + "=<python with rasterio>); " + oracle + " test is skipped");
            throw e;
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(oracle + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        String messages = Files.readString(log, StandardCharsets.UTF_8).trim();
        Prerequisites.require(process.exitValue() != NO_RASTERIO_EXIT, "rasterio is not usable from "
                + PythonGdal.python() + " (" + messages + "; set -D" + PythonGdal.PYTHON_PROPERTY
                + "=<python with rasterio>); " + oracle + " test is skipped");
        assertThat(process.exitValue()).as("exit status of %s, which said: %s", oracle, messages).isZero();
        return messages;
    }
}
