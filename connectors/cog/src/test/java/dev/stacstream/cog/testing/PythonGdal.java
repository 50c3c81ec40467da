package dev.stacstream.cog.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * The Python interpreter with GDAL's bindings ({@code osgeo.gdal}) and numpy that runs the oracle and
 * the matrix generator, and the scripts it runs (test resources under {@code /oracle/}, copied out of the
 * classpath so that they also work from the cog test-jar).
 *
 * <p>Debian's {@code /usr/bin/python3} has the bindings; the {@code python3} on PATH may not. Override with
 * system property {@value #PYTHON_PROPERTY}.
 */
public final class PythonGdal {

    /** System property naming the Python interpreter. */
    public static final String PYTHON_PROPERTY = "stacstream.python";
    /** Debian's interpreter, which has python3-gdal and python3-numpy. */
    public static final String DEFAULT_PYTHON = "/usr/bin/python3";

    private static final long PROBE_TIMEOUT_SECONDS = 60;
    private static final String PROBE = "from osgeo import gdal; import numpy; print(gdal.__version__)";

    /** GDAL's version, or {@code null} when the probe failed; probed once per JVM. */
    private static volatile String gdalVersion;
    private static volatile boolean probed;

    private PythonGdal() {}

    public static String python() {
        return System.getProperty(PYTHON_PROPERTY, DEFAULT_PYTHON);
    }

    /** Passes when Python, GDAL and numpy are usable; otherwise fails on CI and skips elsewhere. */
    public static void require() {
        Prerequisites.require(gdalVersion() != null, "GDAL's Python bindings (osgeo.gdal) and numpy are not usable from "
                + python() + " (set -D" + PYTHON_PROPERTY + "=<python with osgeo.gdal>); the GDAL oracle tests are skipped");
    }

    /** The GDAL version the oracle runs, e.g. {@code 3.6.2}, or {@code null} when GDAL is not available. */
    public static synchronized String gdalVersion() {
        if (!probed) {
            gdalVersion = probe();
            probed = true;
        }
        return gdalVersion;
    }

    private static String probe() {
        try {
            Process process = new ProcessBuilder(python(), "-c", PROBE).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            boolean exited = process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return exited && process.exitValue() == 0 && !output.isEmpty() ? output : null;
        } catch (IOException e) {
            return null; // no such interpreter: GDAL is not available, which require() reports
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing " + python() + " for GDAL", e);
        }
    }

    /**
     * Copies the script {@code /oracle/<name>} from the classpath into {@code dir}, under a name that includes
     * its content hash (so an edited script never reuses results cached by an older one).
     */
    public static Path script(String name, Path dir) {
        String resource = "/oracle/" + name;
        try (InputStream in = PythonGdal.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is not on the classpath");
            }
            byte[] bytes = in.readAllBytes();
            String base = name.substring(0, name.lastIndexOf('.'));
            Path target = dir.resolve(base + "-" + ContentHash.of(bytes) + ".py");
            if (!Files.exists(target)) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, base, ".tmp");
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + resource + " into " + dir, e);
        }
    }
}
