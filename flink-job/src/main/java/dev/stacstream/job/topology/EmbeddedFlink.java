package dev.stacstream.job.topology;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.flink.client.deployment.executors.LocalExecutor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.RpcServiceSharing;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The embedded Flink of {@code stacstream run}: a {@link MiniCluster} that starts on a background thread as soon as
 * the pipeline's Flink configuration is known, while the caller builds the job, and an environment whose local
 * executor submits to it.
 *
 * <p>{@link StreamExecutionEnvironment#createLocalEnvironment} starts its MiniCluster only inside
 * {@code executeAsync}, after the job graph is built: the two happen one after the other on the main thread. Starting
 * the cluster (RPC actor systems, BLOB server, TaskManager, REST endpoint) takes about 1.2 s, building the topology
 * several hundred milliseconds, and on two cores the start-up leaves one idle. Here they overlap. The job runs as
 * it would on {@code createLocalEnvironment}: the same configuration, slots for the job's parallelism, the
 * cluster shut down when the job ends ({@link LocalExecutor}'s per-job behaviour); only the moment the cluster
 * starts differs.
 */
public final class EmbeddedFlink implements AutoCloseable {

    private final Configuration configuration;
    private final Prestarted cluster;

    private EmbeddedFlink(Configuration configuration, Prestarted cluster) {
        this.configuration = configuration;
        this.cluster = cluster;
    }

    /**
     * Starts an embedded Flink for a job configured by {@code conf}, with the web UI on {@code uiPort} when it is
     * positive (else the REST endpoint binds a free port, as in a local environment). Returns at once; a failure
     * to start surfaces when the job is submitted.
     */
    public static EmbeddedFlink start(Configuration conf, int uiPort) {
        Configuration c = new Configuration(conf);
        if (uiPort > 0) {
            c.set(RestOptions.PORT, uiPort);
            c.set(RestOptions.ADDRESS, "localhost");
            c.set(RestOptions.BIND_ADDRESS, "localhost");
        } else if (!c.contains(RestOptions.BIND_PORT)) {
            c.set(RestOptions.BIND_PORT, "0");
        }
        if (!c.contains(CoreOptions.DEFAULT_PARALLELISM)) {
            c.set(CoreOptions.DEFAULT_PARALLELISM, Runtime.getRuntime().availableProcessors());
        }
        c.set(DeploymentOptions.TARGET, LocalExecutor.NAME);
        c.set(DeploymentOptions.ATTACHED, true);
        // Every operator shares the default slot sharing group, so the job needs as many slots as its largest
        // parallelism, which is the default parallelism (no operator of the topology asks for more).
        int slots = c.getOptional(TaskManagerOptions.NUM_TASK_SLOTS).orElse(c.get(CoreOptions.DEFAULT_PARALLELISM));
        Prestarted cluster = new Prestarted(new MiniClusterConfiguration.Builder()
                .setConfiguration(c)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .setRpcServiceSharing(RpcServiceSharing.SHARED)
                .build());
        cluster.startInBackground();
        return new EmbeddedFlink(c, cluster);
    }

    /** An environment configured like {@code createLocalEnvironment(conf)} whose jobs run on this cluster. */
    public StreamExecutionEnvironment environment() {
        return new StreamExecutionEnvironment(new ClusterExecutors(), configuration,
                Thread.currentThread().getContextClassLoader());
    }

    /**
     * Shuts the cluster down, once its start has ended: for a run that fails before its job is submitted (a
     * submitted job's end shuts it down by itself). Closing twice is harmless.
     */
    @Override
    public void close() throws Exception {
        try {
            cluster.awaitStart();
        } catch (Exception e) {
            // It did not start: closing releases whatever it had started.
        }
        cluster.closeAsync().get();
    }

    /** Whether the cluster runs: from the end of its start until the job ends or {@link #close}. */
    boolean isRunning() {
        return cluster.isRunning();
    }

    /** Hands this cluster to the local executor that {@code executeAsync} creates. */
    private final class ClusterExecutors implements PipelineExecutorServiceLoader {

        @Override
        public PipelineExecutorFactory getExecutorFactory(Configuration conf) {
            return new PipelineExecutorFactory() {
                @Override
                public String getName() {
                    return LocalExecutor.NAME;
                }

                @Override
                public boolean isCompatibleWith(Configuration c) {
                    return LocalExecutor.NAME.equals(c.get(DeploymentOptions.TARGET));
                }

                @Override
                public LocalExecutor getExecutor(Configuration c) {
                    return LocalExecutor.createWithFactory(c, wanted -> {
                        int needed = slots(wanted);
                        if (needed > cluster.slots) {
                            throw new IllegalStateException("the job needs " + needed
                                    + " slots; the embedded Flink was started with " + cluster.slots);
                        }
                        return cluster;
                    });
                }
            };
        }

        @Override
        public Stream<String> getExecutorNames() {
            return List.of(LocalExecutor.NAME).stream();
        }
    }

    private static int slots(MiniClusterConfiguration configuration) {
        return configuration.getConfiguration().get(TaskManagerOptions.NUM_TASK_SLOTS);
    }

    /**
     * A MiniCluster started ahead of its job. The per-job factory of the local executor calls {@link #start()} on
     * the cluster it is given; here that waits for the background start instead of starting it a second time.
     */
    private static final class Prestarted extends MiniCluster {

        private final CompletableFuture<Void> started = new CompletableFuture<>();
        private final int slots;

        Prestarted(MiniClusterConfiguration configuration) {
            super(configuration);
            this.slots = slots(configuration);
        }

        void startInBackground() {
            Thread thread = new Thread(() -> {
                try {
                    super.start();
                    started.complete(null);
                } catch (Throwable e) {
                    started.completeExceptionally(e);
                }
            }, "stacstream-flink-start");
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits for the background start to end; rethrows its failure. */
        void awaitStart() throws Exception {
            try {
                started.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }

        @Override
        public void start() throws Exception {
            awaitStart();
        }
    }
}
