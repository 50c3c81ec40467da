package dev.stacstream.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code conf/jit-directives.json}, which {@code bin/stacstream} passes to every JVM it starts: the JVM accepts it
 * (a malformed file would stop every command), C2 compiles the project's code, and other code stays with C1.
 */
class JitDirectivesTest {

    private static final Path ROOT = Path.of(System.getProperty("stacstream.root", "..")).toAbsolutePath().normalize();
    private static final Path DIRECTIVES = ROOT.resolve("conf/jit-directives.json");

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

    private static Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
    }
}
