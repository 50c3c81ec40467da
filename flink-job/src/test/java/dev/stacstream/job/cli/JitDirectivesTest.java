package dev.stacstream.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conf/jit-directives.json}: {@code bin/stacstream} passes it to the JVM it starts (unless
 * {@code STACSTREAM_JIT=default}), the JVM accepts it (a malformed file would stop every command), C2 compiles the
 * project's code, and other code stays with C1.
 */
class JitDirectivesTest {

    private static final Path ROOT = Path.of(System.getProperty("stacstream.root", "..")).toAbsolutePath().normalize();
    private static final Path DIRECTIVES = ROOT.resolve("conf/jit-directives.json");

    /**
     * The JVM flags of {@code bin/stacstream}, run from a copy of the launcher with a built jar in place (so it does
     * not build) and a {@code java} on the PATH that prints its arguments.
     */
    @Test
    void theLauncherPassesTheDirectivesUnlessToldNotTo(@TempDir Path copy) throws Exception {
        Path directives = launcherCopy(copy);

        assertThat(launcherJavaArgs(copy, null)).contains("-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput",
                "-XX:CompilerDirectivesFile=" + directives, "-XX:-UseProfiledLoopPredicate");
        assertThat(launcherJavaArgs(copy, "default")).contains("--version")
                .noneMatch(a -> a.startsWith("-XX:CompilerDirectivesFile") || a.equals("-XX:-UseProfiledLoopPredicate"));
    }

    @Test
    void theJvmLoadsTheDirectives() throws Exception {
        Result r = java("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + DIRECTIVES, "-version");

        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("2 compiler directives added");
    }

    @Test
    void c2CompilesTheProjectsCodeOnly() throws Exception {
        Result r = java("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + DIRECTIVES,
                "-XX:+PrintCompilation", "-cp", System.getProperty("java.class.path"), JitProbe.class.getName());

        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("probe sum");
        // PrintCompilation: timestamp, compile id, flags, tier, method.
        assertThat(Pattern.compile("(?m)^\\s+\\d+\\s+\\d+\\s+[%sbn! ]*4\\s+dev\\.stacstream\\.job\\.cli\\.JitProbe::spin ")
                .matcher(r.output).find()).as("JitProbe.spin compiled by C2").isTrue();
        assertThat(Pattern.compile("(?m)^made not compilable on level 4\\s+java\\.\\S+ .*excluded by CompileCommand$")
                .matcher(r.output).find()).as("a hot JDK method kept from C2").isTrue();
        assertThat(Pattern.compile("(?m)^\\s+\\d+\\s+\\d+\\s+[%sbn! ]*4\\s+java\\.").matcher(r.output).find())
                .as("no JDK method compiled by C2 on its own").isFalse();
    }

    /** bin/stacstream and the directives under {@code copy}, with a jar it takes as built; returns the directives. */
    private static Path launcherCopy(Path copy) throws IOException {
        Files.createDirectories(copy.resolve("bin"));
        Files.createDirectories(copy.resolve("conf"));
        Files.createDirectories(copy.resolve("flink-job/target"));
        Files.copy(ROOT.resolve("bin/stacstream"), copy.resolve("bin/stacstream"));
        Path directives = Files.copy(DIRECTIVES, copy.resolve("conf/jit-directives.json"));
        Files.writeString(copy.resolve("pom.xml"), "");
        Files.writeString(copy.resolve("flink-job/target/stacstream.jar"), "");
        Files.writeString(copy.resolve("flink-job/target/flink-classpath.txt"), "");
        Path java = copy.resolve("fake-jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        java.toFile().setExecutable(true);
        return directives;
    }

    /** The arguments the launcher copy passes to java, one per line, with STACSTREAM_JIT unset or set. */
    private static List<String> launcherJavaArgs(Path copy, String jit) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", copy.resolve("bin/stacstream").toString(), "--version");
        pb.environment().put("PATH", copy.resolve("fake-jdk/bin") + ":" + System.getenv("PATH"));
        pb.environment().remove("STACSTREAM_JIT");
        pb.environment().remove("STACSTREAM_JAVA_OPTS");
        if (jit != null) {
            pb.environment().put("STACSTREAM_JIT", jit);
        }
        Result r = run(pb);
        assertThat(r.exit).as(r.output).isZero();
        return r.output.lines().toList();
    }

    private static Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(args));
        return run(new ProcessBuilder(command));
    }

    private static Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
    }
}
