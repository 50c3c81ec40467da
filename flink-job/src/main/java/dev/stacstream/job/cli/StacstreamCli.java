package dev.stacstream.job.cli;

import dev.stacstream.cog.error.CogException;
import dev.stacstream.stac.client.StacException;
import dev.stacstream.storage.StorageException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code stacstream} command line: one launcher, one subcommand per task. Errors print one line that
 * names the input and the problem and exit non-zero; {@code --stacktrace} (or {@code STACSTREAM_STACKTRACE=1})
 * adds the stack trace.
 */
@Command(
        name = "stacstream",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Turns STAC feeds of Cloud-Optimized GeoTIFFs into Parquet tables and kerchunk manifests.",
        subcommands = {RunCommand.class, InspectCommand.class, ReadCommand.class, DiscoverCommand.class, RefsCommand.class, CommandLine.HelpCommand.class})
public final class StacstreamCli {

    /** Exit code for bad input (a file that is not a valid or supported TIFF, a missing object, ...). */
    public static final int EXIT_INPUT_ERROR = 1;
    /** Exit code for a command line that does not parse (picocli's convention). */
    public static final int EXIT_USAGE = 2;
    /** Exit code for a failure that is a bug or an environment problem rather than bad input. */
    public static final int EXIT_INTERNAL = 3;

    @Option(names = "--stacktrace", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error, not just its one-line message.")
    boolean stacktrace;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests in-process). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new StacstreamCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            StacstreamCli root = commandLine.getCommandSpec().root().userObject() instanceof StacstreamCli r ? r : null;
            boolean trace = (root != null && root.stacktrace) || "1".equals(System.getenv("STACSTREAM_STACKTRACE"));
            String command = commandLine.getCommandName();
            err.println("stacstream " + command + ": " + describe(ex));
            if (trace) {
                ex.printStackTrace(err);
            }
            err.flush();
            return exitCode(ex);
        });
        return cli.execute(args);
    }

    static String describe(Throwable ex) {
        if (ex instanceof CogException ce) {
            return ce.kind() + ": " + ce.getMessage();
        }
        if (ex instanceof StorageException se) {
            return "io: " + se.getMessage();
        }
        if (ex instanceof CliInputException) {
            return ex.getMessage();
        }
        if (ex instanceof StacException se) {
            return "stac: " + se.getMessage();
        }
        return "internal error: " + ex;
    }

    static int exitCode(Throwable ex) {
        return ex instanceof CogException || ex instanceof StorageException || ex instanceof CliInputException
                || ex instanceof StacException ? EXIT_INPUT_ERROR : EXIT_INTERNAL;
    }
}
