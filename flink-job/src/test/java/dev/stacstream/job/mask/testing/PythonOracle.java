package dev.stacstream.job.mask.testing;

import dev.stacstream.cog.testing.Prerequisites;
import dev.stacstream.cog.testing.PythonGdal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the kernels' Python oracles ({@code src/test/resources/oracle/*.py}) with Debian's interpreter, which
 * has numpy, GDAL's bindings and scipy. When they are missing the test fails on CI and is skipped elsewhere
 * ({@link Prerequisites}).
 */
public final class PythonOracle {

    private static final long TIMEOUT_SECONDS = 300;
    private static final String SCIPY_PROBE = "import scipy.signal, scipy.ndimage";
    private static volatile Boolean scipyUsable;

    private PythonOracle() {}

    /** Requires numpy and GDAL's Python bindings. */
    public static void requireNumpyAndGdal() {
        PythonGdal.require();
    }

    /** Requires numpy, GDAL's Python bindings and scipy. */
    public static void requireScipy() {
        PythonGdal.require();
        Prerequisites.require(scipyUsable(), "scipy (signal, ndimage) is not importable from " + PythonGdal.python()
                + "; the scipy oracle tests are skipped");
    }

    private static synchronized boolean scipyUsable() {
        if (scipyUsable == null) {
            try {
                Process p = new ProcessBuilder(PythonGdal.python(), "-c", SCIPY_PROBE).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                scipyUsable = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                scipyUsable = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while probing for scipy", e);
            }
        }
        return scipyUsable;
    }

    /**
     * Runs oracle script {@code name} (copied from the classpath into {@code dir}) with {@code args}; returns its
     * stdout and fails with its stderr when it exits non-zero.
     */
    public static String run(Path dir, String name, String... args) {
        Path script = PythonGdal.script(name, dir);
        List<String> command = new ArrayList<>();
        command.add(PythonGdal.python());
        command.add(script.toString());
        command.addAll(List.of(args));
        try {
            Path stderr = Files.createTempFile(dir, "oracle", ".stderr");
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("oracle " + command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("oracle " + command + " exited with " + process.exitValue() + ":\n"
                        + Files.readString(stderr));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run oracle " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running oracle " + command, e);
        }
    }

    /** Little-endian float64 values of a file the oracle wrote. */
    public static double[] readDoubles(Path file) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            double[] out = new double[b.remaining() / Double.BYTES];
            b.asDoubleBuffer().get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read oracle output " + file, e);
        }
    }

    /** The bytes of a file the oracle wrote. */
    public static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read oracle output " + file, e);
        }
    }

    /** Writes {@code text} to {@code file} (oracle specs). */
    public static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
