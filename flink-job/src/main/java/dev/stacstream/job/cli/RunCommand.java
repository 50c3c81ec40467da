package dev.stacstream.job.cli;

import dev.stacstream.cog.codec.Inflaters;
import dev.stacstream.job.config.PipelineConfig;
import dev.stacstream.job.config.PipelineConfigException;
import dev.stacstream.job.features.FeatureFileException;
import dev.stacstream.job.config.PipelineConfigLoader;
import dev.stacstream.job.operators.JobProgress;
import dev.stacstream.job.topology.EmbeddedFlink;
import dev.stacstream.job.topology.JobEnvironment;
import dev.stacstream.job.topology.StacstreamTopology;
import dev.stacstream.sinks.ParquetTables;
import dev.stacstream.storage.StorageOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stacstream run --pipeline FILE [--set key=value]... [--parallelism N]}: runs the job on the embedded
 * local Flink (web UI on localhost), prints progress on stderr, and a summary with where the tables are.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a pipeline on the embedded local Flink. A bounded pipeline ends when its items are done.")
final class RunCommand implements Callable<Integer> {

    private static final long PROGRESS_INTERVAL_MILLIS = 2000;

    @Spec
    CommandSpec spec;

    @Option(names = "--pipeline", required = true, paramLabel = "FILE", description = "The pipeline YAML file.")
    Path pipeline;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a pipeline key; the value is YAML, "
            + "e.g. --set 'assets.bands=[red,nir]'. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--parallelism", paramLabel = "N", description = "Parallelism (default: job.parallelism, else the cores).")
    Integer parallelism;

    @Override
    public Integer call() throws Exception {
        List<String> overrides = new ArrayList<>(sets);
        if (parallelism != null) {
            overrides.add("job.parallelism=" + parallelism);
        }
        PipelineConfig config;
        try {
            config = PipelineConfigLoader.load(pipeline, overrides);
        } catch (PipelineConfigException e) {
            throw new CliInputException(e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        int uiPort = config.job().webUi() ? JobEnvironment.freePort() : 0;
        // The embedded Flink starts on its own thread while this one builds the job (EmbeddedFlink).
        EmbeddedFlink flink = EmbeddedFlink.start(JobEnvironment.configuration(config), uiPort);
        warmUpInflater();
        JobClient job;
        long start;
        try {
            StreamExecutionEnvironment env = flink.environment();
            StacstreamTopology.build(env, config, StorageOptions.defaults());
            start = System.nanoTime();
            job = env.executeAsync(config.job().name());
        } catch (FeatureFileException e) {
            flink.close();
            throw new CliInputException(pipeline + ": extract." + e.kind() + ": " + e.getMessage(), e);
        } catch (Throwable e) {
            // Not submitted: shut the cluster down here, or its threads would keep the JVM alive.
            flink.close();
            throw e;
        }
        err.printf("stacstream: job %s started on the embedded Flink%s%n", job.getJobID(),
                uiPort > 0 ? " (web UI http://localhost:" + uiPort + ")" : "");
        CompletableFuture<JobExecutionResult> result = job.getJobExecutionResult();
        while (!awaitDone(result, PROGRESS_INTERVAL_MILLIS)) {
            try {
                err.println(progressLine(job.getAccumulators().get(PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS),
                        seconds(start)));
            } catch (Exception e) {
                // The job may finish between the check and the request; the loop condition ends it.
            }
        }
        Map<String, Object> finalCounts = result.get().getAllAccumulatorResults();
        String root = config.output().root().toString();
        if (config.source().bounded()) {
            ParquetTables.removeAbandonedInProgressFiles(root);
        }
        out.print(summary(finalCounts, seconds(start), root, config));
        out.flush();
        return 0;
    }

    /**
     * Chooses the DEFLATE inflater on a background thread while the embedded Flink starts: binding libdeflate sets up
     * method handles for about 0.25 s, which would otherwise delay the first window of every decode task. The
     * choice is JVM-wide and the embedded job runs in this JVM, so the tasks find it made.
     */
    private static void warmUpInflater() {
        Thread warmUp = new Thread(Inflaters::selected, "stacstream-inflater-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Waits up to {@code millis} for the job to end: returns as soon as it does (a bounded run's summary is not held
     * back by the progress interval), or false when the interval passed first.
     */
    private static boolean awaitDone(CompletableFuture<JobExecutionResult> result, long millis) throws InterruptedException {
        try {
            result.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true; // the caller's result.get() reports the failure
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String progressLine(Map<String, Object> a, double seconds) {
        long bytes = JobProgress.get(a, JobProgress.BYTES_READ);
        return String.format(Locale.ROOT, "  %6.1f s  items %d  windows %d/%d  read %.1f MB (%.1f MB/s)  errors %d",
                seconds, JobProgress.get(a, JobProgress.ITEMS), JobProgress.get(a, JobProgress.WINDOWS_DONE),
                JobProgress.get(a, JobProgress.WINDOWS_PLANNED), bytes / 1e6, bytes / 1e6 / Math.max(seconds, 1e-3),
                JobProgress.get(a, JobProgress.ERRORS));
    }

    static String summary(Map<String, Object> a, double seconds, String root, PipelineConfig config) {
        boolean grid = config.hasGrid();
        boolean points = config.hasPoints();
        boolean polygons = config.hasPolygons();
        boolean manifests = !config.output().manifests().isEmpty();
        long pixels = JobProgress.get(a, JobProgress.PIXELS);
        long valid = JobProgress.get(a, JobProgress.PIXELS_VALID);
        long observations = JobProgress.get(a, JobProgress.POINT_OBSERVATIONS);
        long validObservations = JobProgress.get(a, JobProgress.POINT_OBSERVATIONS_VALID);
        String base = display(root.endsWith("/") ? root : root + "/");
        String first = base + (grid ? "grid_stats/" : points ? "points/" : "pixels/");
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """
                stacstream: done in %.1f s
                  items    %d
                  windows  %d of %d planned
                  read     %.1f MB of blocks
                """, seconds, JobProgress.get(a, JobProgress.ITEMS), JobProgress.get(a, JobProgress.WINDOWS_DONE),
                JobProgress.get(a, JobProgress.WINDOWS_PLANNED), JobProgress.get(a, JobProgress.BYTES_READ) / 1e6));
        if (grid) {
            out.append(String.format(Locale.ROOT, "  valid    %.1f %% of %,d band pixels%n",
                    pixels == 0 ? 0.0 : 100.0 * valid / pixels, pixels));
        }
        if (points) {
            out.append(String.format(Locale.ROOT, "  points   %,d observations (point x band x item), %.1f %% valid%n",
                    observations, observations == 0 ? 0.0 : 100.0 * validObservations / observations));
        }
        List<String> rows = new ArrayList<>();
        if (grid) {
            rows.add(String.format(Locale.ROOT, "%,d grid_stats rows", JobProgress.get(a, JobProgress.ROWS)));
        }
        if (points) {
            rows.add(String.format(Locale.ROOT, "%,d points rows", JobProgress.get(a, JobProgress.POINT_ROWS)));
        }
        if (polygons) {
            rows.add(String.format(Locale.ROOT, "%,d pixels rows", JobProgress.get(a, JobProgress.PIXEL_ROWS)));
        }
        rows.add(JobProgress.get(a, JobProgress.ERRORS) + " error rows");
        out.append("  rows     ").append(String.join(", ", rows)).append('\n');
        out.append("  tables   ").append(grid ? base + "grid_stats/  " : "").append(points ? base + "points/  " : "")
                .append(polygons ? base + "pixels/  " : "").append(base).append("errors/\n");
        out.append(String.format(Locale.ROOT,
                "  open     duckdb -c \"SELECT * FROM read_parquet('%s**/*.parquet', hive_partitioning = true) LIMIT 10\"%n",
                first));
        if (manifests) {
            out.append("  refs     ").append(base).append("manifests/  (kerchunk: <collection>/items/<id>.json,"
                    + " time stacks <collection>/<tile>/<asset>.json, .parq/ alike)\n");
        }
        return out.toString();
    }

    /** A {@code file:} URI as a plain local path (with its trailing slash); other URIs as they are. */
    private static String display(String uri) {
        return uri.startsWith("file:") ? Path.of(java.net.URI.create(uri)) + "/" : uri;
    }
}
