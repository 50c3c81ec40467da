package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.cog.testing.Libdeflate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The inflater choice in JVMs started with and without the foreign-function flags (each case runs
 * {@link InflaterProbe} in a JVM of its own, on this test's class path): without them the reader falls back to
 * the JDK's zlib and says which flag is missing, never failing to link a {@code jdk.incubator.foreign} class;
 * {@code stacstream.inflate=libdeflate} fails with that reason instead.
 */
class InflaterFlagsProcessTest {

    private static final String ADD_MODULE = "--add-modules=jdk.incubator.foreign";
    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    enum Case {
        NO_FLAGS("auto", List.of(), true,
                "DEFLATE blocks inflate with the JDK's java.util.zip.Inflater (stacstream.inflate=auto and libdeflate"
                        + " cannot be used: module jdk.incubator.foreign is not loaded (JVM flag --add-modules"
                        + " jdk.incubator.foreign))"),
        MODULE_WITHOUT_NATIVE_ACCESS("auto", List.of(ADD_MODULE), true,
                "DEFLATE blocks inflate with the JDK's java.util.zip.Inflater (stacstream.inflate=auto and libdeflate"
                        + " cannot be used: native access is not enabled for unnamed module"),
        BOTH_FLAGS("auto", List.of(ADD_MODULE, NATIVE_ACCESS), true,
                "DEFLATE blocks inflate with libdeflate (stacstream.inflate=auto, libdeflate.so.0 opened)"),
        BOTH_FLAGS_JDK_ASKED_FOR("jdk", List.of(ADD_MODULE, NATIVE_ACCESS), true,
                "DEFLATE blocks inflate with the JDK's java.util.zip.Inflater (stacstream.inflate=jdk)"),
        LIBDEFLATE_ASKED_FOR_WITHOUT_FLAGS("libdeflate", List.of(), false,
                "java.lang.IllegalStateException: stacstream.inflate=libdeflate but libdeflate cannot be used: module"
                        + " jdk.incubator.foreign is not loaded (JVM flag --add-modules jdk.incubator.foreign)");

        final String mode;
        final List<String> flags;
        final boolean succeeds;
        /** The start of the probe's first line (or of the error it fails with). */
        final String says;

        Case(String mode, List<String> flags, boolean succeeds, String says) {
            this.mode = mode;
            this.flags = flags;
            this.succeeds = succeeds;
            this.says = says;
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void probeSaysWhichInflaterAndWhy(Case c) throws InterruptedException {
        if (c == Case.BOTH_FLAGS) {
            Libdeflate.require();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(c.flags);
        command.add("-D" + Inflaters.PROPERTY + "=" + c.mode);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(InflaterProbe.class.getName());

        Run run = run(command);

        assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isEqualTo(c.succeeds ? 0 : 1);
        if (c.succeeds) {
            assertThat(run.stdout()).as("stderr: %s", run.stderr()).startsWith(c.says).contains(InflaterProbe.DECODED);
        } else {
            assertThat(run.stderr()).contains(c.says).doesNotContain("NoClassDefFoundError");
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {}

    private Run run(List<String> command) throws InterruptedException {
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the probe JVM did not exit within " + TIMEOUT_SECONDS + " s: " + command);
            }
            return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the probe JVM " + command, e);
        }
    }
}
