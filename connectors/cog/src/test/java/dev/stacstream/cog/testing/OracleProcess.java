package dev.stacstream.cog.testing;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One long-lived {@code gdal_dump.py} server: a request is one tab-separated line on its stdin, the reply
 * one line on its stdout ({@code ok} or {@code err<TAB>message}). Starting Python and importing GDAL once
 * per test run instead of once per request keeps the conformance suite fast.
 *
 * <p>GDAL's own warnings go to a log file, whose path error messages name. Requests are serialized; the
 * process ends when the JVM closes its stdin (or on {@link #close()}).
 */
final class OracleProcess implements AutoCloseable {

    private static final String OK = "ok";
    private static final String ERROR_PREFIX = "err\t";

    private final Process process;
    private final BufferedWriter requests;
    private final BufferedReader replies;
    private final Path log;

    private OracleProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static OracleProcess start(Path script, Path log) {
        try {
            Process process = new ProcessBuilder(PythonGdal.python(), script.toString())
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new OracleProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + PythonGdal.python() + " " + script, e);
        }
    }

    /**
     * Sends one request and waits for its reply.
     *
     * @throws IllegalStateException when GDAL reports an error or the process died
     */
    synchronized void request(String... fields) {
        String line = String.join("\t", fields);
        String reply;
        try {
            requests.write(line);
            requests.newLine();
            requests.flush();
            reply = replies.readLine();
        } catch (IOException e) {
            throw new IllegalStateException("GDAL oracle process failed on request '" + line + "' (log: " + log + ")", e);
        }
        if (reply == null) {
            throw new IllegalStateException("GDAL oracle process ended on request '" + line + "' (log: " + log + ")");
        }
        if (reply.startsWith(ERROR_PREFIX)) {
            throw new IllegalStateException("GDAL could not answer '" + line + "': " + reply.substring(ERROR_PREFIX.length()));
        }
        if (!reply.equals(OK)) {
            throw new IllegalStateException("GDAL oracle replied '" + reply + "' to '" + line + "' (log: " + log + ")");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public synchronized void close() {
        try {
            requests.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the GDAL oracle's stdin", e);
        } finally {
            process.destroy();
        }
    }
}
